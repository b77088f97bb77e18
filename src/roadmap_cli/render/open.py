"""The text of ``roadmap open``: the resources handed to the browser."""

from __future__ import annotations

from roadmap_cli.actions.open import OpenResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import hang
from roadmap_cli.render.widgets import (
    Lang,
    emit_lines,
    resource_rows,
    title_text,
)
from roadmap_cli.support.i18n import _


def render_open(result: OpenResult, lang: str) -> None:
    """Print ``result`` on stdout (``lang``: "zh"/"en")."""
    console = make_console()
    names = Lang(lang, result.language)
    head = title_text(names, result.topic, style="heading")
    head.append(f" ({result.topic.id})", style="id")
    chosen = result.chosen
    verb = _("Opening ") if result.launch else _("Resources of ")
    rows = resource_rows(
        [c.resource for c in chosen],
        console.width,
        numbers=[c.index for c in chosen],
        names=names,
    )
    emit_lines(console, hang(verb, head, console.width), *rows)
    # a browser that did not start is said once, on stderr, by the command
