"""progress.review.schedule reuses fsrs's result for a repeated input (memory state,
whole days since the last review, rating): the dates, stability and recall are those of
folding every rating through ``Scheduler.review_card`` one by one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, Scheduler
from hypothesis import given, settings
from hypothesis import strategies as st

from roadmap_cli.progress.events import Event
from roadmap_cli.progress.review import FIRST_REVIEW_DAYS, RATINGS, Enrolment, schedule

T0 = datetime(2026, 1, 1, 9, 30, tzinfo=UTC)
NOW = datetime(2027, 6, 1, tzinfo=UTC)


def reference(item: Enrolment, retention: float) -> tuple[datetime, float | None, float]:
    """The plain fold: a new card, "good" at the completion, then each rating."""
    scheduler = Scheduler(
        desired_retention=retention, learning_steps=(), relearning_steps=(), enable_fuzzing=False
    )
    card, _ = scheduler.review_card(Card(card_id=1, due=item.since), Rating.Good, item.since)
    card.due = item.since + timedelta(days=FIRST_REVIEW_DAYS)
    for event in item.ratings:
        rating = Rating(RATINGS.index(str(event.value)) + 1)
        card, _ = scheduler.review_card(card, rating, review_datetime=event.at)
    recall = scheduler.get_card_retrievability(card, max(NOW, card.last_review or NOW))
    return card.due, card.stability, recall


gaps = st.one_of(st.integers(0, 1440), st.integers(1, 400).map(lambda d: d * 1440))
topics = st.lists(
    st.lists(st.tuples(gaps, st.sampled_from(RATINGS)), max_size=8), min_size=1, max_size=12
)


@given(topics, st.sampled_from([0.9, 0.8, 0.97]))
@settings(max_examples=200, deadline=None)
def test_the_schedule_is_the_plain_fold(plans: list[list[tuple[int, str]]], r: float) -> None:
    enrolled = []
    for n, plan in enumerate(plans):
        at = since = T0 + timedelta(hours=n)
        ratings = []
        for k, (minutes, value) in enumerate(plan):
            at += timedelta(minutes=minutes)
            event = Event.of_kind(
                "review", value, id=f"{n:06x}{k:06x}-00000000", at=at, topic=f"t{n}"
            )
            ratings.append(event)
        enrolled.append(Enrolment(f"t{n}", since, tuple(ratings)))
    found = schedule(enrolled, r, NOW)
    for item in enrolled:
        due, stability, recall = reference(item, r)
        got = found[item.topic]
        assert (got.due, got.stability, got.recall) == (due, stability, recall)
        assert got.reviews == len(item.ratings)
