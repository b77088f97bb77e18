"""Spaced review of finished topics (``roadmap review``): enrolment, ratings, and the
schedule FSRS derives from them.

The schedule is *derived*, never stored: every call folds each enrolled topic's live
rating events, in time order (``at``, then ``id``), through an FSRS scheduler (the ``fsrs``
package) with fuzzing off, so the same events always give the same dates, on every machine
and in whatever order two machines' events were merged.

Rules (docs/progress-format.md, README "Review"):

* **Enrolment.** A topic is in review while it is done and its review mode is not "off".
  It enters review at its latest completion (:attr:`TopicState.completions`), which
  counts as its first learning (rated "good"); the first review falls due
  :data:`FIRST_REVIEW_DAYS` days after that completion. Ratings count
  from that completion on (``at`` at or after it); earlier ones belonged to an earlier
  round. Skipped topics never enter; ``reset`` (or ``start``) takes a topic out.
* **Review mode.** ``{topic, review_mode: "off"|"on"}``: the one recorded last wins and
  stays in force until another one.
* **Retention.** ``{settings: {"review_retention": r}}``: the settings event recorded last
  that carries a valid value wins; :data:`DEFAULT_RETENTION` otherwise.

Only :func:`schedule` imports ``fsrs``; everything else here is plain Python, so ``next``
can tell whether anything is enrolled without loading the scheduler. Nothing here reads
files or prints; times are UTC.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from roadmap_cli.progress.events import Event, recording_key
from roadmap_cli.progress.log import Progress, TopicState
from roadmap_cli.support.records import record

__all__ = [
    "DEFAULT_RETENTION",
    "FIRST_REVIEW_DAYS",
    "MAX_RETENTION",
    "MIN_RETENTION",
    "RATINGS",
    "REVIEW_KINDS",
    "Enrolment",
    "ReviewSummary",
    "Schedule",
    "enrolments",
    "is_rating",
    "rating_of",
    "retention",
    "review_modes",
    "review_ratings",
    "schedule",
    "summarize",
]

#: The four ratings, worst to best (``1``..``4`` on the command line).
RATINGS: tuple[str, ...] = ("again", "hard", "good", "easy")
#: The event kinds this module reads.
REVIEW_KINDS = ("review", "review_mode", "settings")
#: Desired retention (probability of recall when a review falls due) unless set.
DEFAULT_RETENTION = 0.9
#: The range ``--retention`` accepts.
MIN_RETENTION = 0.7
MAX_RETENTION = 0.99
#: Days from a topic's completion to its first review.
FIRST_REVIEW_DAYS = 3


#: A rating's JSON text → the rating (decoding 100,000 ratings with json.loads costs ~0.3 s).
_RATING_TEXT = {f'"{name}"': name for name in RATINGS}


def rating_of(event: Event) -> str | None:
    """The rating of a rating event (``"good"`` for ``{topic, review: "good"}``), None for
    any other event or a value this version does not know."""
    if event.topic is None or not event.extra or event.extra[0][0] != "review":
        return None
    text = event.extra[0][1]
    found = _RATING_TEXT.get(text)
    if found is None and text.startswith('"'):
        value = event.value  # written with escapes ("\u0067ood"): decode it
        found = value if isinstance(value, str) and value in RATINGS else None
    return found


def is_rating(event: Event) -> bool:
    """Whether ``event`` is a rating this version understands: ``{topic, review: R}``
    with R one of :data:`RATINGS`."""
    return rating_of(event) is not None


def _live(progress: Progress, kind: str) -> list[Event]:
    """The live (not undone) events of ``kind``, in the file's (time) order."""
    undone = progress.undone_ids()
    return [e for e in progress.events if e.extra and e.extra[0][0] == kind and e.id not in undone]


def review_ratings(progress: Progress) -> list[Event]:
    """Every live rating (:func:`is_rating`), of any topic, current or not, in time order
    (``at``, ``id``): activity for the heatmap and streaks, whether or not it counts for
    a schedule."""
    return [e for e in _live(progress, "review") if is_rating(e)]


def retention(progress: Progress) -> float:
    """The desired retention in force: the value of the settings event recorded last that
    carries a ``review_retention`` between :data:`MIN_RETENTION` and
    :data:`MAX_RETENTION`, else :data:`DEFAULT_RETENTION`."""
    value = DEFAULT_RETENTION
    for event in sorted(_live(progress, "settings"), key=recording_key):
        settings = event.value
        if isinstance(settings, dict):
            r = settings.get("review_retention")
            if isinstance(r, bool) or not isinstance(r, (int, float)):
                continue
            if MIN_RETENTION <= r <= MAX_RETENTION:
                value = float(r)
    return value


