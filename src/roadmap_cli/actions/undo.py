"""``roadmap undo``: revert the last change by appending an undo event."""

from __future__ import annotations

from typing import Any

from roadmap_cli.actions.context import AppContext
from roadmap_cli.errors import RoadmapError
from roadmap_cli.progress.events import Event, Status
from roadmap_cli.roadmap.model import Topic
from roadmap_cli.support.i18n import _
from roadmap_cli.support.records import record


@record(frozen=False)
class UndoResult:
    """``roadmap undo``: the events that were reverted and what each topic is now."""

    undone: list[Event]
    topics: dict[str, Topic]
    now_status: dict[str, Status]

    def to_json(self) -> dict[str, Any]:
        """``{undone: [event…], status: {topic id: status}}``."""
        return {"undone": [e.to_json() for e in self.undone], "status": self.now_status}


def undo(app: AppContext) -> UndoResult:
    """Append an undo event for the last recorded command (all its events).

    Raises:
        RoadmapError: nothing to undo (exit 1).
        ProgressFileError, LockTimeoutError: the progress file cannot be read or written.
    """
    from roadmap_cli.progress.events import Event
    from roadmap_cli.progress.log import Progress
    from roadmap_cli.progress.snapshot import snapshot
    from roadmap_cli.support.clock import now_utc

    catalog = app.catalog()

    def revert(progress: Progress) -> list[Event]:
        last = progress.last_change()
        if not last:
            raise RoadmapError(
                _("nothing to undo"), _("'roadmap history' lists what has been recorded")
            )
        now = now_utc()
        targets = tuple(e.id for e in last)
        progress.add(Event(id=progress.new_id(), at=now, undo=targets))
        return last

    store = app.store()
    undone = store.update(revert)
    snap = snapshot(catalog, store.load())
    ids = {e.topic for e in undone if e.topic}
    topics = {i: catalog.topics[c] for i in ids if (c := catalog.canonical_id(i))}
    return UndoResult(undone, topics, {i: snap.status(t.id) for i, t in topics.items()})
