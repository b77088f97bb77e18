"""Study time: ``time`` events (``roadmap log TOPIC 1h30m``), durations, and what they add
up to (hours per topic, stage and week; the median hours a topic takes).

A time event is ``{id, at, topic, time: {"minutes": 90}}``, with the learner's note, when
there is one, inside the value: ``time: {"minutes": 90, "note": "…"}`` (a top-level
``note`` would make it a note event to this and older versions). ``at`` is when the time
was spent (``--date``). Pure logic: nothing here reads files or prints.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from dataclasses import field
from datetime import date, timedelta, tzinfo

from roadmap_cli.errors import UsageError
from roadmap_cli.progress.events import Event
from roadmap_cli.progress.log import Progress
from roadmap_cli.progress.snapshot import Snapshot
from roadmap_cli.support.i18n import N_, _
from roadmap_cli.support.records import record

__all__ = [
    "MAX_MINUTES",
    "MIN_TIMED_TOPICS",
    "TimeEntry",
    "TimeSummary",
    "format_minutes",
    "parse_duration",
    "time_entries",
    "time_summary",
]

#: The longest one entry may be: 24 hours, in minutes.
MAX_MINUTES = 24 * 60
#: How many topics need logged time before a plan schedules by the median hours per topic.
MIN_TIMED_TOPICS = 3

_DURATION = re.compile(r"^(?:(\d{1,5})\s*h)?\s*(?:(\d{1,5})\s*m(?:in)?)?$")
DURATION_WORDS = N_("minutes and hours like 90m, 1h30m or 2h")


def parse_duration(text: str, option: str = "DURATION") -> int:
    """Minutes in ``text``: ``90m``, ``1h30m``, ``2h`` (``h`` and ``m`` in any case, spaces
    allowed between the parts).

    Raises:
        UsageError: empty, unreadable, zero, or over 24 hours (:data:`MAX_MINUTES`).
    """
    match = _DURATION.match(text.strip().lower())
    if not text.strip() or match is None or not any(match.groups()):
        raise UsageError(
            _("{option}: cannot read {text!r} as a duration").format(option=option, text=text),
            _("use {words}").format(words=_(DURATION_WORDS)),
        )
    minutes = int(match.group(1) or 0) * 60 + int(match.group(2) or 0)
    if minutes == 0:
        raise UsageError(
            _("{option}: {text!r} is no time at all").format(option=option, text=text),
            _("use {words}").format(words=_(DURATION_WORDS)),
        )
    if minutes > MAX_MINUTES:
        raise UsageError(
            _("{option}: {text!r} is more than 24 hours for one entry").format(
                option=option, text=text
            ),
            _("log each day's time as its own entry (--date)"),
        )
    return minutes


def format_minutes(minutes: float) -> str:
    """``1h30m``, ``45m``, ``2h``: minutes rounded to whole ones, as a learner types them."""
    whole = round(minutes)
    hours, rest = divmod(whole, 60)
    if hours and rest:
        return f"{hours}h{rest:02d}m"
    return f"{hours}h" if hours else f"{rest}m"


@record
class TimeEntry:
    """One live (not undone) time event: its topic, minutes and note."""

    event: Event
    topic: str
    minutes: int
    note: str | None = None


def _entry(event: Event) -> TimeEntry | None:
    value = event.value
    if event.topic is None or not isinstance(value, dict):
        return None
    minutes = value.get("minutes")
    if type(minutes) is not int or not 0 < minutes <= MAX_MINUTES:
        return None  # a malformed entry (edited by hand) counts for nothing
    note = value.get("note")
    return TimeEntry(event, event.topic, minutes, note if isinstance(note, str) else None)


def time_entries(progress: Progress) -> list[TimeEntry]:
    """The live time events, in time order (malformed ones left out)."""
    undone = progress.undone_ids()
    out = []
    for event in progress.events:
        if event.kind == "time" and event.id not in undone and (entry := _entry(event)):
            out.append(entry)
    return out


@record(frozen=False)
class TimeSummary:
    """Logged time, in minutes.

    Attributes:
        total: every live entry together.
        per_topic: current topic id (aliases followed; orphans under their recorded id) →
            minutes.
        per_stage: stage id → minutes (current topics only).
        per_week: the Monday (local date) a week starts on → minutes, weeks with time only.
        median_per_topic: the median of ``per_topic`` over topics that are done, when at
            least :data:`MIN_TIMED_TOPICS` done topics have time; None before that.
        timed_done: how many done topics have time logged.
    """

    total: int = 0
    per_topic: dict[str, int] = field(default_factory=dict)
    per_stage: dict[str, int] = field(default_factory=dict)
    per_week: dict[date, int] = field(default_factory=dict)
    median_per_topic: float | None = None
    timed_done: int = 0

    def to_json(self) -> dict[str, object]:
        """``{minutes, hours, per_topic: {id: minutes}, per_stage: {id: minutes},
        per_week: {monday: minutes}, median_minutes_per_topic, timed_done_topics}``."""
        return {
            "minutes": self.total,
            "hours": round(self.total / 60, 2),
            "per_topic": dict(sorted(self.per_topic.items())),
            "per_stage": self.per_stage,
            "per_week": {d.isoformat(): m for d, m in sorted(self.per_week.items())},
            "median_minutes_per_topic": None
            if self.median_per_topic is None
            else round(self.median_per_topic, 1),
            "timed_done_topics": self.timed_done,
        }


def week_of(day: date) -> date:
    """The Monday of the week ``day`` is in."""
    return day - timedelta(days=day.weekday())


def time_summary(snap: Snapshot, zone: tzinfo) -> TimeSummary:
    """Add up the live time events of ``snap``'s progress; weeks are local (``zone``),
    starting on Monday. The median counts only done topics (a topic still in progress has
    not taken its whole time yet)."""
    catalog = snap.catalog
    summary = TimeSummary()
    per_topic: dict[str, int] = defaultdict(int)
    per_week: dict[date, int] = defaultdict(int)
    for entry in time_entries(snap.progress):
        topic = catalog.canonical_id(entry.topic) or entry.topic
        per_topic[topic] += entry.minutes
        per_week[week_of(entry.event.at.astimezone(zone).date())] += entry.minutes
        summary.total += entry.minutes
    for stage in catalog.stages:
        minutes = sum(per_topic.get(t.id, 0) for t in stage.topics)
        if minutes:
            summary.per_stage[stage.id] = minutes
    summary.per_topic = dict(per_topic)
    summary.per_week = dict(sorted(per_week.items()))
    done = [
        m for tid, m in per_topic.items() if tid in catalog.topics and snap.status(tid) == "done"
    ]
    summary.timed_done = len(done)
    if len(done) >= MIN_TIMED_TOPICS:
        summary.median_per_topic = float(statistics.median(done))
    return summary


def timed_enough(time: TimeSummary | None) -> bool:
    """Whether enough done topics have time logged to schedule by hours."""
    return time is not None and time.timed_done >= MIN_TIMED_TOPICS
