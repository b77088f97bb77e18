"""``roadmap start|done|skip|reset TOPIC…``: change topics' status.

Every change is appended as an event; nothing is overwritten. All TOPIC arguments are
resolved before anything is written, so one bad argument changes nothing.
"""

from __future__ import annotations

from dataclasses import field
from datetime import datetime
from typing import Any

from roadmap_cli.actions.common import (
    iso_or_none,
    topic_ref,
)
from roadmap_cli.actions.context import AppContext
from roadmap_cli.errors import UsageError
from roadmap_cli.progress.events import Event, Status, format_time
from roadmap_cli.progress.snapshot import Counts
from roadmap_cli.roadmap.model import Topic
from roadmap_cli.support.i18n import _
from roadmap_cli.support.records import record


@record(frozen=False)
class Change:
    """One topic's status change: ``before`` → ``after`` (equal when nothing changed).

    ``at`` is when the status was set (UTC); ``moved_from`` is the date (UTC) it had
    before, when a ``--date`` on a topic already in that status moved it."""

    topic: Topic
    before: Status
    after: Status
    at: datetime
    moved_from: datetime | None = None
    #: the topic's prerequisites neither done nor skipped when it was started or marked
    #: done (the change is recorded all the same)
    unmet: list[str] = field(default_factory=list)


@record(frozen=False)
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
        """``{changes: [{id, title, title_en, from, to, at, changed, moved_from}], note,
        progress, next}`` (``unmet_requires``: prerequisites not done yet; ``moved_from``: the
        earlier time of a moved date, else null)."""
        return {
            "changes": [
                {
                    **topic_ref(c.topic),
                    "from": c.before,
                    "to": c.after,
                    "at": format_time(c.at),
                    "changed": c.before != c.after,
                    "moved_from": iso_or_none(c.moved_from),
                    "unmet_requires": list(c.unmet),
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
    given and names another time: then its date moves (``Change.moved_from``). The new
    events' ids come from the hybrid logical clock (:meth:`Progress.new_id`), so they are
    recorded after every event in the file and decide the status whatever ``when`` is.
    Each change's ``after`` is the status the topic has once written (never a transition
    that did not happen). Starting or finishing a topic whose prerequisites are not all
    done or skipped is recorded all the same; each change lists those prerequisites
    (``Change.unmet``). Returns what changed and the counts afterwards.

    Raises:
        UnknownTopicError, AmbiguousTopicError: a TOPIC names no single topic.
        UsageError: a bad ``--date`` or an empty ``--note``.
        ProgressFileError, LockTimeoutError: the progress file cannot be read or written.
    """
    from roadmap_cli.progress.log import Progress
    from roadmap_cli.progress.snapshot import next_topics, overall, snapshot, stage_summaries
    from roadmap_cli.support.clock import now_utc
    from roadmap_cli.support.dates import parse_when

    catalog = app.catalog()
    topics = list({t.id: t for t in (catalog.resolve_topic(q) for q in queries)}.values())
    now = now_utc()
    at = parse_when(when, now) if when is not None else now
    if note is not None and not note.strip():
        raise UsageError(_("--note: the note is empty"), _("write the note text after --note"))
    from roadmap_cli.actions.note import MAX_NOTE_LENGTH

    if note is not None and len(note.strip()) > MAX_NOTE_LENGTH:
        raise UsageError(
            _("--note: the note is {length} characters long; the limit is {limit}").format(
                length=f"{len(note.strip()):,}", limit=f"{MAX_NOTE_LENGTH:,}"
            ),
            _("keep long write-ups in a file and note where it is"),
        )
    status = VERBS[verb]

    def record(progress: Progress) -> list[Change]:
        snap = snapshot(catalog, progress)
        batch = progress.new_id()
        changes = []
        for topic in topics:
            state = snap.state(topic.id)
            before = state.status
            moved_from = None
            if before != status:
                record_it = True
            else:  # already there: only a date that differs is recorded, as a move
                record_it = when is not None and state.since is not None and state.since != at
                moved_from = state.since if record_it else None
            if record_it:
                progress.add(
                    Event(id=progress.new_id(), at=at, topic=topic.id, status=status, batch=batch)
                )
            if note:
                progress.add(
                    Event(id=progress.new_id(), at=at, topic=topic.id, note=note, batch=batch)
                )
            unmet = snap.unmet(topic) if status in ("in_progress", "done") else []
            changes.append(Change(topic, before, status, at, moved_from, unmet))
        return changes

    store = app.store()
    changes = store.update(record)
    snap = snapshot(catalog, store.load())
    for change in changes:  # what the file now says, not what was meant
        change.after = snap.status(change.topic.id)
        if change.before == change.after and change.moved_from is None:
            change.at = snap.state(change.topic.id).since or change.at
    plan = next_topics(snap, 1)
    return ChangeResult(
        verb=verb,
        changes=changes,
        note=note,
        counts=overall(stage_summaries(snap))[0],
        next_topic=plan.items[0].topic if plan.items else None,
        language=catalog.roadmap.language,
    )
