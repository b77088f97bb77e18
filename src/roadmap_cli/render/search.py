"""The text of ``roadmap search``: each hit under its stage › topic, with the matching
resources numbered as ``roadmap show`` numbers them."""

from __future__ import annotations

from roadmap_cli.actions.search import SearchResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import hang
from roadmap_cli.render.text import Text
from roadmap_cli.render.widgets import (
    Lang,
    emit_lines,
    mark,
    resource_rows,
    title_text,
)
from roadmap_cli.support.i18n import N_, _
from roadmap_cli.support.textsafe import clean_line
from roadmap_cli.support.words import plural

__all__: list[str] = []

_FIELD_NAMES = {
    "id": N_("id"),
    "title": N_("title"),
    "title_en": N_("English title"),
    "summary": N_("summary"),
    "notes": N_("your notes"),
}


def _field_name(field: str) -> str:
    """A matched field's name in the interface language."""
    return _(_FIELD_NAMES[field]) if field in _FIELD_NAMES else field


def render_search(result: SearchResult, lang: str) -> None:
    """Print ``result`` on stdout, titles in ``lang`` ("zh"/"en")."""
    console = make_console()
    query = clean_line(result.query)
    if not result.hits:
        console.print(Text(_('Nothing matches "{query}".').format(query=query), style="muted"))
        browse = _("Try fewer or other words, or 'roadmap list' to browse.")
        console.print(Text(browse, style="muted"))
        return
    topics = len(result.hits)
    head = Text(
        _('{topics} and {resources} match "{query}"').format(
            topics=plural(topics, "topic"),
            resources=plural(result.resource_count, "resource"),
            query=query,
        ),
        style="heading",
    )
    width = console.width
    emit_lines(console, hang("", head, width))
    names = Lang(lang, result.language)
    terms = [t for t in result.terms if t]
    for hit in result.hits:
        console.print()
        line = title_text(names, hit.stage, style="stage")
        line.append(" › ")
        line.append_text(title_text(names, hit.topic, style="heading"))
        line.append(f"  ({hit.topic.id})", style="id")
        line.highlight_words(terms, "bold", case_sensitive=False)
        emit_lines(console, hang(mark(hit.status) + " ", line, width))
        if hit.fields:
            shown = _(", ").join(_(_FIELD_NAMES[f]) for f in hit.fields)
            matched = hang(
                Text("  " + _("matched: "), style="muted"), Text(shown, style="muted"), width
            )
            emit_lines(console, matched)
        for piece in hit.excerpts:
            quote = Text(clean_line(piece.text))
            quote.highlight_words(terms, "bold", case_sensitive=False)
            emit_lines(
                console,
                hang(
                    Text(
                        "  " + _("{field}: ").format(field=_field_name(piece.field)), style="muted"
                    ),
                    quote,
                    width,
                ),
            )
        if hit.resources:
            rows = resource_rows(
                [r.resource for r in hit.resources],
                width,
                numbers=[r.index for r in hit.resources],
                names=names,
            )
            emit_lines(console, *rows)
    console.print()
    more = Text("roadmap show TOPIC · roadmap open TOPIC --index N", style="muted")
    emit_lines(console, hang(Text(_("More: "), style="muted"), more, width))
