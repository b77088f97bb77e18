"""``roadmap undo``: revert the last change by appending an undo event."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from roadmap_cli.commands._common import JsonOption, app_context
from roadmap_cli.context import AppContext
from roadmap_cli.errors import RoadmapError
from roadmap_cli.render import emit

if TYPE_CHECKING:  # imported where used: keeps start-up and completion light
    from roadmap_cli.results import UndoResult

#: Position of this command in 'roadmap --help'.
ORDER = 50


def build(app: AppContext) -> UndoResult:
    """Append an undo event for the last recorded command (all its events).

    Raises:
        RoadmapError: nothing to undo (exit 1).
        ProgressFileError, LockTimeoutError: the progress file cannot be read or written.
    """
    from roadmap_cli.clock import now_utc
    from roadmap_cli.planner import snapshot
    from roadmap_cli.progress import Event, Progress
    from roadmap_cli.results import UndoResult

    catalog = app.catalog()

    def revert(progress: Progress) -> list[Event]:
        last = progress.last_change()
        if not last:
            raise RoadmapError("nothing to undo", "'roadmap history' lists what has been recorded")
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


def command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Revert the last change (a whole 'done a b c' at once).

    History is kept: the undo is itself recorded, so undoing again goes one step further
    back.

    Examples:

      roadmap done attention

      roadmap undo
    """
    app = app_context(ctx)
    emit(build(app), as_json=as_json, lang=app.lang)


def register(app: typer.Typer) -> None:
    """Add ``undo`` to ``app``."""
    app.command("undo")(command)
