"""``roadmap start|done|skip|reset TOPIC…``: change topics' status.

Every change is appended as an event; nothing is overwritten. All TOPIC arguments are
resolved before anything is written, so one bad argument changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from roadmap_cli.actions.common import (
    topic_ref,
)
from roadmap_cli.actions.context import AppContext
from roadmap_cli.errors import UsageError
from roadmap_cli.progress.events import Event, Status, format_time
from roadmap_cli.progress.snapshot import Counts
from roadmap_cli.roadmap.model import Topic
from roadmap_cli.support.i18n import _


@dataclass
class Change:
    """One topic's status change: ``before`` → ``after`` (equal when nothing changed)."""

    topic: Topic
    before: Status
    after: Status
    at: datetime


@dataclass
class ChangeResult:
    """``roadmap start|done|skip|reset``: what changed, plus the counts after it.
    ``language`` is the roadmap's own language (for choosing titles)."""

    verb: str
    changes: list[Change]
    note: str | None
    counts: Counts
    next_topic: Topic | None = None
    language: str = "en"

    @property
    def changed(self) -> list[Change]:
        """The changes that altered a status."""
        return [c for c in self.changes if c.before != c.after]

    def to_json(self) -> dict[str, Any]:
        """``{changes: [{id, title, title_en, from, to, at, changed}], note, progress, next}``."""
        return {
            "changes": [
                {
                    **topic_ref(c.topic),
                    "from": c.before,
                    "to": c.after,
                    "at": format_time(c.at),
                    "changed": c.before != c.after,
                }
                for c in self.changes
            ],
            "note": self.note,
            "progress": self.counts.to_json(),
            "next": topic_ref(self.next_topic) if self.next_topic else None,
        }


VERBS: dict[str, Status] = {
    "start": "in_progress",
    "done": "done",
    "skip": "skipped",
    "reset": "todo",
}


def mark(
    app: AppContext, verb: str, queries: list[str], when: str | None, note: str | None
) -> ChangeResult:
    """Resolve ``queries`` and record their new status (and ``note``) as one batch.

    A topic already in the target status gets no new status event unless ``when`` is
    given (to correct its date). Returns what changed and the counts afterwards.

    Raises:
        UnknownTopicError, AmbiguousTopicError: a TOPIC names no single topic.
        UsageError: a bad ``--date`` or an empty ``--note``.
        ProgressFileError, LockTimeoutError: the progress file cannot be read or written.
    """
    from roadmap_cli.progress.events import Progress, new_event_id
    from roadmap_cli.progress.snapshot import next_topics, overall, snapshot, stage_summaries
    from roadmap_cli.support.clock import now_utc
    from roadmap_cli.support.dates import parse_when

    catalog = app.catalog()
    topics = list({t.id: t for t in (catalog.resolve_topic(q) for q in queries)}.values())
    now = now_utc()
    at = parse_when(when, now) if when is not None else now
    if note is not None and not note.strip():
        raise UsageError(_("--note: the note is empty"), _("write the note text after --note"))
    status = VERBS[verb]

    def record(progress: Progress) -> list[Change]:
        snap = snapshot(catalog, progress)
        batch = new_event_id()
        changes = []
        for topic in topics:
            before = snap.status(topic.id)
            if before != status or when is not None:
                progress.add(
                    Event(id=new_event_id(), at=at, topic=topic.id, status=status, batch=batch)
                )
            if note:
                progress.add(
                    Event(id=new_event_id(), at=now, topic=topic.id, note=note, batch=batch)
                )
            changes.append(Change(topic, before, status, at))
        return changes

    store = app.store()
    changes = store.update(record)
    snap = snapshot(catalog, store.load())
    plan = next_topics(snap, 1)
    return ChangeResult(
        verb=verb,
        changes=changes,
        note=note,
        counts=overall(stage_summaries(snap))[0],
        next_topic=plan.items[0].topic if plan.items else None,
        language=catalog.roadmap.language,
    )
