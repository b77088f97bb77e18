"""``roadmap open TOPIC``: choose a topic's resources and hand their URLs to the browser.

Only absolute http(s) URLs are ever opened. The browser is Python's :mod:`webbrowser`,
which honours the ``BROWSER`` environment variable; the URLs are printed too, so the
command is useful over SSH, where no browser can start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from roadmap_cli.errors import RoadmapError, UsageError

if TYPE_CHECKING:
    from roadmap_cli.context import AppContext
    from roadmap_cli.models import Resource, Stage, Topic

__all__ = ["Chosen", "OpenResult", "browser_open", "choose", "open_resources"]


@dataclass(frozen=True)
class Chosen:
    """A resource picked to open: its 1-based ``index`` in the topic and whether the
    browser accepted it (False when not launched or no browser could start)."""

    index: int
    resource: Resource
    opened: bool = False


@dataclass
class OpenResult:
    """``roadmap open``: the topic and the resources handed to the browser."""

    RENDERER: ClassVar[str] = "roadmap_cli.render.tools"

    topic: Topic
    stage: Stage
    chosen: list[Chosen]
    launch: bool
    language: str

    def to_json(self) -> dict[str, Any]:
        """``{topic, stage, launched: bool, resources: [{index, title, url, kind, lang,
        note, opened}]}``."""
        from roadmap_cli.results import resource_json, stage_ref, topic_ref

        return {
            "topic": topic_ref(self.topic),
            "stage": stage_ref(self.stage),
            "launched": self.launch,
            "resources": [
                {"index": c.index, **resource_json(c.resource), "opened": c.opened}
                for c in self.chosen
            ],
        }


def choose(topic: Topic, index: int | None, every: bool) -> list[tuple[int, Resource]]:
    """The resources to open: the first, the ``index``-th (1-based), or ``every`` one.

    Raises:
        UsageError: both ``index`` and ``every``, or ``index`` out of range (exit 2).
        RoadmapError: the topic lists no resources (exit 1).
    """
    resources = list(topic.resources)
    if every and index is not None:
        raise UsageError("--all and --index exclude each other", "give one of them")
    if not resources:
        raise RoadmapError(
            f"topic {topic.id!r} lists no resources to open",
            f"'roadmap search' finds topics with resources; 'roadmap show {topic.id}' shows it",
        )
    if every:
        return list(enumerate(resources, 1))
    number = 1 if index is None else index
    if not 1 <= number <= len(resources):
        raise UsageError(
            f"--index {number}: topic {topic.id!r} has {len(resources)} resource"
            f"{'s' if len(resources) != 1 else ''}",
            f"use --index 1 to {len(resources)} (numbers as in 'roadmap show {topic.id}')",
        )
    return [(number, resources[number - 1])]


def browser_open(url: str) -> bool:
    """Open ``url`` with :func:`webbrowser.open` (which honours ``BROWSER``); True when a
    browser accepted it. Errors starting the browser count as False, never raise."""
    import webbrowser

    try:
        return bool(webbrowser.open(url))
    except (webbrowser.Error, OSError):
        return False


def open_resources(
    app: AppContext,
    query: str,
    index: int | None = None,
    every: bool = False,
    launch: bool = True,
    opener: Callable[[str], bool] = browser_open,
) -> OpenResult:
    """Resolve ``query``, choose its resources (see :func:`choose`) and, if ``launch``,
    open each URL with ``opener``.

    Raises:
        UnknownTopicError, AmbiguousTopicError, UsageError: bad arguments (exit 2).
        RoadmapError: no resources, or a URL that is not http(s) (nothing is opened).
    """
    from roadmap_cli.urls import check_url

    catalog = app.catalog()
    topic = catalog.resolve_topic(query)
    picked = choose(topic, index, every)
    for number, resource in picked:
        problem = check_url(resource.url)
        if problem:
            raise RoadmapError(
                f"resource {number} of {topic.id!r}: refusing to open it: {problem}",
                "only http and https links are opened; fix the roadmap file",
            )
    chosen = [
        Chosen(number, resource, opener(resource.url) if launch else False)
        for number, resource in picked
    ]
    return OpenResult(topic, catalog.stage_of[topic.id], chosen, launch, catalog.roadmap.language)
