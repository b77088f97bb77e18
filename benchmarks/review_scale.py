"""Review at scale (issue 13): the scale benchmark with a second progress file per size in
which every topic is done and rated ten times; times review, report and next on it (and,
for comparison in the same run, the plain commands). ``benchmarks/scale.py`` is the
general scale benchmark.

Scale benchmark: ``roadmap`` on a huge generated roadmap with years of history.

Generates two roadmap TOML files (1,000 topics: 10 stages × 100; 10,000 topics: 100 stages
× 100), each topic requiring the one before it in its stage and the first topic of a stage
requiring the last of the stage before, with two resources each; and for each a progress
file of 10 events per topic (10,000 and 100,000 events over three years: starts, dones,
notes, resets and undos; see :func:`make_progress`). Then times ``report``, ``list``,
``next`` and ``done`` of the
real console script at both sizes, and ``review``, ``report`` and ``next`` on a second progress file
per size in which every topic is done and has ten review ratings (10,000 and 100,000
ratings, see :func:`make_review_progress`); with ``--baseline V2`` every case also runs
with a second venv in the same rounds, for a before/after table. (``--roadmap FILE``,
``ROADMAP_DATA_DIR`` a temporary folder; ``done`` gets a fresh copy of the progress file
for every run, so each run writes) and prints medians, the 10× size's cost ratio and
the targets of issue 7::

    python benchmarks/review_scale.py [--venv /work/venv] [--runs 3] [--baseline V2] [--check]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import (
    Sample,
    Target,
    add_common_arguments,
    base_env,
    machine_lines,
    ms,
    print_table,
    print_targets,
    run_ok,
    venv_of,
)

#: (topics, events) of the two sizes; the second is ten times the first.
from scale import (
    LIMIT_SECONDS,
    MAX_GROWTH,
    ROADMAP_ID,
    make_progress,
    make_roadmap,
    topic_id,
)

SIZES = ((1_000, 10_000), (10_000, 100_000))
COMMANDS = ("report", "list", "next", "done")
#: Commands timed on the review progress (every topic done, ten ratings each).
REVIEW_COMMANDS = ("review", "report (reviews)", "next (reviews)")


def make_review_progress(topics: int, reviews: int, seed: int = 11) -> str:
    """A progress file in which every topic is done, spread over three years up to now,
    then rated ``reviews // topics`` times at growing gaps after its completion (ratings
    mostly "good", some "again", "hard" and "easy"; none later than now)."""
    rng = random.Random(seed)
    now = datetime.now(UTC).replace(microsecond=0)
    start = now - timedelta(days=3 * 365)
    spacing = (now - start) / topics
    per_topic = reviews // topics
    events: list[tuple[datetime, str]] = []
    ratings = ("again", "hard", "good", "good", "good", "easy")

    def add(at: datetime, body: str) -> None:
        event_id = f"{int(at.timestamp() * 1000):012x}-{len(events):08x}"  # unique
        stamp = at.strftime("%Y-%m-%dT%H:%M:%SZ")
        events.append((at, f'{{"id": "{event_id}", "at": "{stamp}", {body}}}'))

    for t in range(topics):
        done = start + spacing * t
        add(done, f'"topic": "{topic_id(t)}", "status": "done"')
        at = done
        for r in range(per_topic):
            at = min(now, at + timedelta(days=min(3 * 2**r, 200), minutes=r + 1))
            add(at, f'"topic": "{topic_id(t)}", "review": "{rng.choice(ratings)}"')
    events.sort(key=lambda item: item[0])
    body = ",\n    ".join(text for _, text in events)
    return f'{{\n  "schema": 1,\n  "roadmap": "{ROADMAP_ID}",\n  "events": [\n    {body}\n  ]\n}}\n'


def main(argv: list[str] | None = None) -> int:
    """Generate the data, run the benchmark; return 1 with ``--check`` when a target is
    missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_common_arguments(parser, runs=3)
    parser.add_argument(
        "--baseline",
        type=Path,
        help="a second venv (the code before a change): every case also runs with it, "
        "alternating with --venv in each round, and a before/after table is printed",
    )
    args = parser.parse_args(argv)
    venv = venv_of(args.venv)
    baseline = venv_of(args.baseline) if args.baseline else None
    samples: dict[tuple[str, int], Sample] = {}
    before: dict[tuple[str, int], Sample] = {}
    with tempfile.TemporaryDirectory(prefix="roadmap-scale-") as tmp:
        root = Path(tmp)
        for topics, events in SIZES:
            folder = root / str(topics)
            data = folder / "data"
            data.mkdir(parents=True)
            roadmap = folder / "roadmap.toml"
            roadmap.write_text(make_roadmap(topics), encoding="utf-8")
            progress = make_progress(topics, events)
            (data / f"{ROADMAP_ID}.json").write_text(progress, encoding="utf-8")
            reviewed = folder / "reviewed"
            reviewed.mkdir()
            (reviewed / f"{ROADMAP_ID}.json").write_text(
                make_review_progress(topics, events), encoding="utf-8"
            )
            # the last topic is never touched, so 'done' always records a new event
            argvs = {
                "report": ["report"],
                "list": ["list"],
                "next": ["next"],
                "done": ["done", topic_id(topics - 1)],
                "review": ["review"],
                "report (reviews)": ["report"],
                "next (reviews)": ["next"],
            }
            for attempt in range(args.runs + 1):  # the first run warms caches, not timed
                for name in COMMANDS + REVIEW_COMMANDS:
                    where = reviewed if name in REVIEW_COMMANDS else data
                    if name == "done":
                        where = folder / f"fresh-{attempt}"
                        shutil.copytree(data, where)
                    pairs = [(venv, samples)]
                    if baseline is not None:  # alternate which goes first
                        pairs.insert(attempt % 2, (baseline, before))
                    for which, into in pairs:
                        cmd = [which.roadmap, "--roadmap", str(roadmap), *argvs[name]]
                        what = f"roadmap {' '.join(argvs[name])} at {topics} topics"
                        result = run_ok(cmd, base_env(where), what)
                        if attempt:
                            into.setdefault((name, topics), Sample(name)).runs.append(result)
                        if name == "done":  # a fresh copy for the second venv too
                            shutil.rmtree(where, ignore_errors=True)
                            shutil.copytree(data, where)
                    if name == "done":
                        shutil.rmtree(where, ignore_errors=True)

    small, large = (t for t, _ in SIZES)
    print("\n".join(machine_lines(venv)))
    print(f"runs: median of {args.runs} per case, after one warm-up run\n")
    rows = []
    targets = []
    for name in COMMANDS + REVIEW_COMMANDS:
        a, b = samples[(name, small)], samples[(name, large)]
        growth = b.median / a.median
        rows.append(
            [
                f"roadmap {name}",
                ms(a.median),
                ms(b.median),
                f"{growth:.1f}",
                f"{a.max_rss:.0f}",
                f"{b.max_rss:.0f}",
            ]
        )
        if name in ("report", "list", "done", "review", "report (reviews)"):
            what = "100,000 reviews" if name in REVIEW_COMMANDS else "100,000 events"
            targets.append(
                Target(
                    f"{name} at 10,000 topics / {what} < {LIMIT_SECONDS:.0f} s",
                    f"{b.median:.2f} s",
                    b.median < LIMIT_SECONDS,
                )
            )
            targets.append(
                Target(f"{name}: 10× size ≤ {MAX_GROWTH:.0f}× time", f"{growth:.1f}×", growth <= 12)
            )
    print_table(
        [
            "command",
            f"{small:,} topics ms",
            f"{large:,} topics ms",
            "× (10× size)",
            "RSS MiB small",
            "RSS MiB large",
        ],
        rows,
    )
    if baseline is not None:
        print(f"\nbefore: {baseline.python}; after: {venv.python} (same rounds, alternating)\n")
        print_table(
            [
                "command",
                "topics",
                "before ms",
                "after ms",
                "after / before",
                "before MiB",
                "after MiB",
            ],
            [
                [
                    f"roadmap {name}",
                    f"{topics:,}",
                    ms(before[(name, topics)].median),
                    ms(samples[(name, topics)].median),
                    f"{samples[(name, topics)].median / before[(name, topics)].median:.2f}",
                    f"{before[(name, topics)].max_rss:.0f}",
                    f"{samples[(name, topics)].max_rss:.0f}",
                ]
                for topics in (small, large)
                for name in COMMANDS + REVIEW_COMMANDS
            ],
        )
    print()
    ok = print_targets(targets)
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
