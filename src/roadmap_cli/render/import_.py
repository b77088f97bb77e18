"""Text of ``roadmap import`` when it wrote a file: what was imported, what to do next."""

from __future__ import annotations

import shlex

from rich.text import Text

from roadmap_cli.actions.import_ import ImportResult
from roadmap_cli.importing.summary import count_by_reason
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import say, whole
from roadmap_cli.support.i18n import _
from roadmap_cli.support.textsafe import clean_line

__all__: list[str] = []


def _plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else words or word + 's'}"


#: Reasons whose items are kept as text (a summary, a note, the description).
_KEPT_AS_TEXT = {"remark": "items read as remarks", "intro link": "links in the introduction"}


def render_import(result: ImportResult, lang: str) -> None:
    """Print ``result`` (on stderr when the TOML went to stdout), titles in ``lang``."""
    console = make_console(stderr=result.to_stderr)
    target = whole(clean_line(str(result.output))) if result.output else "stdout"
    verb = "Replaced" if result.replaced else "Wrote"
    head = Text(f"{verb} {target}: " if result.output else "Printed ", style="done")
    head.append("roadmap ")
    head.append(clean_line(result.roadmap_id), style="id")
    head.append(
        f" with {_plural(result.stages, 'stage')}, {_plural(result.topics, 'topic')}, "
        f"{_plural(result.resources, 'resource')} from {whole(clean_line(str(result.source)))}"
    )
    say(console, head)
    if result.replaced:
        say(console, Text(f"kept the ids of {_plural(result.kept_ids, 'topic')}", style="muted"))
    for notice in result.notices:
        say(console, Text(clean_line(notice), style="warning"))
    counts = count_by_reason(result.left_out)
    kept = {r: n for r, n in counts.items() if r in _KEPT_AS_TEXT}
    dropped = {r: n for r, n in counts.items() if r not in _KEPT_AS_TEXT}
    if dropped:
        parts = ", ".join(f"{n} {reason}" for reason, n in dropped.items())
        say(console, Text(f"Left out: {parts}", style="warning"))
    if kept:
        parts = ", ".join(f"{n} {_KEPT_AS_TEXT[reason]}" for reason, n in kept.items())
        say(console, Text(f"Kept as text, not topics: {parts}", style="muted"))
    if counts:
        shown = result.left_out if result.verbose else []
        for item in shown:
            say(console, Text(f"  {clean_line(str(item))}", style="muted"))
        if not result.verbose:
            say(console, Text("  (-v lists them one by one)", style="muted"))
    if result.ticked:
        if result.recorded is not None:
            recorded = Text(
                f"{_plural(len(result.ticked), 'ticked box', 'ticked boxes')}: "
                f"{len(result.recorded)} newly recorded as done ('roadmap undo' reverts them)",
                style="done",
            )
        else:
            recorded = Text(
                f"{_plural(len(result.ticked), 'ticked box', 'ticked boxes')} "
                "(add --progress to record them as done)",
                style="muted",
            )
        say(console, recorded)
    if result.warnings:
        say(
            console,
            Text(
                f"{_plural(len(result.warnings), 'warning')} (e.g. no English titles): "
                f"see 'roadmap validate {shlex.quote(target)}'",
                style="muted",
            ),
        )
    if result.output is not None:
        arg = shlex.quote(target)
        use = _("Use it: {command}").format(command=f"roadmap --roadmap {arg} next")
        say(console, Text(use, style="muted"))
