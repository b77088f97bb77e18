"""``roadmap search QUERY``: find topics and resources by text. Pure logic, no printing.

A query is split at white space into terms; an item matches when every term occurs in it,
ignoring case and Unicode width (NFKC + casefold), so "Flash" finds "FlashAttention" and
"注意力" finds "注意力机制". Searched:

* a topic: its id, titles (Chinese and English), summary (and its English twin
  ``summary_en``), and the learner's notes;
* a resource: its title, URL, and the author's note (and ``note_en``).

Each hit is a topic with the stage it belongs to, which of its fields matched, and the
resources of it that matched.
"""

from __future__ import annotations

import unicodedata
from dataclasses import field
from typing import TYPE_CHECKING, Any

from roadmap_cli.errors import UsageError
from roadmap_cli.support.i18n import _
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from roadmap_cli.progress.events import Status
    from roadmap_cli.progress.snapshot import Snapshot
    from roadmap_cli.roadmap.catalog import Catalog
    from roadmap_cli.roadmap.model import Resource, Stage, Topic

__all__ = ["Excerpt", "ResourceHit", "SearchResult", "TopicHit", "normalise", "search"]

#: Characters of context shown on each side of a match in an excerpt.
EXCERPT_CONTEXT = 30


def normalise(text: str) -> str:
    """``text`` folded for matching: NFKC (full-width → ASCII), then casefold."""
    return unicodedata.normalize("NFKC", text).casefold()


@record
class Excerpt:
    """A short piece of a long field (``summary`` or a learner ``note``) around a match."""

    field: str
    text: str


@record
class ResourceHit:
    """A matching resource: its 1-based ``index`` in the topic (as ``roadmap show`` and
    ``roadmap open --index`` number them), the resource, and the fields that matched
    ("title", "url", "note")."""

    index: int
    resource: Resource
    fields: tuple[str, ...]


@record(frozen=False)
class TopicHit:
    """A topic that matched, itself (``fields``: "id", "title", "title_en", "summary",
    "notes") or through its ``resources``."""

    stage: Stage
    topic: Topic
    status: Status
    fields: tuple[str, ...] = ()
    excerpts: list[Excerpt] = field(default_factory=list)
    resources: list[ResourceHit] = field(default_factory=list)


@record(frozen=False)
class SearchResult:
    """``roadmap search``: the query and the topics that matched, in roadmap order."""

    query: str
    terms: list[str]
    hits: list[TopicHit]
    language: str

    @property
    def resource_count(self) -> int:
        """How many resources matched, over all hits."""
        return sum(len(h.resources) for h in self.hits)

    def to_json(self) -> dict[str, Any]:
        """``{query, topics, resources, hits: [{stage, topic: {id, title, title_en,
        status}, matched: [field], excerpts: [{field, text}], resources: [{index, title,
        url, kind, lang, note, note_en, origin, matched}]}]}``."""
        from roadmap_cli.actions.common import resource_json, stage_ref, topic_ref

        return {
            "query": self.query,
            "topics": len(self.hits),
            "resources": self.resource_count,
            "hits": [
                {
                    "stage": stage_ref(h.stage),
                    "topic": topic_ref(h.topic, h.status),
                    "matched": list(h.fields),
                    "excerpts": [{"field": e.field, "text": e.text} for e in h.excerpts],
                    "resources": [
                        {"index": r.index, **resource_json(r.resource), "matched": list(r.fields)}
                        for r in h.resources
                    ],
                }
                for h in self.hits
            ],
        }


def _matches(texts: dict[str, str], terms: list[str]) -> tuple[str, ...]:
    """The fields of ``texts`` holding any term, if all terms occur somewhere; else ()."""
    folded = {name: normalise(value) for name, value in texts.items() if value}
    if not all(any(term in value for value in folded.values()) for term in terms):
        return ()
    return tuple(name for name, value in folded.items() if any(t in value for t in terms))


def excerpt(text: str, terms: list[str], context: int = EXCERPT_CONTEXT) -> str:
    """One line of ``text`` around the first occurrence of any term, with "…" where it was
    shortened. NFKC can change lengths, so the position found in the folded text is only
    used when the folding kept the length; otherwise the start of the text is shown."""
    flat = " ".join(text.split())
    folded = normalise(flat)
    found = [folded.find(t) for t in terms if t in folded]
    at = min(found) if found and len(folded) == len(flat) else 0
    start = max(0, at - context)
    end = min(len(flat), at + context * 2)
    return ("…" if start else "") + flat[start:end] + ("…" if end < len(flat) else "")


def search(catalog: Catalog, snap: Snapshot, query: str, lang: str = "") -> SearchResult:
    """Search the roadmap (and the learner's notes in ``snap``) for ``query``. A summary
    excerpt is taken from the summary in ``lang`` ("en": ``summary_en``) when it matches.

    Returns:
        the hits in roadmap order; each topic at most once.

    Raises:
        UsageError: the query is empty (exit 2).
    """
    terms = normalise(query).split()
    if not terms:
        raise UsageError(_("QUERY: the search text is empty"), _("give a word to look for"))
    hits: list[TopicHit] = []
    for stage in catalog.stages:
        for topic in stage.topics:
            state = snap.state(topic.id)
            notes = "\n".join(n.note or "" for n in state.notes)
            own = _matches(
                {
                    "id": topic.id,
                    "title": topic.title,
                    "title_en": topic.title_en,
                    "summary": "\n".join(filter(None, (topic.summary, topic.summary_en))),
                    "notes": notes,
                },
                terms,
            )
            resources = []
            for index, resource in enumerate(topic.resources, 1):
                fields = _matches(
                    {
                        "title": resource.title,
                        "url": resource.url,
                        "note": "\n".join(filter(None, (resource.note, resource.note_en))),
                    },
                    terms,
                )
                if fields:
                    resources.append(ResourceHit(index, resource, fields))
            if not own and not resources:
                continue
            excerpts = []
            if "summary" in own:  # from the summary as written, or its English twin
                texts = [t for t in (topic.summary, topic.summary_en) if t]
                if lang == "en":
                    texts.reverse()
                text = next((t for t in texts if any(w in normalise(t) for w in terms)), texts[0])
                excerpts.append(Excerpt("summary", excerpt(text, terms)))
            if "notes" in own:
                for event in state.notes:
                    if any(t in normalise(event.note or "") for t in terms):
                        excerpts.append(Excerpt("note", excerpt(event.note or "", terms)))
            hits.append(TopicHit(stage, topic, state.status, own, excerpts, resources))
    return SearchResult(query, terms, hits, catalog.roadmap.language)
