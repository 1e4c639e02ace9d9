"""Tests of the example scenario files in ``examples/scenarios``.

Every example must be a valid scenario file that ``hometeams check`` accepts, that writes back
stably, and whose every model runs. The flagship files made from :mod:`hometeams.cases` must
describe exactly what the case builders build, and the built-in demo scenario must be the
evening example byte for byte.

The case files are generated from the builders. When a builder changes, regenerate their
bodies (the comment block at the top of each file is kept) with::

    python tests/test_examples_scenarios.py
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest

from hometeams.cli import main
from hometeams.experiment import Study, compare
from hometeams.io import (
    ExperimentSettings,
    ScenarioFile,
    dumps_scenario,
    example_scenario,
    loads_scenario,
    read_scenario,
)
from hometeams.model import TeamCategory

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "examples" / "scenarios"
EXAMPLES = sorted(FOLDER.glob("*.toml"))


def _cases() -> dict[str, tuple[Callable[..., Any], dict[str, Any]]]:
    from hometeams.cases import evening_staffing, lumpy_discharges, pooled_coordinators

    return {
        "evening-1.4-vs-2.toml": (evening_staffing, {}),
        "lumpy-discharges.toml": (lumpy_discharges, {}),
        "pooled-coordinators.toml": (pooled_coordinators, {}),
        "pooled-coordinators-queue.toml": (pooled_coordinators, {"work": "queue"}),
    }


def _built(name: str, written: ScenarioFile) -> ScenarioFile:
    build, kwargs = _cases()[name]
    built = ScenarioFile.from_study(
        Study(build(**kwargs), written.experiment), name=written.scenario.name
    )
    # Norwegian names and how to read the results are the file's, not the builder's.
    models = [attrs.evolve(spec, name_nb=written.model(spec.name).name_nb) for spec in built.models]
    return attrs.evolve(built, models=models, name_nb=written.name_nb, report=written.report)


def test_the_examples_are_there() -> None:
    """The flagship problems, the five case municipalities and work lists have scenario files."""
    names = {path.name for path in EXAMPLES}
    assert {f"case-{k}.toml" for k in "abcde"} <= names
    assert set(_cases()) <= names
    assert {"day-only-team.toml", "sick-leave-vulnerability.toml",
            "competence-misallocation.toml", "case-d-work-lists.toml"} <= names  # fmt: skip


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_checks_and_writes_back_stably(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``hometeams check`` accepts it, and text -> object -> text is stable."""
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"OK: {path}: ")
    file = read_scenario(path)
    text = dumps_scenario(file)
    assert dumps_scenario(loads_scenario(text, base=path.parent)) == text


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_model_of_every_example_runs(path: Path) -> None:
    """Each model runs one short replication (two days) and serves some of its jobs."""
    file = read_scenario(path)
    short = attrs.evolve(file.scenario, horizon=2 * 1440.0, warmup=0.0)
    file = attrs.evolve(file, scenario=short, experiment=ExperimentSettings())
    study = file.study().with_settings(replications=2, seed=1, metrics=["jobs", "served"])
    result = compare(study, executor="serial")
    assert (result.values[:, :, 1] > 0).all()


ROTAS_AT_CONTRACT = [
    *(f"case-{k}.toml" for k in "abcde"),
    "day-only-team.toml",
    "lumpy-discharges.toml",
    "evening-1.4-vs-2.toml",
]
"""Files whose rotas keep everyone within their position, averaged over a two-week cycle."""


@pytest.mark.parametrize("name", ROTAS_AT_CONTRACT)
def test_no_one_is_rostered_over_their_position(name: str) -> None:
    """``hometeams check`` finds no contract warning: no one works 10 % over their position."""
    findings = read_scenario(FOLDER / name).audit()
    over = [f.message for f in findings if f.kind == "contract" and f.severity == "warning"]
    assert over == []


NURSES = frozenset({"nurse", "specialist-nurse"})
"""Professions that count as the nurse on a shift (a specialist nurse is a nurse too)."""


def _on_shift(file: ScenarioFile) -> dict[str, dict[tuple[int, str], list[str]]]:
    """Professions on each (cycle day, period) of each geographic team's rota."""
    scenario = file.scenario
    organisation = scenario.organisation
    on: dict[str, dict[tuple[int, str], list[str]]] = {
        team.id: defaultdict(list)
        for team in organisation.teams
        if team.category is TeamCategory.GEOGRAPHIC
    }
    for shift in scenario.cycle:
        team = scenario.roster.lines[shift.line].team
        if team in on:
            profession = organisation.staff_by_id[shift.staff].profession
            on[team][shift.cycle_day, shift.period.value].append(profession)
    return on


