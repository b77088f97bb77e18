"""A learner's links folded from events: unlink, undo, aliases, hand-edited shapes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from roadmap_cli.progress.events import Event
from roadmap_cli.progress.links import link_value, user_links
from roadmap_cli.progress.log import Progress

T0 = datetime(2026, 12, 1, 12, tzinfo=UTC)


def _id(n: int) -> str:
    return f"{0x19AD0B1C2E0 + n:012x}-0000000{n % 10}"


def _link(n: int, topic: str, url: str) -> Event:
    value = link_value(url, f"title {n}", "blog", None)
    return Event.of_kind("link", value, id=_id(n), at=T0 + timedelta(minutes=n), topic=topic)


def test_links_in_order_and_unlinked_ones_gone() -> None:
    events = [
        _link(1, "a", "https://x.org/1"),
        _link(2, "a", "https://x.org/2"),
        Event.of_kind("unlink", _id(1), id=_id(3), at=T0 + timedelta(minutes=3), topic="a"),
        _link(4, "b", "https://x.org/4"),
    ]
    links = user_links(events, set())
    assert [link.resource.url for link in links["a"]] == ["https://x.org/2"]
    assert [link.event_id for link in links["b"]] == [_id(4)]
    assert links["a"][0].resource.origin == "yours"


def test_an_undone_unlink_brings_the_link_back_and_aliases_follow() -> None:
    events = [
        _link(1, "old-id", "https://x.org/1"),
        Event.of_kind("unlink", _id(1), id=_id(2), at=T0, topic="old-id"),
    ]
    assert user_links(events, set()) == {}
    links = user_links(events, {_id(2)}, {"old-id": "new-id"}.get)
    assert list(links) == ["new-id"]


def test_a_hand_edited_link_without_url_is_kept_but_not_shown() -> None:
    odd = Event.of_kind("link", {"title": "no url"}, id=_id(1), at=T0, topic="a")
    weird_kind = Event.of_kind(
        "link",
        {"url": "https://x.org", "title": "t", "kind": "podcast"},
        id=_id(2),
        at=T0,
        topic="a",
    )
    progress = Progress(roadmap="r", events=[odd, weird_kind])
    links = user_links(progress.events, progress.undone_ids())
    assert [link.resource.kind for link in links["a"]] == ["site"]
    assert '"link": {"title": "no url"}' in progress.to_json_text()
