"""A learner's own links: resources added to a topic with ``roadmap link``.

A link is an event in the progress log, ``{id, at, topic, link: {url, title, kind,
note?}}``; removing it is another, ``{id, at, topic, unlink: "<id of the link event>"}``.
Both merge, sync and undo like marks. A topic's links are its live (not undone) link
events that no live unlink event names, in the order they were added (``at``, then id).
Pure logic: nothing here reads files or prints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from roadmap_cli.progress.events import Event
from roadmap_cli.roadmap.model import RESOURCE_KINDS, Resource
from roadmap_cli.support.records import record

__all__ = ["UserLink", "link_value", "user_links"]


@record
class UserLink:
    """One link a learner added to a topic.

    Attributes:
        event_id: the id of the link event (what ``unlink`` names).
        at: when it was added (UTC).
        resource: the link as a resource (``origin = "yours"``), shown after the
            roadmap's own resources.
    """

    event_id: str
    at: datetime
    resource: Resource


def link_value(url: str, title: str, kind: str, note: str | None) -> dict[str, str]:
    """The value of a link event's ``link`` field: ``{url, title, kind[, note]}``."""
    value = {"url": url, "title": title, "kind": kind}
    if note:
        value["note"] = note
    return value


def _resource(value: object) -> Resource | None:
    """The resource a link event's value describes, or None when it does not have the
    documented shape (a hand-edited file): such an event is kept but not shown."""
    if not isinstance(value, dict):
        return None
    url, title, kind = value.get("url"), value.get("title"), value.get("kind", "site")
    note = value.get("note")
    if not (isinstance(url, str) and url and isinstance(title, str) and title):
        return None
    if kind not in RESOURCE_KINDS:
        kind = "site"
    return Resource(
        title=title,
        url=url,
        kind=kind,
        note=note if isinstance(note, str) and note else None,
        origin="yours",
    )


def user_links(
    events: Iterable[Event],
    undone: set[str],
    canonical: Callable[[str], str | None] | None = None,
) -> dict[str, list[UserLink]]:
    """Each topic's live links, oldest first.

    Args:
        events: the progress events, in any order.
        undone: ids of the events an undo reverted (:meth:`Progress.undone_ids`).
        canonical: maps a recorded topic id to its current one (aliases); None keeps it.

    Returns:
        topic id → its links; topics without links are absent.
    """
    links: list[Event] = []
    removed: set[str] = set()
    for event in events:
        if event.id in undone or event.topic is None or not event.extra:
            continue
        kind = event.extra[0][0]
        if kind == "link":
            links.append(event)
        elif kind == "unlink" and isinstance(event.value, str):
            removed.add(event.value)
    out: dict[str, list[UserLink]] = {}
    for event in sorted(links, key=Event.sort_key):
        resource = _resource(event.value)
        if event.id in removed or resource is None or event.topic is None:
            continue
        topic = (canonical(event.topic) if canonical else None) or event.topic
        out.setdefault(topic, []).append(UserLink(event.id, event.at, resource))
    return out
