"""``roadmap import FILE.md --progress``: ticked task-list boxes become done events.

A checklist roadmap (``- [x] Implement a vector``) carries the learner's progress. With
``--progress`` each ticked box whose topic is not yet done or skipped in the imported
roadmap's progress file gets a status event ``done``, dated now (UTC). The events of one
import share one batch whose id starts with :data:`IMPORT_BATCH_PREFIX` (that is how they
are marked as imported, readable by every version of the program), so ``roadmap undo``
reverts the whole import's marks at once. Re-importing after ticking more boxes records
only the new ones.
"""

from __future__ import annotations

from dataclasses import field
from datetime import datetime
from typing import TYPE_CHECKING

from roadmap_cli.support.records import record

__all__ = ["IMPORT_BATCH_PREFIX", "TickedResult", "record_ticked"]

if TYPE_CHECKING:
    from roadmap_cli.progress.store import ProgressStore

#: Batch ids of events recorded by ``import --progress`` start with this.
IMPORT_BATCH_PREFIX = "import-"


@record(frozen=False)
class TickedResult:
    """What ``--progress`` recorded: ``recorded`` topic ids newly marked done, ``already``
    those that were done or skipped before, and the batch id (None when nothing new)."""

    recorded: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    batch: str | None = None


def record_ticked(store: ProgressStore, topic_ids: list[str], now: datetime) -> TickedResult:
    """Record ``done`` for each of ``topic_ids`` not yet done or skipped, as one batch.

    Args:
        store: the progress store of the imported roadmap.
        topic_ids: ids of topics whose box is ticked, in roadmap order.
        now: the time of the events (UTC).

    Raises:
        ProgressFileError, LockTimeoutError: the progress file cannot be read or written.
    """
    from roadmap_cli.progress.events import Event
    from roadmap_cli.progress.log import Progress, fold

    result = TickedResult()

    def change(progress: Progress) -> None:
        states = fold(progress.events)
        todo = []
        for topic in dict.fromkeys(topic_ids):
            state = states.get(topic)
            if state is not None and state.status in ("done", "skipped"):
                result.already.append(topic)
            else:
                todo.append(topic)
        if not todo:
            return
        batch = IMPORT_BATCH_PREFIX + progress.new_id()
        for topic in todo:
            progress.add(
                Event(id=progress.new_id(), at=now, topic=topic, status="done", batch=batch)
            )
        result.recorded = todo
        result.batch = batch

    if topic_ids:
        store.update(change)
    return result
