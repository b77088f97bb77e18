"""The text of ``roadmap link`` and ``roadmap unlink``: the resource added or removed."""

from __future__ import annotations

from roadmap_cli.actions.link import LinkResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import hang
from roadmap_cli.render.text import Text
from roadmap_cli.render.widgets import Lang, emit_lines, resource_rows, title_text
from roadmap_cli.support.i18n import _
from roadmap_cli.support.words import plural


def render_link(result: LinkResult, lang: str) -> None:
    """Print ``result`` on stdout, titles in ``lang`` ("zh"/"en")."""
    console = make_console()
    width = console.width
    names = Lang(lang, result.language)
    head = title_text(names, result.topic, style="heading")
    head.append(f" ({result.topic.id})", style="id")
    verb = _("Added to ") if result.verb == "link" else _("Removed from ")
    rows = resource_rows([result.resource], width, numbers=[result.number], names=names)
    emit_lines(console, hang(verb, head, width), *rows)
    mine = plural(result.count, "link")
    console.print(
        Text(
            _("{links} of yours on this topic; {command} lists them.").format(
                links=mine, command=f"'roadmap show {result.topic.id}'"
            )
        )
        if result.count
        else Text(
            _("No links of yours on this topic now ({links}).").format(links=mine), style="muted"
        ),
        style="muted",
    )
