"""Text of ``roadmap import`` when it wrote a file: what was imported, what to do next."""

from __future__ import annotations

import shlex

from roadmap_cli.actions.import_ import ImportResult
from roadmap_cli.importing.summary import count_by_reason, counted
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import say, whole
from roadmap_cli.render.text import Text
from roadmap_cli.support.i18n import N_, _
from roadmap_cli.support.textsafe import clean_line
from roadmap_cli.support.words import plural

__all__: list[str] = []


#: Reasons whose items are kept as text (a summary, a note, the description).
_KEPT_AS_TEXT = ("remark", "intro link")

#: Each reason as the one-by-one list (``-v``) names it.
_REASON_LABELS = {
    "badge": N_("badge"),
    "image": N_("image"),
    "social": N_("social"),
    "translation": N_("translation"),
    "intro link": N_("intro link"),
    "boilerplate": N_("boilerplate"),
    "table of contents": N_("table of contents"),
    "in-page link": N_("in-page link"),
    "empty heading": N_("empty heading"),
    "relative link": N_("relative link"),
    "not http": N_("not http"),
    "bad url": N_("bad url"),
    "remark": N_("remark"),
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
        say(console, Text(clean_line(notice.translated()), style="warning"))
    counts = count_by_reason(result.left_out)
    kept = {r: n for r, n in counts.items() if r in _KEPT_AS_TEXT}
    dropped = {r: n for r, n in counts.items() if r not in _KEPT_AS_TEXT}
    if dropped:
        parts = _(", ").join(counted(reason, n) for reason, n in dropped.items())
        say(console, Text(_("Left out: {parts}").format(parts=parts), style="warning"))
    if kept:
        parts = _(", ").join(counted(reason, n) for reason, n in kept.items())
        say(
            console, Text(_("Kept as text, not topics: {parts}").format(parts=parts), style="muted")
        )
    if counts:
        shown = result.left_out if result.verbose else []
        for item in shown:
            label = _REASON_LABELS.get(item.reason)
            line = _("line {n}: {what} ({reason})").format(
                n=item.line, what=item.what, reason=_(label) if label else item.reason
            )
            say(console, Text(f"  {clean_line(line)}", style="muted"))
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
