"""hometeams: plan, analyse and simulate team organisation in municipal home care.

``import hometeams as ht`` offers the names a planning script needs -- read a scenario file,
run its organisation models side by side, simulate one of them, summarise and report:

* files: :func:`read_scenario`, :func:`read_organisation`;
* the model: :class:`Organisation`, :class:`Scenario`;
* the organisation models (policies): :class:`FixedTeams`, :class:`Pooled`, :class:`Overflow`;
  work lists: :class:`FixedLists`, :class:`DailyLists`;
* running them: :func:`simulate`, :class:`Model`, :class:`Study` (models and
  :class:`ExperimentSettings`), :func:`compare`;
* the results: :func:`summarise`, the :mod:`hometeams.metrics` package, :func:`write_report`.

Each name is the object of its home package (``ht.Pooled is hometeams.sim.Pooled``), imported
on first use: ``import hometeams`` itself loads neither numpy nor SimPy, so a command line or a
script that needs only part of the library starts fast. Everything else lives in the
sub-packages (``hometeams.model``, ``hometeams.sim``, ``hometeams.experiment``, ...).

Examples
--------
>>> import hometeams as ht
>>> ht.Pooled
<class 'hometeams.sim._policies.Pooled'>
>>> "compare" in dir(ht)
True
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING, Any

from hometeams._version import __version__

if TYPE_CHECKING:
    from hometeams import metrics as metrics
    from hometeams.experiment import ExperimentSettings as ExperimentSettings
    from hometeams.experiment import Model as Model
    from hometeams.experiment import Study as Study
    from hometeams.experiment import compare as compare
    from hometeams.io import read_organisation as read_organisation
    from hometeams.io import read_scenario as read_scenario
    from hometeams.metrics import summarise as summarise
    from hometeams.model import Organisation as Organisation
    from hometeams.report import write_report as write_report
    from hometeams.scenario import Scenario as Scenario
    from hometeams.sim import DailyLists as DailyLists
    from hometeams.sim import FixedLists as FixedLists
    from hometeams.sim import FixedTeams as FixedTeams
    from hometeams.sim import Overflow as Overflow
    from hometeams.sim import Pooled as Pooled
    from hometeams.sim import simulate as simulate

# name -> the package it is re-exported from; "" marks a sub-package offered by its own name
_LAZY: dict[str, str] = {
    "DailyLists": "hometeams.sim",
    "ExperimentSettings": "hometeams.experiment",
    "FixedLists": "hometeams.sim",
    "FixedTeams": "hometeams.sim",
    "Model": "hometeams.experiment",
    "Organisation": "hometeams.model",
    "Overflow": "hometeams.sim",
    "Pooled": "hometeams.sim",
    "Scenario": "hometeams.scenario",
    "Study": "hometeams.experiment",
    "compare": "hometeams.experiment",
    "metrics": "",
    "read_organisation": "hometeams.io",
    "read_scenario": "hometeams.io",
    "simulate": "hometeams.sim",
    "summarise": "hometeams.metrics",
    "write_report": "hometeams.report",
}

__all__ = [
    "DailyLists",
    "ExperimentSettings",
    "FixedLists",
    "FixedTeams",
    "Model",
    "Organisation",
    "Overflow",
    "Pooled",
    "Scenario",
    "Study",
    "__version__",
    "compare",
    "metrics",
    "read_organisation",
    "read_scenario",
    "simulate",
    "summarise",
    "write_report",
]


def __getattr__(name: str) -> Any:
    """Import a name of :data:`__all__` from its home package on first use (PEP 562)."""
    home = _LAZY.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if not home:
        # importing a sub-package binds it on this package, so later look-ups bypass this hook
        return importlib.import_module(f"{__name__}.{name}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, the public sub-packages imported so far and the module's dunders."""
    shown = {
        name
        for name, value in globals().items()
        if name.startswith("__")
        or (
            isinstance(value, ModuleType)
            and value.__name__ == f"{__name__}.{name}"
            and not name.startswith("_")
        )
    }
    return sorted(shown | set(__all__))
