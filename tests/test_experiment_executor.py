"""Tests of executor selection: serial, the default process pool, and a caller's executor."""

from __future__ import annotations

import logging
import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

import numpy as np
import pytest

from hometeams.errors import InvalidArgument
from hometeams.experiment import (
    Comparison,
    ExperimentSettings,
    Model,
    SerialExecutor,
    Synthetic,
    compare,
    synthetic_runner,
)
from hometeams.experiment._executor import executor_for


def _fail() -> None:
    raise RuntimeError("boom")


def test_serial_executor_runs_at_once_and_keeps_exceptions() -> None:
    """The serial executor returns finished futures holding a result or the exception."""
    ex = SerialExecutor()
    assert ex.submit(divmod, 7, 2).result() == (3, 1)
    future = ex.submit(_fail)
    assert future.done()
    with pytest.raises(RuntimeError, match="boom"):
        future.result()


def test_serial_setting_gives_a_serial_executor() -> None:
    """executor='serial' runs in this process."""
    with executor_for("serial", runner=None, models=[]) as ex:
        assert isinstance(ex, SerialExecutor)


def test_default_is_a_process_pool_shut_down_afterwards() -> None:
    """executor=None starts a process pool for the call and shuts it down after it."""
    with executor_for(None, runner=divmod, models=[]) as ex:
        assert isinstance(ex, ProcessPoolExecutor)
        assert ex.submit(divmod, 9, 4).result() == (2, 1)
    with pytest.raises(RuntimeError, match="shutdown"):
        ex.submit(divmod, 1, 1)


def test_a_given_executor_is_used_and_left_running() -> None:
    """An executor passed in is used as it is and not shut down."""
    with ThreadPoolExecutor(1) as pool:
        with executor_for(pool, runner=None, models=[]) as ex:
            assert ex is pool
        assert pool.submit(divmod, 4, 2).result() == (2, 0)


def test_unpicklable_runner_is_refused_before_starting_a_pool() -> None:
    """A lambda runner cannot reach a process pool: the error says why and what to do."""
    with (
        pytest.raises(InvalidArgument, match=r"runner: must be picklable .* executor='serial'"),
        executor_for(None, runner=lambda *_: {}, models=[]),
    ):
        pass  # pragma: no cover - not reached


def test_unpicklable_model_is_named() -> None:
    """A model whose policy cannot be pickled is named in the error."""
    model = Model("hybrid", None, policy=lambda job: job)
    with pytest.raises(InvalidArgument, match=r"model 'hybrid': its scenario and policy must be"):
        compare([model], ExperimentSettings(replications=2), runner=synthetic_runner)


@pytest.mark.parametrize("setting", ["threads", 0, -2, True, 1.5, object()])
def test_unknown_settings_are_refused(setting: object) -> None:
    """Anything but None, 'serial', workers >= 1 or an Executor is refused, naming it."""
    with (
        pytest.raises(InvalidArgument, match="executor: must be None, 'serial', a number"),
        executor_for(setting, runner=None, models=[]),  # type: ignore[arg-type]
    ):
        pass  # pragma: no cover - not reached


def test_a_number_of_workers_is_serial_for_one_and_a_pool_otherwise() -> None:
    """executor=1 runs in this process; executor=2 starts a pool of two, shut down afterwards."""
    with executor_for(1, runner=synthetic_runner, models=[]) as one:
        assert isinstance(one, SerialExecutor)
    with executor_for(2, runner=synthetic_runner, models=[]) as two:
        assert isinstance(two, ProcessPoolExecutor)
        assert two._max_workers == 2
    with pytest.raises(RuntimeError):
        two.submit(_fail)


def test_serial_executor_is_an_executor() -> None:
    """SerialExecutor can stand wherever a concurrent.futures.Executor is expected."""
    assert isinstance(SerialExecutor(), Executor)


# -- the same seed gives identical results on every executor ---------------------------------

MODELS = [
    Model("fixed", Synthetic({"wait": 12.0, "idle": 0.3}, common_sd=3.0)),
    Model("pooled", Synthetic({"wait": 9.0, "idle": 0.2}, common_sd=3.0)),
]


def _compare(executor: object) -> Comparison:
    return compare(
        MODELS,
        ExperimentSettings(replications=4, seed=99),
        executor=executor,
        runner=synthetic_runner,
        progress=False,
    )  # type: ignore[arg-type]


def test_serial_and_process_pool_agree_exactly() -> None:
    """The default process pool and a serial run give bit-identical values."""
    serial = _compare("serial")
    pooled = _compare(None)
    assert np.array_equal(serial.values, pooled.values)
    assert serial.metrics == pooled.metrics


def test_a_thread_pool_finishing_out_of_order_agrees() -> None:
    """Tasks finishing in reverse order are still filed by (model, replication)."""
    with ThreadPoolExecutor(4) as pool:
        shuffled = compare(
            MODELS,
            ExperimentSettings(replications=4, seed=99),
            executor=pool,
            runner=late_first_runner,
        )
    assert np.array_equal(shuffled.values, _compare("serial").values)


def late_first_runner(model: Model, seed: np.random.SeedSequence) -> dict[str, float]:
    """The synthetic runner, slower for earlier replications so that later ones finish first."""
    time.sleep(0.01 * (4 - seed.spawn_key[-1]))
    return synthetic_runner(model, seed)


def test_dask_cluster_agrees_exactly() -> None:
    """A Dask client's executor on a small local cluster gives the serial run's values."""
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=1,
            threads_per_worker=1,
            processes=False,
            dashboard_address=":0",  # any free port: another cluster may hold 8787
            silence_logs=logging.ERROR,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        on_dask = _compare(client.get_executor())
    assert np.array_equal(on_dask.values, _compare("serial").values)


def _real_models() -> list[Model]:
    """The evening case for one week, plus policies that carry built-in ordering rules."""
    from hometeams.cases import evening_staffing
    from hometeams.sim import ContinuityFirst, Pooled, lowest_care_level, nearest

    fixed, pooled, _ = evening_staffing(weeks=1)
    ordered = Pooled(order=(lowest_care_level, nearest))
    return [
        fixed,
        Model("pooled, ordered", pooled.scenario, policy=ordered),
        Model("continuity first", pooled.scenario, policy=ContinuityFirst(30, then=ordered)),
    ]


@pytest.mark.slow
def test_the_real_simulator_gives_identical_results_on_every_executor() -> None:
    """Serial, a process pool and a Dask cluster of worker processes agree bit for bit."""
    distributed = pytest.importorskip("distributed")
    models = _real_models()

    def run(executor: object) -> Comparison:
        return compare(
            models, ExperimentSettings(replications=2, seed=7), executor=executor, progress=False
        )  # type: ignore[arg-type]

    serial = run("serial")
    with ProcessPoolExecutor(2) as pool:
        assert np.array_equal(run(pool).values, serial.values, equal_nan=True)
    with (
        distributed.LocalCluster(
            n_workers=1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: another cluster may hold 8787
            silence_logs=logging.ERROR,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert np.array_equal(run(client.get_executor()).values, serial.values, equal_nan=True)
