"""Draw ``docs/report-sample.svg``: ``roadmap report`` of a made-up learner.

Eleven weeks of study of the bundled roadmap (Foundations done, LLM foundations under
way, a few notes), recorded into a temporary data folder with a pinned clock and time
zone, then ``roadmap report --format svg`` at 100 columns. The result is the same on every
run. Usage::

    python docs/make_sample_report.py            # writes docs/report-sample.svg
    python docs/make_sample_report.py --text     # prints the text report instead
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

NOW = datetime(2026, 11, 30, 13, 0, tzinfo=UTC)  # Monday, 21:00 in Shanghai
ZONE = "Asia/Shanghai"
#: (topic, days before NOW it was done; None = started and in progress, "skip" = skipped)
PLAN: list[tuple[str, int | str | None]] = [
    ("dl-theory", 76),
    ("dl-code", 70),
    ("numpy", 66),
    ("pandas", 64),
    ("matplotlib", 61),
    ("seaborn", "skip"),
    ("scikit-learn", 52),
    ("lhy-homework", 41),
    ("zero-to-hero", 33),
    ("karpathy-llm-intro", 27),
    ("llm-survey", 19),
    ("attention", 12),
    ("positional-encoding", 6),
    ("nanogpt", 3),
    ("llama-source", "skip"),
    ("dense-vs-moe", 1),
    ("llama3-pretraining", None),
    ("flash-attention", None),
]
NOTES = [
    "re-derived backprop for a two-layer MLP by hand",
    "softmax scaling by sqrt(d_k): keeps the logits' variance at 1",
    "RoPE = rotate query/key pairs; relative position falls out of the dot product",
    "nanoGPT trains on Shakespeare in ~10 min on one GPU",
    "read the Llama 3 paper's data section twice",
]


def _record(data_dir: Path) -> None:
    from roadmap_cli.progress.events import Event, new_event_id
    from roadmap_cli.progress.log import Progress
    from roadmap_cli.progress.store import ProgressStore
    from roadmap_cli.roadmap.bundled import bundled_roadmap_path
    from roadmap_cli.roadmap.catalog import load_catalog

    catalog = load_catalog(bundled_roadmap_path())
    rng = random.Random(7)
    events: list[Event] = []

    def add(at: datetime, topic: str, **fields: object) -> None:
        events.append(Event(id=new_event_id(at), at=at, topic=topic, **fields))  # type: ignore[arg-type]

    for topic, when in PLAN:
        assert topic in catalog.topics, topic
        if when == "skip":
            add(NOW - timedelta(days=40, hours=rng.randint(0, 5)), topic, status="skipped")
            continue
        days = 4 if when is None else int(when) + rng.randint(2, 6)
        add(NOW - timedelta(days=days, hours=rng.randint(0, 8)), topic, status="in_progress")
        if when is not None:
            done_at = NOW - timedelta(days=int(when), hours=rng.randint(0, 8))
            add(done_at, topic, status="done")
    for n, text in enumerate(NOTES):
        topic = PLAN[2 + 3 * n][0]
        add(NOW - timedelta(days=60 - 13 * n, hours=rng.randint(0, 8)), topic, note=text)
    # study sessions leave short notes on other days, more of them lately
    for day in range(80):
        if rng.random() < (0.75 if day < 21 else 0.4):
            for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
                at = NOW - timedelta(days=day, hours=rng.randint(0, 8))
                add(at, "attention", note="study session")
    progress = Progress(roadmap=catalog.roadmap.id, events=sorted(events, key=Event.sort_key))
    ProgressStore(data_dir, catalog.roadmap.id).replace(progress)


def main(argv: list[str]) -> int:
    """Record the sample progress and write the SVG (or print the text report)."""
    os.environ["TZ"] = ZONE
    time.tzset()
    import roadmap_cli.support.clock

    roadmap_cli.support.clock.now_utc = lambda: NOW  # every command reads the clock through here
    from roadmap_cli.cli.app import app

    target = Path(__file__).with_name("report-sample.svg")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ROADMAP_DATA_DIR"] = tmp
        _record(Path(tmp))
        args = ["--lang", "en", "report"]
        if "--text" not in argv:
            args += ["--format", "svg", "--output", str(target), "--force"]
        return int(app(args, standalone_mode=False) or 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