@pytest.mark.parametrize("name", [f"case-{k}.toml" for k in "abcde"])
def test_every_day_and_evening_of_a_geographic_team_has_a_nurse(name: str) -> None:
    """Each day and evening shift of each geographic team's rota has a nurse on it.

    Medication and assessments call for a nurse on every shift of home care. The one excuse is
    arithmetic: a team whose nurses work fewer shifts in a cycle than it has day and evening
    shifts cannot cover them all (case C's north groups: 2.4 FTE of nurses, 24 shifts a
    fortnight for 28); it must still have one on every day shift and on some evenings.
    """
    for team, on in _on_shift(read_scenario(FOLDER / name)).items():
        staffed = sorted(key for key in on if key[1] in ("day", "evening"))
        assert staffed, f"{team}: no one on its rota"
        bare = [key for key in staffed if NURSES.isdisjoint(on[key])]
        nurse_shifts = sum(profession in NURSES for key in staffed for profession in on[key])
        if nurse_shifts >= len(staffed):
            assert bare == [], f"{team}: no nurse on (cycle day, shift) {bare}"
        else:
            assert [period for _, period in bare] == ["evening"] * len(bare), team
            evenings = [key for key in staffed if key[1] == "evening"]
            assert len(bare) < len(evenings), f"{team}: no nurse on any evening"


def _off_duty(file: ScenarioFile) -> list[str]:
    """The stretches of the roster's cycle with nobody rostered, as ``"day HH:MM-HH:MM"``.

    Worked out from the roster's shifts on its cycle alone; a shift that runs past the end of
    the cycle (Sunday's night) goes on into the start of the next turn.
    """
    scenario = file.scenario
    length = 7 * 1440.0 * scenario.roster.cycle
    spans: list[tuple[float, float]] = []
    for shift in scenario.cycle:
        start = shift.start % length
        end = start + (shift.end - shift.start)
        spans.append((start, min(end, length)))
        if end > length:
            spans.append((0.0, end - length))
    stretches: list[tuple[float, float]] = []
    on_until = 0.0
    for start, end in sorted(spans):
        if start > on_until:
            stretches.append((on_until, start))
        on_until = max(on_until, end)
    if on_until < length:
        stretches.append((on_until, length))

    def clock(t: float) -> str:
        return f"{int(t % 1440) // 60:02d}:{int(t % 1440) % 60:02d}"

    return [f"day {int(a // 1440)} {clock(a)}-{clock(b)}" for a, b in stretches]


def test_case_e_has_someone_on_duty_at_every_minute() -> None:
    """Kommune E's night patrol starts when the evening ends and ends when the day starts.

    Alarms come at any time: with evenings to 22:30, days from 07:30 and nights of 23-07, an
    alarm at 22:45 or 07:15 would find nobody on duty.
    """
    assert _off_duty(read_scenario(FOLDER / "case-e.toml")) == []


@pytest.mark.parametrize("name", sorted(_cases()))
def test_case_files_are_the_case_builders(name: str) -> None:
    """A flagship file describes exactly the models its :mod:`hometeams.cases` builder makes."""
    written = read_scenario(FOLDER / name)
    assert written == _built(name, written), f"regenerate: python {Path(__file__).name}"


def test_the_built_in_scenario_is_the_evening_example() -> None:
    """The packaged scenario behind ``hometeams demo`` is examples' evening file, byte for byte."""
    packaged = resources.files("hometeams").joinpath("data", "scenarios", "evening.toml")
    example = FOLDER / "evening-1.4-vs-2.toml"
    assert packaged.read_text(encoding="utf-8") == example.read_text(encoding="utf-8")
    assert example_scenario() == read_scenario(example)


def _regenerate() -> None:  # pragma: no cover - a maintenance script
    from hometeams.io._emit import emit
    from hometeams.io._layout import ARRAYS, INLINE, TABLES, file_data

    for name in _cases():
        path = FOLDER / name
        text = path.read_text(encoding="utf-8")
        header = []
        for line in text.splitlines():
            if not line.startswith("#") and line.strip():
                break
            header.append(line)
        built = _built(name, read_scenario(path))
        body = emit(file_data(built), tables=TABLES, arrays=ARRAYS, inline=INLINE, width=120)
        path.write_text("\n".join(header).rstrip() + "\n\n" + body, encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":  # pragma: no cover
    _regenerate()