def review_modes(
    progress: Progress, canonical: Callable[[str], str | None] | None = None
) -> dict[str, str]:
    """Topic id (canonical when ``canonical`` maps it) → its review mode in force, "on" or
    "off": the live ``review_mode`` event recorded last. Topics without one are absent
    (they are on)."""
    modes: dict[str, str] = {}
    for event in sorted(_live(progress, "review_mode"), key=recording_key):
        if event.topic and event.value in ("on", "off"):
            key = (canonical(event.topic) if canonical else None) or event.topic
            modes[key] = str(event.value)
    return modes


@record
class Enrolment:
    """A topic in review, before scheduling.

    Attributes:
        topic: the topic id.
        since: when it entered review (UTC): its latest completion.
        ratings: its live rating events from ``since`` on, in time order (``at``, ``id``).
    """

    topic: str
    since: datetime
    ratings: tuple[Event, ...]


def enrolments(
    progress: Progress,
    states: Mapping[str, TopicState],
    canonical: Callable[[str], str | None] | None = None,
) -> dict[str, Enrolment]:
    """The topics in review: done (in ``states``, the fold of ``progress``) and not turned
    off, each with its ratings since its latest completion. Plain Python (no ``fsrs``).

    Args:
        progress: the events.
        states: topic id → state, e.g. :attr:`Snapshot.states` (current topics only).
        canonical: maps a recorded topic id to its current id (aliases).
    """
    modes = review_modes(progress, canonical)
    out: dict[str, Enrolment] = {}
    for topic, state in states.items():
        if state.status != "done" or not state.completions or modes.get(topic) == "off":
            continue
        out[topic] = Enrolment(topic, state.completions[-1].at, ())
    if not out:
        return out
    ratings: dict[str, list[Event]] = {}
    cache: dict[str, str] = {}
    for event in _live(progress, "review"):
        if event.topic is None or (event.extra[0][1] not in _RATING_TEXT and not is_rating(event)):
            continue
        key = cache.get(event.topic)
        if key is None:
            key = cache[event.topic] = (
                canonical(event.topic) if canonical else None
            ) or event.topic
        enrolled = out.get(key)
        if enrolled is not None and event.at >= enrolled.since:
            ratings.setdefault(key, []).append(event)
    for key, events in ratings.items():
        events.sort(key=Event.sort_key)
        out[key] = Enrolment(key, out[key].since, tuple(events))
    return out


@record
class Schedule:
    """A topic's review state at one moment, derived by FSRS from its ratings.

    Attributes:
        topic: the topic id.
        since: when it entered review (UTC).
        due: when the next review falls due (UTC).
        reviews: how many ratings count (since ``since``).
        last_review: the time of the last of them (UTC), None before the first.
        last_rating: its rating, None before the first.
        recall: FSRS's probability of recalling the topic now (0–1).
        stability: FSRS stability in days.
    """

    topic: str
    since: datetime
    due: datetime
    reviews: int
    last_review: datetime | None
    last_rating: str | None
    recall: float
    stability: float | None

    def due_day(self, zone: tzinfo) -> date:
        """The local calendar day (in ``zone``) the review falls due."""
        return self.due.astimezone(zone).date()

    def is_due(self, today: date, zone: tzinfo) -> bool:
        """Due on or before the local day ``today``: a review is due for the whole day,
        not from the hour the scheduler names."""
        return self.due_day(zone) <= today


#: A card's memory between ratings: FSRS state, step, stability, difficulty, last review.
_Memory = tuple[Any, "int | None", "float | None", "float | None", "datetime | None"]


