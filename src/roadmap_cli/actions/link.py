"""``roadmap link TOPIC URL`` and ``roadmap unlink TOPIC N``: a learner's own resources.

A link is an event in the progress log (see :mod:`roadmap_cli.progress.links`), so it
merges, syncs and undoes like a mark. URLs get the same checks as a roadmap file's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from roadmap_cli.errors import UsageError
from roadmap_cli.support.i18n import _
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from roadmap_cli.actions.context import AppContext
    from roadmap_cli.progress.events import Event
    from roadmap_cli.roadmap.model import Resource, Topic

__all__ = ["MAX_TITLE_LENGTH", "LinkResult", "link", "unlink"]

#: Titles and notes of a learner's link longer than this many characters are refused.
MAX_TITLE_LENGTH = 500


@record(frozen=False)
class LinkResult:
    """``roadmap link`` / ``roadmap unlink``: the topic, the resource added or removed and
    its number (as ``show`` numbers it; after ``unlink``, the number it had), and how many
    links of the learner's own the topic has now."""

    verb: str
    topic: Topic
    resource: Resource
    number: int
    event: Event
    count: int
    language: str

    def to_json(self) -> dict[str, Any]:
        """``{action: "link"|"unlink", topic: {id, title, title_en}, number,
        resource: {title, url, kind, lang, note, …, origin: "yours"}, event, links}``."""
        from roadmap_cli.actions.common import resource_json, topic_ref

        return {
            "action": self.verb,
            "topic": topic_ref(self.topic),
            "number": self.number,
            "resource": resource_json(self.resource),
            "event": self.event.to_json(),
            "links": self.count,
        }


def _text(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    text = value.strip()
    if not text:
        raise UsageError(
            _("{option}: the text is empty").format(option=option),
            _("give {option} some text, or leave it out").format(option=option),
        )
    if len(text) > MAX_TITLE_LENGTH:
        raise UsageError(
            _("{option}: {length} characters; the limit is {limit}").format(
                option=option, length=len(text), limit=MAX_TITLE_LENGTH
            ),
            _("keep it to one line; {command} takes longer text").format(command="'roadmap note'"),
        )
    return text


def link(
    app: AppContext,
    query: str,
    url: str,
    title: str | None = None,
    kind: str = "site",
    note: str | None = None,
) -> LinkResult:
    """Add ``url`` to the topic ``query`` names, as an event ``{id, at, topic, link:
    {url, title, kind, note?}}``; the title defaults to the URL.

    Raises:
        UnknownTopicError, AmbiguousTopicError: ``query`` names no single topic (exit 2).
        UsageError: the URL is not an absolute http(s) URL, the topic already has it, the
            kind is unknown, or a text is empty or too long (exit 2); nothing is recorded.
        ProgressFileError, LockTimeoutError: the progress file cannot be read or written.
    """
    from roadmap_cli.progress.events import Event
    from roadmap_cli.progress.links import link_value
    from roadmap_cli.progress.log import Progress
    from roadmap_cli.progress.snapshot import snapshot
    from roadmap_cli.roadmap.model import RESOURCE_KINDS
    from roadmap_cli.support.clock import now_utc
    from roadmap_cli.support.urls import url_problem

    catalog = app.catalog()
    topic = catalog.resolve_topic(query)
    url = url.strip()
    problem = url_problem(url)
    if problem:
        raise UsageError(
            _("URL: {problem}").format(problem=problem.translated()),
            _("give an absolute http:// or https:// link"),
        )
    if kind not in RESOURCE_KINDS:
        raise UsageError(
            _("--kind: unknown kind {kind!r}").format(kind=kind),
            _("use one of {kinds}").format(kinds=", ".join(RESOURCE_KINDS)),
        )
    shown_title = _text(title, "--title") or url
    note = _text(note, "--note")
    at = now_utc()

    def record(progress: Progress) -> Event:
        snap = snapshot(catalog, progress)
        if any(r.url == url for r in snap.resources(topic)):
            raise UsageError(
                _("{id} already lists {url}").format(id=topic.id, url=url),
                _("{command} lists its resources").format(command=f"'roadmap show {topic.id}'"),
            )
        value = link_value(url, shown_title, kind, note)
        event = Event.of_kind("link", value, id=progress.new_id(), at=at, topic=topic.id)
        progress.add(event)
        return event

    store = app.store()
    event = store.update(record)
    snap = snapshot(catalog, store.load())
    resources = snap.resources(topic)
    number = next(i for i, r in enumerate(resources, 1) if r.url == url)
    count = len(snap.links.get(topic.id, []))
    return LinkResult(
        "link", topic, resources[number - 1], number, event, count, catalog.roadmap.language
    )


def unlink(app: AppContext, query: str, number: int) -> LinkResult:
    """Remove the learner's link numbered ``number`` (as ``roadmap show`` numbers the
    topic's resources) from the topic ``query`` names, as an event ``{id, at, topic,
    unlink: "<link event id>"}``. The roadmap's own resources cannot be removed.

    Raises:
        UnknownTopicError, AmbiguousTopicError: ``query`` names no single topic (exit 2).
        UsageError: ``number`` is not one of the learner's links (exit 2).
        ProgressFileError, LockTimeoutError: the progress file cannot be read or written.
    """
    from roadmap_cli.progress.events import Event
    from roadmap_cli.progress.log import Progress
    from roadmap_cli.progress.snapshot import snapshot
    from roadmap_cli.support.clock import now_utc

    catalog = app.catalog()
    topic = catalog.resolve_topic(query)
    own = len(topic.resources)
    at = now_utc()

    def record(progress: Progress) -> tuple[Resource, Event]:
        links = snapshot(catalog, progress).links.get(topic.id, [])
        if not links:
            raise UsageError(
                _("{id} has no links of yours to remove").format(id=topic.id),
                _("{command} adds one; the roadmap's own stay").format(
                    command=f"'roadmap link {topic.id} URL'"
                ),
            )
        first, last = own + 1, own + len(links)
        if not first <= number <= last:
            which = (
                str(first)
                if first == last
                else _("{first} to {last}").format(first=first, last=last)
            )
            raise UsageError(
                _("N: {n} is not one of your links on {id} (yours: {which})").format(
                    n=number, id=topic.id, which=which
                ),
                _("{command} numbers its resources; yours are marked").format(
                    command=f"'roadmap show {topic.id}'"
                ),
            )
        target = links[number - first]
        event = Event.of_kind(
            "unlink", target.event_id, id=progress.new_id(), at=at, topic=topic.id
        )
        progress.add(event)
        return target.resource, event

    store = app.store()
    resource, event = store.update(record)
    snap = snapshot(catalog, store.load())
    count = len(snap.links.get(topic.id, []))
    return LinkResult("unlink", topic, resource, number, event, count, catalog.roadmap.language)
