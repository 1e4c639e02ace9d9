"""``hometeams demo``: the 1.4-versus-2 evening, compared from start to finish, with no files.

"The need was 1.4. But then you had to have two. So there was a lot of idle time" (seed 000,
L976-978). The demo runs the three evening models of :func:`hometeams.cases.evening_staffing`
-- the rehabilitation team's fixed evening rota, pooled with the district, and overflow -- on
the same visits, prints the comparison, and writes everything into a new folder
(``hometeams-demo/`` by default): the scenario file itself, to copy and edit into one's own
district, the results as CSV and JSON, a figure and the HTML report. It never writes into an
existing folder without ``--overwrite``.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import attrs

from hometeams._files import write_bytes
from hometeams._words import words
from hometeams.cli._common import (
    EXIT_OK,
    Command,
    add_output_options,
    add_run_options,
    check_free,
    choose_metrics,
    print_json,
)
from hometeams.cli._compare import (
    chosen_study,
    comparison_text,
    first_records,
    reading_options,
)
from hometeams.errors import InvalidArgument
from hometeams.experiment import TABLES, Comparison, Study, compare
from hometeams.io import ScenarioFile, example_scenario, write_scenario

__all__ = ["COMMAND", "demo_scenario"]

DEFAULT_FOLDER = Path("hometeams-demo")
_FILES = (
    "scenario.toml",
    *(f"{name}.csv" for name in TABLES),
    "comparison.json",
    "comparison.png",
    "report.html",
)


def demo_scenario() -> ScenarioFile:
    """The demo's scenario: :func:`hometeams.cases.evening_staffing` as a scenario file.

    The same as :func:`hometeams.io.example_scenario` (a test keeps them equal), which stands
    in should the cases not be installed.

    Examples
    --------
    >>> demo_scenario().model_names
    ('fixed team', 'pooled', 'overflow')
    """
    packaged = example_scenario()
    try:
        from hometeams.cases import evening_staffing  # noqa: PLC0415 - optional layer
    except ImportError:  # pragma: no cover - the cases ship with the package
        return packaged
    built = ScenarioFile.from_study(
        Study(evening_staffing(), packaged.experiment), name=packaged.scenario.name
    )
    models = [
        attrs.evolve(spec, name_nb=packaged.model(spec.name).name_nb) for spec in built.models
    ]
    return attrs.evolve(built, models=models, name_nb=packaged.name_nb, report=packaged.report)


def _figure(
    path: Path,
    comparison: Comparison,
    metrics: list[str],
    lang: str,
    names: dict[str, str],
    *,
    overwrite: bool,
) -> bool:
    try:
        from hometeams.report import plot_comparison, renamed  # noqa: PLC0415 - matplotlib
    except ImportError:
        return False
    figure = plot_comparison(renamed(comparison, names), metrics=metrics, lang=lang)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=120)
    write_bytes(path, buffer.getvalue(), overwrite=overwrite)
    import matplotlib.pyplot as plt  # noqa: PLC0415 - only with the figure

    plt.close(figure)
    return True


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    add_run_options(
        parser,
        replications="replications per model (default 20)",
        out=f"the folder to write into (default: a new folder {DEFAULT_FOLDER}/ here)",
        min_replications=2,
    )
    add_output_options(parser)


def _run(args: argparse.Namespace) -> int:
    folder: Path = args.out if args.out is not None else DEFAULT_FOLDER
    if folder.exists() and not args.overwrite:
        raise InvalidArgument(f"{folder} exists; pass --overwrite to write into it")
    if folder.exists() and not folder.is_dir():
        raise InvalidArgument(f"{folder} is a file, not a folder")
    file = demo_scenario()
    shown = list(choose_metrics(args.metrics, file=file))
    check_free([folder / name for name in _FILES], overwrite=args.overwrite)
    comparison = compare(
        chosen_study(file, replications=args.replications, seed=args.seed),
        executor=args.workers,
        keep_records=(0,),
    )
    folder.mkdir(parents=True, exist_ok=True)
    written = [write_scenario(file, folder / "scenario.toml", overwrite=args.overwrite)]
    written += comparison.to_csv(folder, overwrite=args.overwrite)
    written.append(comparison.to_json(folder / "comparison.json", overwrite=args.overwrite))
    reading = reading_options(file, args.lang)
    if _figure(
        folder / "comparison.png",
        comparison,
        shown[:6],
        args.lang,
        reading["names"],
        overwrite=args.overwrite,
    ):
        written.append(folder / "comparison.png")
        from hometeams.report import write_report  # noqa: PLC0415 - matplotlib

        written.append(
            write_report(
                comparison,
                folder / "report.html",
                records=first_records(comparison),
                org=file.scenario.organisation,
                title=file.title(args.lang),
                lang=args.lang,
                overwrite=args.overwrite,
                **reading,
            )
        )
    else:
        print(
            "hometeams demo: warning: matplotlib is not installed (pip install "
            "'hometeams[plot]'): no figure and no report",
            file=sys.stderr,
        )
    if args.json:
        print_json(
            {"folder": str(folder), "files": [str(p) for p in written], **comparison.to_dict()}
        )
        return EXIT_OK
    text = comparison_text(
        comparison, metrics=shown, lang=args.lang, title=file.title(args.lang), **reading
    )
    print(text)
    print()
    names = ", ".join(path.name for path in written)
    print(words("demo.next", args.lang, files=names, folder=folder))
    return EXIT_OK


COMMAND = Command(
    name="demo",
    help="the 1.4-versus-2 evening: a whole comparison and report, no files needed",
    description="Run the built-in comparison -- a rehabilitation team's evenings with a need "
    "of 1.4 staff, as a fixed team of two, pooled with the district's home nursing, and with "
    "overflow -- print the results, and write the scenario file, the results, a figure and "
    "the HTML report into a new folder.",
    epilog="examples:\n"
    "  hometeams demo\n"
    "  hometeams demo --lang nb --out kveld\n"
    "  hometeams demo --replications 5 --workers 1 --out quick --overwrite\n"
    "\nexit status: 0 success, 2 the folder exists (use --overwrite) or a wrong option",
    add_arguments=_add_arguments,
    run=_run,
)
