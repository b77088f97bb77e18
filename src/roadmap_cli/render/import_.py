"""Text of ``roadmap import`` when it wrote a file: what was imported, what to do next."""

from __future__ import annotations

import shlex

from rich.text import Text

from roadmap_cli.actions.import_ import ImportResult
from roadmap_cli.importing.summary import count_by_reason
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import say, whole
from roadmap_cli.support.i18n import N_, _
from roadmap_cli.support.textsafe import clean_line
from roadmap_cli.support.words import plural

__all__: list[str] = []


#: Reasons whose items are kept as text (a summary, a note, the description).
_KEPT_AS_TEXT = {
    "remark": N_("items read as remarks"),
    "intro link": N_("links in the introduction"),
}


def render_import(result: ImportResult, lang: str) -> None:
    """Print ``result`` (on stderr when the TOML went to stdout), titles in ``lang``."""
    console = make_console(stderr=result.to_stderr)
    target = whole(clean_line(str(result.output))) if result.output else "stdout"
    verb = _("Replaced {file}: ") if result.replaced else _("Wrote {file}: ")
    head = Text(verb.format(file=target) if result.output else _("Printed "), style="done")
    head.append(_("roadmap "))
    head.append(clean_line(result.roadmap_id), style="id")
    head.append(
        _(" with {stages}, {topics}, {resources} from {source}").format(
            stages=plural(result.stages, "stage"),
            topics=plural(result.topics, "topic"),
            resources=plural(result.resources, "resource"),
            source=whole(clean_line(str(result.source))),
        )
    )
    say(console, head)
    if result.replaced:
        say(
            console,
            Text(
                _("kept the ids of {topics}").format(topics=plural(result.kept_ids, "topic")),
                style="muted",
            ),
        )
    for notice in result.notices:
        say(console, Text(clean_line(notice), style="warning"))
    counts = count_by_reason(result.left_out)
    kept = {r: n for r, n in counts.items() if r in _KEPT_AS_TEXT}
    dropped = {r: n for r, n in counts.items() if r not in _KEPT_AS_TEXT}
    if dropped:
        parts = ", ".join(f"{n} {reason}" for reason, n in dropped.items())
        say(console, Text(_("Left out: {parts}").format(parts=parts), style="warning"))
    if kept:
        parts = ", ".join(f"{n} {_(_KEPT_AS_TEXT[reason])}" for reason, n in kept.items())
        say(
            console, Text(_("Kept as text, not topics: {parts}").format(parts=parts), style="muted")
        )
    if counts:
        shown = result.left_out if result.verbose else []
        for item in shown:
            say(console, Text(f"  {clean_line(str(item))}", style="muted"))
        if not result.verbose:
            say(console, Text("  " + _("(-v lists them one by one)"), style="muted"))
    if result.ticked:
        if result.recorded is not None:
            recorded = Text(
                _("{boxes}: {n} newly recorded as done ({command} reverts them)").format(
                    boxes=plural(len(result.ticked), "ticked box"),
                    n=len(result.recorded),
                    command="'roadmap undo'",
                ),
                style="done",
            )
        else:
            recorded = Text(
                _("{boxes} (add --progress to record them as done)").format(
                    boxes=plural(len(result.ticked), "ticked box")
                ),
                style="muted",
            )
        say(console, recorded)
    if result.warnings:
        say(
            console,
            Text(
                _("{warnings} (e.g. no English titles): see {command}").format(
                    warnings=plural(len(result.warnings), "warning"),
                    command=f"'roadmap validate {shlex.quote(target)}'",
                ),
                style="muted",
            ),
        )
    if result.output is not None:
        arg = shlex.quote(target)
        use = _("Use it: {command}").format(command=f"roadmap --roadmap {arg} next")
        say(console, Text(use, style="muted"))