def schedule(
    enrolled: Iterable[Enrolment], desired_retention: float, now: datetime
) -> dict[str, Schedule]:
    """Fold each enrolment's ratings through FSRS (``desired_retention``, no learning or
    relearning steps, fuzzing off) and return topic id → :class:`Schedule` at ``now``
    (UTC). This is the only function that imports ``fsrs``.

    The completion that enrolled a topic counts as its first learning, rated "good"
    (FSRS's initial memory state); its first review is due :data:`FIRST_REVIEW_DAYS` days
    later, whatever FSRS would say. Each rating from then on goes through FSRS, so a
    review that comes late and still goes well earns a longer interval.
    """
    from fsrs import Card, Rating, Scheduler, State

    class _Card(Card):
        """fsrs's Card with a direct ``__copy__``: ``Scheduler.review_card`` copies the
        card on every rating, and the generic ``copy.copy`` costs ~17% of scheduling
        100,000 ratings. State and results are the same."""

        def __copy__(self) -> _Card:
            new = object.__new__(_Card)
            new.__dict__.update(self.__dict__)
            return new

    scheduler = Scheduler(
        desired_retention=desired_retention,
        learning_steps=(),
        relearning_steps=(),
        enable_fuzzing=False,
    )
    ratings = {name: Rating(index + 1) for index, name in enumerate(RATINGS)}
    by_text = {text: ratings[name] for text, name in _RATING_TEXT.items()}  # '"good"' → Good
    review = scheduler.review_card
    # Scheduler.review_card (fuzzing off) is a function of the card's state, step,
    # stability and difficulty, the whole days since its last review and the rating; the
    # review time only moves the due date (due = time + interval). So each distinct input
    # goes through FSRS once and gives the new memory state and the interval; topics
    # rated alike (every first rating, a "good" three days after completion) share it.
    steps: dict[tuple[Any, ...], tuple[Any, int | None, float | None, float | None, timedelta]]
    steps = {}

    def rate(memory: _Memory, rating: Rating, at: datetime) -> tuple[_Memory, datetime]:
        state, step, stability, difficulty, last = memory
        key = (state, step, stability, difficulty, (at - last).days if last else None, rating)
        found = steps.get(key)
        if found is None:
            card: Card = _Card(1, state, step, stability, difficulty, at, last)
            card, _ = review(card, rating, review_datetime=at)
            found = steps[key] = (
                card.state,
                card.step,
                card.stability,
                card.difficulty,
                card.due - at,
            )
        return (found[0], found[1], found[2], found[3], at), at + found[4]

    out: dict[str, Schedule] = {}
    for item in enrolled:
        # the completion is the card's first learning: a "good" at that time (FSRS's
        # initial stability and difficulty), its first review due FIRST_REVIEW_DAYS later
        memory, _ = rate((State.Learning, 0, None, None, None), Rating.Good, item.since)
        due = item.since + timedelta(days=FIRST_REVIEW_DAYS)
        for event in item.ratings:
            rating = by_text.get(event.extra[0][1]) or ratings[rating_of(event) or ""]
            memory, due = rate(memory, rating, event.at)
        state, step, stability, difficulty, last_review = memory
        last_card = _Card(1, state, step, stability, difficulty, due, last_review)
        last = item.ratings[-1] if item.ratings else None
        out[item.topic] = Schedule(
            topic=item.topic,
            since=item.since,
            due=due,
            reviews=len(item.ratings),
            last_review=last.at if last else None,
            last_rating=rating_of(last) if last else None,
            recall=scheduler.get_card_retrievability(last_card, max(now, last_review or now)),
            stability=stability,
        )
    return out


@record
class ReviewSummary:
    """Review at a glance (the report's Review section).

    Attributes:
        scheduled: topics in review.
        due_today: topics falling due today (local day).
        overdue: topics that fell due before today.
        next_7_days: topics falling due in the 7 days after today.
        average_recall: mean probability of recall now over the topics in review (0–1),
            None when there are none.
        reviews: live ratings that count, over every topic in review.
    """

    scheduled: int = 0
    due_today: int = 0
    overdue: int = 0
    next_7_days: int = 0
    average_recall: float | None = None
    reviews: int = 0

    @property
    def due(self) -> int:
        """Topics due now: due today or overdue."""
        return self.due_today + self.overdue

    def to_json(self) -> dict[str, object]:
        """``{scheduled, due, due_today, overdue, next_7_days, average_recall, reviews}``
        (``average_recall`` 0–1 to three places, or null)."""
        return {
            "scheduled": self.scheduled,
            "due": self.due,
            "due_today": self.due_today,
            "overdue": self.overdue,
            "next_7_days": self.next_7_days,
            "average_recall": None
            if self.average_recall is None
            else round(self.average_recall, 3),
            "reviews": self.reviews,
        }


def summarize(schedules: Iterable[Schedule], today: date, zone: tzinfo) -> ReviewSummary:
    """Count ``schedules`` against the local day ``today`` in ``zone``."""
    scheduled = due_today = overdue = week = reviews = 0
    recalls: list[float] = []
    for item in schedules:
        scheduled += 1
        reviews += item.reviews
        day = item.due_day(zone)
        if day < today:
            overdue += 1
        elif day == today:
            due_today += 1
        elif (day - today).days <= 7:
            week += 1
        recalls.append(item.recall)
    average = sum(recalls) / len(recalls) if recalls else None
    return ReviewSummary(scheduled, due_today, overdue, week, average, reviews)
