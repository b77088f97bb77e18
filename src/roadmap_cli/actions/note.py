"""Attach a note to a topic (``roadmap note TOPIC TEXT``): the core, and its result."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from roadmap_cli.errors import UsageError
from roadmap_cli.support.i18n import _
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from roadmap_cli.actions.context import AppContext
    from roadmap_cli.progress.events import Event
    from roadmap_cli.roadmap.model import Stage, Topic

__all__ = ["MAX_NOTE_LENGTH", "NoteResult", "add_note"]

#: Notes longer than this many characters are refused (a note is not a document store).
MAX_NOTE_LENGTH = 10_000


@record(frozen=False)
class NoteResult:
    """``roadmap note``: the note event recorded, the topic it belongs to, and how many
    notes the topic has now."""

    topic: Topic
    stage: Stage
    event: Event
    count: int
    language: str

    def to_json(self) -> dict[str, Any]:
        """``{topic: {id, title, title_en}, stage: {id, title, title_en},
        note: {id, at, text}, notes: int}`` (``at`` is UTC ISO 8601)."""
        from roadmap_cli.actions.common import note_json, stage_ref, topic_ref

        return {
            "topic": topic_ref(self.topic),
            "stage": stage_ref(self.stage),
            "note": note_json(self.event),
            "notes": self.count,
        }


def add_note(app: AppContext, query: str, text: str, when: str | None = None) -> NoteResult:
    """Append a note event ``{id, at, topic, note}`` for the topic ``query`` names.

    ``text`` is stored as given (surrounding white space removed); it is made safe only
    when printed. ``when`` is ``--date`` (read as ``done --date`` reads it); default now.

    Raises:
        UnknownTopicError, AmbiguousTopicError: ``query`` names no single topic (exit 2).
        UsageError: the note is empty or longer than :data:`MAX_NOTE_LENGTH`, or a bad
            ``--date`` (exit 2).
        ProgressFileError, LockTimeoutError: the progress file cannot be read or written.
    """
    from roadmap_cli.progress.events import Event
    from roadmap_cli.progress.log import Progress
    from roadmap_cli.progress.snapshot import snapshot
    from roadmap_cli.support.clock import now_utc

    catalog = app.catalog()
    topic = catalog.resolve_topic(query)
    text = text.strip()
    if not text:
        raise UsageError(_("TEXT: the note is empty"), _("write the note after the topic"))
    if len(text) > MAX_NOTE_LENGTH:
        raise UsageError(
            _("TEXT: the note is {n} characters long; the limit is {limit}").format(
                n=len(text), limit=MAX_NOTE_LENGTH
            ),
            _("keep long write-ups in a file and note where it is"),
        )
    at = now_utc()
    if when is not None:  # --date: back-dated, as 'done --date' reads it
        from roadmap_cli.support.dates import parse_when

        at = parse_when(when, at)

    def record(progress: Progress) -> Event:
        event = Event(id=progress.new_id(), at=at, topic=topic.id, note=text)
        progress.add(event)
        return event

    store = app.store()
    event = store.update(record)
    state = snapshot(catalog, store.load()).state(topic.id)
    return NoteResult(
        topic=topic,
        stage=catalog.stage_of[topic.id],
        event=event,
        count=len(state.notes),
        language=catalog.roadmap.language,
    )
