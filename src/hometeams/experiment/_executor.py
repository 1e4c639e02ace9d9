"""Where the replications run: in this process, on a local process pool, or on a Dask cluster.

Every replication is an independent task, so a comparison maps them over any
:class:`concurrent.futures.Executor`:

* ``"serial"`` runs them one after the other in this process (tests, debugging, notebooks with
  runners defined in the notebook);
* ``None`` (the default) starts a :class:`~concurrent.futures.ProcessPoolExecutor` with one
  worker per core for the duration of the call and shuts it down afterwards;
* an executor you pass is used as it is and left running: your own process pool, or a Dask
  cluster's ``distributed.Client(...).get_executor()``.

The results never depend on which one ran them: every task carries its own seed, and results are
put back in (model, replication) order, whatever order they finish in.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import ParamSpec, TypeAlias, TypeVar

from hometeams.errors import InvalidArgument
from hometeams.experiment._model import Model

__all__ = ["ExecutorSetting", "SerialExecutor", "check_picklable", "executor_for"]

ExecutorSetting: TypeAlias = Executor | str | int | None
"""``None`` (a process pool over all cores), a number of worker processes (``1`` runs in this
process), ``"serial"``, or an executor instance."""

_P = ParamSpec("_P")
_T = TypeVar("_T")


class SerialExecutor(Executor):
    """An executor that runs each task at once, in the calling process.

    Examples
    --------
    >>> from hometeams.experiment._executor import SerialExecutor
    >>> SerialExecutor().submit(pow, 2, 10).result()
    1024
    """

    def submit(self, fn: Callable[_P, _T], /, *args: _P.args, **kwargs: _P.kwargs) -> Future[_T]:
        """Run ``fn(*args, **kwargs)`` now; its result or exception is in the future."""
        future: Future[_T] = Future()
        try:
            result = fn(*args, **kwargs)
        except Exception as err:  # handed to the caller through the future
            future.set_exception(err)
        else:
            future.set_result(result)
        return future


def _pickle_error(obj: object) -> str | None:
    try:
        pickle.dumps(obj)
    except (pickle.PicklingError, AttributeError, TypeError) as err:
        return str(err)
    return None


def check_picklable(runner: object, models: Iterable[Model]) -> None:
    """Refuse a runner or model that cannot travel to a worker process, saying which and why."""
    advice = "; pass executor='serial' to run in this process"
    problem = _pickle_error(runner)
    if problem is not None:
        raise InvalidArgument(
            "runner: must be picklable to run on a process pool (a function defined at the top "
            f"level of a module), got: {problem}{advice}"
        )
    for model in models:
        problem = _pickle_error(model)
        if problem is not None:
            raise InvalidArgument(
                f"model {model.name!r}: its scenario and policy must be picklable to run on a "
                f"process pool, got: {problem}{advice}"
            )


@contextmanager
def executor_for(
    setting: ExecutorSetting, *, runner: object, models: Iterable[Model]
) -> Iterator[Executor]:
    """The executor ``setting`` asks for, shut down afterwards if this function started it.

    Before starting a process pool, the runner and the models are checked for picklability, so
    that a lambda runner fails with a clear message rather than deep inside the pool.
    """
    if isinstance(setting, Executor):
        yield setting
        return
    if setting is None:
        workers = os.cpu_count() or 1
    elif setting == "serial":
        workers = 1
    elif isinstance(setting, int) and not isinstance(setting, bool) and setting >= 1:
        workers = setting
    else:
        raise InvalidArgument(
            "executor: must be None, 'serial', a number of worker processes >= 1 or a "
            f"concurrent.futures.Executor, got {setting!r}"
        )
    if workers == 1 and setting is not None:
        yield SerialExecutor()
        return
    check_picklable(runner, models)
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
