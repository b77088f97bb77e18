"""``roadmap report``: how far along the learner is, in the terminal or written to a file
(text, GitHub Markdown checklist, JSON, SVG or HTML picture)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from roadmap_cli.cli.commands._common import JsonOption, app_context
from roadmap_cli.errors import UsageError
from roadmap_cli.render import emit_json
from roadmap_cli.support.i18n import _

#: The values of ``--format``.
FORMATS = ("text", "markdown", "json", "svg", "html")


def _check_format(fmt: str | None, as_json: bool) -> str:
    chosen = (fmt or ("json" if as_json else "text")).strip().lower()
    from roadmap_cli.actions.report import FORMATS

    if chosen not in FORMATS:
        raise UsageError(
            _("--format: unknown format {fmt!r}").format(fmt=fmt),
            _("use one of {choices}").format(choices=", ".join(FORMATS)),
        )
    if as_json and chosen != "json":
        raise UsageError(
            _("--json conflicts with --format {fmt}").format(fmt=chosen),
            _("use one of them (--json = --format json)"),
        )
    return chosen


def _complete_format(incomplete: str) -> list[str]:
    from roadmap_cli.actions.report import FORMATS

    return [f for f in FORMATS if f.startswith(incomplete)]


FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="text (default), markdown (a GitHub checklist), json, svg or html (a picture).",
        autocompletion=_complete_format,
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the report to this file instead of the terminal.",
        show_default=False,
    ),
]


def command(
    ctx: typer.Context,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the --output file if it exists.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Show how far along you are: progress, activity, streak, pace and finish date.

    Progress bars per stage, what is in progress, done lately and next, a 16-week activity
    heatmap, your streak, pace and projected finish date. Dates are in your local time
    zone. --format markdown writes the roadmap as a GitHub checklist; svg and html draw
    the report as a picture.

    Examples:

      roadmap report

      roadmap report --format markdown --output progress.md --force

      roadmap report --format svg --output report.svg

      roadmap report --json
    """
    from roadmap_cli.actions.report import build_report, write_report
    from roadmap_cli.render.report_document import render_document

    app = app_context(ctx)
    chosen = _check_format(fmt, as_json)
    result = build_report(app)
    if output is None and chosen == "json":
        emit_json(result)
        return
    if output is None and chosen == "text":
        from roadmap_cli.render.report import render_report

        render_report(result, app.lang)
        return
    text = render_document(result, chosen, app.lang)
    if output is None or str(output) == "-":  # "-o -" is stdout, as for progress export
        sys.stdout.write(text)
        return
    write_report(output, text, force=force, data_dir=app.store().data_dir)
    done = _("wrote the report ({format}) to {path}").format(format=chosen, path=output)
    sys.stderr.write(f"roadmap: {done}\n")
