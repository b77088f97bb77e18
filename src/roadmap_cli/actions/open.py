"""``roadmap open TOPIC``: choose a topic's resources and hand their URLs to the browser.

Only absolute http(s) URLs are ever opened. The browser is Python's :mod:`webbrowser`;
when the ``BROWSER`` environment variable is set, only its commands are tried. The URLs
are printed too, so the command is useful over SSH, where no browser can start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from roadmap_cli.errors import RoadmapError, UsageError
from roadmap_cli.support.i18n import _
from roadmap_cli.support.records import record
from roadmap_cli.support.words import plural

if TYPE_CHECKING:
    from roadmap_cli.actions.context import AppContext
    from roadmap_cli.roadmap.model import Resource, Stage, Topic

__all__ = ["Chosen", "OpenResult", "browser_open", "browser_problem", "choose", "open_resources"]


@record
class Chosen:
    """A resource picked to open: its 1-based ``index`` in the topic and whether the
    browser accepted it (False when not launched or no browser could start)."""

    index: int
    resource: Resource
    opened: bool = False


@record(frozen=False)
class OpenResult:
    """``roadmap open``: the topic and the resources handed to the browser."""

    topic: Topic
    stage: Stage
    chosen: list[Chosen]
    launch: bool
    language: str

    def to_json(self) -> dict[str, Any]:
        """``{topic, stage, launched: bool, resources: [{index, title, url, kind, lang,
        note, opened}]}``."""
        from roadmap_cli.actions.common import resource_json, stage_ref, topic_ref

        return {
            "topic": topic_ref(self.topic),
            "stage": stage_ref(self.stage),
            "launched": self.launch,
            "resources": [
                {"index": c.index, **resource_json(c.resource), "opened": c.opened}
                for c in self.chosen
            ],
        }


def choose(
    topic: Topic, index: int | None, every: bool, resources: list[Resource] | None = None
) -> list[tuple[int, Resource]]:
    """The resources to open: the first, the ``index``-th (1-based), or ``every`` one, of
    ``resources`` (default: the topic's own; commands pass
    :meth:`~roadmap_cli.progress.snapshot.Snapshot.resources`, which adds the learner's
    links).

    Raises:
        UsageError: both ``index`` and ``every``, or ``index`` out of range (exit 2).
        RoadmapError: the topic lists no resources (exit 1).
    """
    resources = list(topic.resources) if resources is None else resources
    if every and index is not None:
        raise UsageError(_("--all and --index exclude each other"), _("give one of them"))
    if not resources:
        raise RoadmapError(
            _("topic {id!r} lists no resources to open").format(id=topic.id),
            _("'roadmap search' finds topics with resources; '{command}' shows it").format(
                command=f"roadmap show {topic.id}"
            ),
        )
    if every:
        return list(enumerate(resources, 1))
    number = 1 if index is None else index
    if not 1 <= number <= len(resources):
        raise UsageError(
            _("--index {number}: topic {id!r} has {resources}").format(
                number=number, id=topic.id, resources=plural(len(resources), "resource")
            ),
            _("use --index 1 to {n} (numbers as in '{command}')").format(
                n=len(resources), command=f"roadmap show {topic.id}"
            ),
        )
    return [(number, resources[number - 1])]


def _start(url: str) -> bool:
    """Hand ``url`` to the browser: with ``BROWSER`` set, only the commands it lists
    (``os.pathsep``-separated, tried in order), so a failing one never falls back to a
    text browser taking over the terminal; otherwise :func:`webbrowser.open` with its
    usual search. True when a browser accepted the URL."""
    import os
    import webbrowser

    choices = [c for c in os.environ.get("BROWSER", "").split(os.pathsep) if c.strip()]
    if not choices:
        return bool(webbrowser.open(url))
    for choice in choices:
        try:
            if webbrowser.get(choice).open(url):
                return True
        except (webbrowser.Error, OSError):
            continue
    return False


def browser_open(url: str) -> bool:
    """Open ``url`` in the browser (see :func:`_start`); True when a browser accepted
    it. Errors starting the browser count as False, never raise.

    Whatever the browser prints goes to stderr, never stdout (which may carry a JSON
    document): stdout is flushed and file descriptor 1 points at descriptor 2 (or at
    ``os.devnull`` when there is no stderr) while the browser starts (a browser left
    running keeps writing there), then it is restored.
    """
    import os
    import sys
    import webbrowser

    if sys.stdout is not None:
        sys.stdout.flush()
    saved = sink = None
    try:
        try:
            os.fstat(2)
        except OSError:  # no stderr: the browser's output goes nowhere (takes descriptor 2)
            sink = os.open(os.devnull, os.O_WRONLY)
        saved = os.dup(1)
        os.dup2(2 if sink is None else sink, 1)
    except OSError:  # no descriptor 1: nothing to protect
        for fd in (saved, sink):
            if fd is not None:
                os.close(fd)
        saved = sink = None
    try:
        return _start(url)
    except (webbrowser.Error, OSError):
        return False
    finally:
        if saved is not None:
            os.dup2(saved, 1)
            os.close(saved)
        if sink is not None:
            os.close(sink)


def browser_problem(urls: list[str] | None = None) -> tuple[str, str]:
    """The message and hint for "no browser accepted the URL", naming ``BROWSER`` when
    it is set (its commands were the only ones tried). The hint names the first of
    ``urls`` (the ones not opened): stdout may be redirected, so "above" may be nowhere."""
    import os

    from roadmap_cli.support.textsafe import clean_line

    if urls:
        more = _(" (and {n} more)").format(n=len(urls) - 1) if len(urls) > 1 else ""
        hint = _("open it yourself: {url}").format(url=clean_line(urls[0])) + more
    else:
        hint = _("open the URL yourself")
    browser = os.environ.get("BROWSER", "")
    if browser.strip():
        return (
            _("no browser could be started: BROWSER={command!r} failed").format(
                command=clean_line(browser)
            ),
            _("{hint}, or set BROWSER to a browser command that works (e.g. firefox)").format(
                hint=hint
            ),
        )
    return (
        _("no browser could be started here"),
        _("{hint}, or set BROWSER to a browser command").format(hint=hint),
    )


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
    from roadmap_cli.progress.snapshot import snapshot
    from roadmap_cli.support.urls import url_problem

    catalog = app.catalog()
    topic = catalog.resolve_topic(query)
    resources = snapshot(catalog, app.store().load()).resources(topic)
    picked = choose(topic, index, every, resources)
    for number, resource in picked:
        problem = url_problem(resource.url)
        if problem:
            raise RoadmapError(
                _("resource {number} of {id!r}: refusing to open it: {problem}").format(
                    number=number, id=topic.id, problem=problem.translated()
                ),
                _("only http and https links are opened; fix the roadmap file"),
            )
    chosen = [
        Chosen(number, resource, opener(resource.url) if launch else False)
        for number, resource in picked
    ]
    return OpenResult(topic, catalog.stage_of[topic.id], chosen, launch, catalog.roadmap.language)
