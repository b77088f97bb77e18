"""The roadmap's written guidance in two languages: English twins and struck-through asides.

A roadmap not written in English may give every text an English twin: ``summary_en`` for
a stage's or topic's ``summary``, ``note_en`` for a resource's ``note``, ``editor_note_en``
for an ``editor_note`` and ``description_en`` for the roadmap's ``description``.
``--lang en`` shows the twins, ``--lang zh`` the texts as written
(:func:`roadmap_cli.models.in_language`); :func:`missing_english` lists the twins a
roadmap lacks, which ``roadmap validate`` reports as warnings.

``~~…~~`` in any of these texts marks words the author struck through (kept, as in the
source, because they are part of what the author wrote): :func:`struck_segments` splits a
text into plain and struck runs for the renderers. Pure functions; nothing here prints.
"""

from __future__ import annotations

import re

from roadmap_cli.roadmap.model import Roadmap
from roadmap_cli.support.i18n import Msg

__all__ = ["STRUCK", "missing_english", "struck_segments"]

#: A struck-through run: ``~~text~~`` (the shortest, not spanning another ``~~``).
STRUCK = re.compile(r"~~(.+?)~~", re.DOTALL)


def struck_segments(text: str) -> list[tuple[str, bool]]:
    """``text`` as ``(run, struck)`` pairs in order, the ``~~`` markers removed from the
    struck runs; an unpaired ``~~`` stays plain text. Empty runs are left out."""
    out: list[tuple[str, bool]] = []
    position = 0
    for match in STRUCK.finditer(text):
        if match.start() > position:
            out.append((text[position : match.start()], False))
        out.append((match.group(1), True))
        position = match.end()
    if position < len(text):
        out.append((text[position:], False))
    return out


_TWINS = (
    ("summary", "summary_en", Msg("a summary without summary_en")),
    ("note", "note_en", Msg("a note without note_en")),
    ("editor_note", "editor_note_en", Msg("an editor's note without editor_note_en")),
    ("description", "description_en", Msg("a description without description_en")),
)


def _missing(item: object, location: str) -> list[tuple[str, Msg]]:
    out = []
    for name, twin, problem in _TWINS:
        text = getattr(item, name, None)
        if text and text.strip() and not (getattr(item, twin, None) or "").strip():
            out.append((f"{location}.{twin}" if location else twin, problem))
    return out


def missing_english(roadmap: Roadmap) -> list[tuple[str, Msg]]:
    """``(location, message)`` for every text of a roadmap not written in English that has
    no English twin (``stages[1].topics[2].summary_en``: "a summary without summary_en",
    translatable). Empty for a roadmap whose ``language`` is "en"."""
    if roadmap.language == "en":
        return []
    out = _missing(roadmap, "")
    for si, stage in enumerate(roadmap.stages):
        out += _missing(stage, f"stages[{si}]")
        for ti, topic in enumerate(stage.topics):
            tloc = f"stages[{si}].topics[{ti}]"
            out += _missing(topic, tloc)
            for ri, resource in enumerate(topic.resources):
                out += _missing(resource, f"{tloc}.resources[{ri}]")
    return out
