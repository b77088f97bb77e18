"""Property: whatever the ``--date`` values and the machines' clocks, the last command
recorded decides a topic's status, on both machines.

Two machines (two data folders) run random interleavings of start/done/skip/reset/note/
undo with random ``--date`` values; their clocks are skewed (pinned through
:mod:`roadmap_cli.support.clock`, no faketime), and now and then one merges the other's export.
A model keeps, for every command, which commands happened before it (on its machine, or
brought in by a merge). Checked:

* after every command, the topic has the status the command asked for (the mark sticks),
  and the command reports exactly that;
* ``undo`` reverts a command its machine knew of, that no other live command it knew of
  came after;
* after both machines merge each other, they agree on every topic, and a topic whose last
  live status command came after all its others has that command's status.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from roadmap_cli.cli.app import app
from roadmap_cli.progress import events as progress
from roadmap_cli.support import clock

TOPICS = ("numpy", "pandas")
VERBS = {"start": "in_progress", "done": "done", "skip": "skipped", "reset": "todo"}
START = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)

dates = st.sampled_from(
    [None, None, "today", "yesterday", "2026-11-01", "2026-11-19", "2026-11-19T23:30:00"]
)
status_ops = st.tuples(
    st.just("status"),
    st.sampled_from("AB"),
    st.sampled_from(sorted(VERBS)),
    st.sampled_from(TOPICS),
    dates,
    st.booleans(),
)
ops = st.one_of(
    status_ops,
    status_ops,
    status_ops,
    st.tuples(st.just("note"), st.sampled_from("AB"), st.sampled_from(TOPICS)),
    st.tuples(st.just("undo"), st.sampled_from("AB")),
    st.tuples(st.just("merge"), st.sampled_from("AB")),
    st.tuples(st.just("wait"), st.integers(1, 600)),
)


@dataclass
class Command:
    """One status command as the model sees it."""

    machine: str
    topic: str
    status: str
    before: frozenset[int]  # commands that happened before it
    ids: set[str] = field(default_factory=set)  # the status event it recorded, if any
    undone: bool = False


class World:
    def __init__(self, root: Path, skew_b: timedelta) -> None:
        self.dirs = {m: root / m for m in "AB"}
        self.skew = {"A": timedelta(0), "B": skew_b}
        self.now = START
        self.commands: list[Command] = []
        self.known: dict[str, set[int]] = {"A": set(), "B": set()}
        # the undos each machine knows of (its own, and those a merge brought in): the
        # other machine may undo the same command before it hears of this undo
        self.undone: dict[str, set[int]] = {"A": set(), "B": set()}
        self.runner = CliRunner()

    def run(self, machine: str, *args: str) -> dict:
        os.environ["ROADMAP_DATA_DIR"] = str(self.dirs[machine])
        clock.pin(self.now + self.skew[machine])
        progress._last_millis = 0  # every command is a fresh process
        try:
            result = self.runner.invoke(
                app, [*args, "--json"] if args[0] != "progress" else list(args)
            )
        finally:
            clock.pin(None)
        assert result.exit_code == 0, (args, result.output)
        self.now += timedelta(seconds=1)
        return json.loads(result.stdout) if args[0] != "progress" else {}

    def events(self, machine: str) -> list[dict]:
        path = self.dirs[machine] / "relearn-ai.json"
        return json.loads(path.read_text("utf-8"))["events"] if path.exists() else []


@settings(max_examples=20, suppress_health_check=[HealthCheck.function_scoped_fixture])
@example(  # a back-dated change after a later-dated one
    steps=[
        ("status", "A", "start", "numpy", None, False),
        ("status", "A", "done", "numpy", "yesterday", True),
    ],
    skew_hours=0,
)
@example(  # a merged event from a clock 6 hours ahead, then a local change
    steps=[
        ("status", "B", "done", "numpy", None, False),
        ("merge", "A"),
        ("status", "A", "reset", "numpy", None, False),
    ],
    skew_hours=6,
)
@example(  # both machines undo the same command before hearing of the other's undo
    steps=[
        ("status", "B", "start", "pandas", "2026-11-19", True),
        ("merge", "A"),
        ("undo", "B"),
        ("undo", "A"),
        ("status", "A", "done", "pandas", "yesterday", False),
    ],
    skew_hours=4,
)
@example(  # the same, the other way, then undo on both sides
    steps=[
        ("status", "A", "done", "pandas", "2026-11-19", False),
        ("merge", "B"),
        ("status", "B", "skip", "pandas", "2026-11-01", False),
        ("undo", "A"),
        ("merge", "A"),
        ("undo", "A"),
    ],
    skew_hours=-6,
)
@given(
    steps=st.lists(ops, min_size=3, max_size=16),
    skew_hours=st.integers(-6, 6),
)
def test_the_last_command_recorded_decides_on_both_machines(
    steps: list[tuple], skew_hours: int
) -> None:
    with tempfile.TemporaryDirectory() as root:
        world = World(Path(root), timedelta(hours=skew_hours, minutes=7))
        for step in steps:
            play(world, step)
        # both machines merge each other
        play(world, ("merge", "A"))
        play(world, ("merge", "B"))
        finals = {}
        for machine in "AB":
            data = world.run(machine, "list")
            finals[machine] = {
                t["id"]: t["status"]
                for s in data["stages"]
                for t in s["topics"]
                if t["id"] in TOPICS
            }
        assert finals["A"] == finals["B"]
        for topic in TOPICS:
            # the live status commands that recorded an event (a command that found the
            # topic in its status already recorded nothing, and goes with what it found)
            live = [
                (i, c)
                for i, c in enumerate(world.commands)
                if c.topic == topic and c.ids and not c.undone
            ]
            if not live:
                continue
            _, last = live[-1]
            if all(i in last.before for i, _ in live[:-1]):
                assert finals["A"][topic] == last.status, (topic, world.commands)


def play(world: World, step: tuple) -> None:
    kind = step[0]
    if kind == "wait":
        world.now += timedelta(minutes=step[1])
        return
    machine = step[1]
    if kind == "merge":
        other = "B" if machine == "A" else "A"
        if not world.events(other):
            return
        copy = world.dirs[other].parent / f"export-{other}.json"
        copy.unlink(missing_ok=True)
        world.run(other, "progress", "export", str(copy))
        world.run(machine, "progress", "merge", str(copy))
        world.known[machine] |= world.known[other]
        world.undone[machine] |= world.undone[other]
        return
    if kind == "note":
        world.run(machine, "note", step[2], "a note")
        return
    if kind == "undo":
        if not live_known(world, machine):
            return
        before = {e["id"] for e in world.events(machine)}
        os.environ["ROADMAP_DATA_DIR"] = str(world.dirs[machine])
        data = world.run(machine, "undo")
        undone_ids = {e["id"] for e in data["undone"]}
        assert undone_ids <= before
        hit = [i for i, c in enumerate(world.commands) if c.ids & undone_ids]
        for i in hit:
            command = world.commands[i]
            assert i in world.known[machine] and i not in world.undone[machine]
            # nothing it knew of and still live came after it
            later = [
                j
                for j in live_known(world, machine)
                if i in world.commands[j].before and j not in hit
            ]
            assert not later, (i, later)
            command.undone = True
            world.undone[machine].add(i)
        return
    _, machine, verb, topic, date, with_note = step
    args = [verb, topic]
    if date is not None:
        args += ["--date", date]
    if with_note:
        args += ["-m", "why"]
    before_ids = {e["id"] for e in world.events(machine)}
    data = world.run(machine, *args)
    change = data["changes"][0]
    assert change["to"] == VERBS[verb]  # the mark sticks and is reported as it is
    fresh = {e["id"] for e in world.events(machine) if e["id"] not in before_ids and "status" in e}
    index = len(world.commands)
    world.commands.append(
        Command(machine, topic, VERBS[verb], frozenset(world.known[machine]), fresh)
    )
    world.known[machine].add(index)


def live_known(world: World, machine: str) -> list[int]:
    return [
        i
        for i in sorted(world.known[machine])
        if world.commands[i].ids and i not in world.undone[machine]
    ]
