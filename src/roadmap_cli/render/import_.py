"""Text of ``roadmap import`` when it wrote a file: what was imported, what to do next."""

from __future__ import annotations

import shlex

from rich.text import Text

from roadmap_cli.actions.import_ import ImportResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import say, whole
from roadmap_cli.support.i18n import _
from roadmap_cli.support.textsafe import clean_line
from roadmap_cli.support.words import plural

__all__: list[str] = []


def render_import(result: ImportResult, lang: str) -> None:
    """Print ``result`` on stdout, titles in ``lang`` ("zh"/"en")."""
    console = make_console()
    target = whole(clean_line(str(result.output))) if result.output else "stdout"
    verb = _("Replaced {path}: ") if result.replaced else _("Wrote {path}: ")
    head = Text(verb.format(path=target), style="done")
    head.append(_("roadmap") + " ")
    head.append(clean_line(result.roadmap_id), style="id")
    head.append(
        " "
        + _("with {stages}, {topics}, {resources} from {source}").format(
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
    if result.skipped:
        say(
            console,
            Text(
                _("{links} not imported:").format(links=plural(len(result.skipped), "link")),
                style="warning",
            ),
        )
        for line in result.skipped[:10]:
            say(console, Text(f"  {clean_line(line)}", style="muted"))
        if len(result.skipped) > 10:
            more = _("… and {n} more").format(n=len(result.skipped) - 10)
            say(console, Text(f"  {more}", style="muted"))
    if result.warnings:
        say(
            console,
            Text(
                _("{warnings} (e.g. no English titles): see '{command}'").format(
                    warnings=plural(len(result.warnings), "warning"),
                    command=f"roadmap validate {shlex.quote(target)}",
                ),
                style="muted",
            ),
        )
    if result.output is not None:
        arg = shlex.quote(target)
        use = _("Use it: {command}").format(command=f"roadmap --roadmap {arg} next")
        say(console, Text(use, style="muted"))
