"""Text of ``roadmap progress export|merge|restore``."""

from __future__ import annotations

import shlex

from roadmap_cli.actions.progress import ExportResult, MergeResult, RestoreResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import say, whole
from roadmap_cli.render.text import Text
from roadmap_cli.support.i18n import _
from roadmap_cli.support.textsafe import clean_line
from roadmap_cli.support.words import plural

__all__: list[str] = []


def render_export(result: ExportResult, lang: str) -> None:
    """Print ``result`` on stdout, titles in ``lang`` ("zh"/"en")."""
    console = make_console()
    name = whole(clean_line(str(result.path)))
    if result.replaced:
        template = _("Replaced {path}: {events} of roadmap '{id}'.")
    else:
        template = _("Wrote {path}: {events} of roadmap '{id}'.")
    events = plural(result.events, "event")
    say(console, Text(template.format(path=name, events=events, id=result.roadmap_id)))
    merge = f"roadmap progress merge {shlex.quote(name)}"
    say(console, Text(_("On the other machine: {command}").format(command=merge), style="muted"))


def render_merge(result: MergeResult, lang: str) -> None:
    """Print ``result`` on stdout, titles in ``lang`` ("zh"/"en")."""
    console = make_console()
    name = whole(clean_line(str(result.path)))
    if not result.new:
        say(
            console,
            Text(
                _("Nothing new in {path}: your progress already has its events.").format(path=name)
            ),
        )
        return
    line = Text(
        _("Merged {path}: {events}").format(path=name, events=plural(result.new, "new event"))
    )
    if result.topics:
        shown = ", ".join(result.topics[:8]) + (" …" if len(result.topics) > 8 else "")
        line.append(" (")
        line.append(clean_line(shown), style="id")
        line.append(")")
    line.append(_("; {events} in all.").format(events=plural(result.after, "event")))
    say(console, line)
    say(console, Text(_("See the result with 'roadmap report'."), style="muted"))


def render_restore(result: RestoreResult, lang: str) -> None:
    """Print ``result`` on stdout, titles in ``lang`` ("zh"/"en")."""
    console = make_console()
    say(
        console,
        Text(
            _("Restored {path} from {backup} ({events}).").format(
                path=whole(clean_line(str(result.progress_file))),
                backup=whole(clean_line(str(result.backup))),
                events=plural(result.events, "event"),
            )
        ),
    )
    if result.damaged:
        say(
            console,
            Text(
                _("The unreadable file was kept as {path}.").format(
                    path=whole(clean_line(str(result.damaged)))
                ),
                style="muted",
            ),
        )
    if result.kept_as:
        say(
            console,
            Text(
                _("The file it replaced was kept as {path}.").format(
                    path=whole(clean_line(str(result.kept_as)))
                ),
                style="muted",
            ),
        )
