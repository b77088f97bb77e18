"""Real processes writing and reading the same progress file at the same moment.

These tests spawn ``python -m roadmap_cli`` processes (not threads): the file lock and the
atomic replace are what keep every mark, and only separate processes test them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

WRITERS = 50


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "roadmap_cli", *args]


def env(data_dir: Path) -> dict[str, str]:
    out = dict(os.environ)
    out.update(ROADMAP_DATA_DIR=str(data_dir), NO_COLOR="1", COLUMNS="100", LANG="C.UTF-8")
    out.pop("ROADMAP_FILE", None)
    return out


def topic_ids(data_dir: Path) -> list[str]:
    run = subprocess.run(
        cli("list", "--json"), env=env(data_dir), capture_output=True, text=True, check=True
    )
    return [t["id"] for s in json.loads(run.stdout)["stages"] for t in s["topics"]]


# A reader that reads the raw file as fast as it can until told to stop, and reports how
# many reads it made and any that did not parse (a half-written file would not).
RAW_READER = """
import json, sys, pathlib, time
path, stop = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
reads = bad = 0
while not stop.exists():
    time.sleep(0.001)  # leave the CPU to the writers
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        continue
    reads += 1
    try:
        doc = json.loads(data)
        assert isinstance(doc["events"], list)
    except Exception as exc:
        bad += 1
        print("BAD", repr(exc), data[-80:], file=sys.stderr)
print(json.dumps({"reads": reads, "bad": bad}))
"""


@pytest.mark.slow
def test_fifty_concurrent_done_commands_all_land_while_readers_read(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ids = topic_ids(data)[:WRITERS]
    assert len(ids) == WRITERS
    progress = data / "relearn-ai.json"
    stop = tmp_path / "stop"
    raw_reader = subprocess.Popen(
        [sys.executable, "-c", RAW_READER, str(progress), str(stop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    writers = [
        subprocess.Popen(
            cli("done", topic),
            env=env(data),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for topic in ids
    ]
    reader_runs: list[subprocess.CompletedProcess[str]] = []
    while any(w.poll() is None for w in writers) or not reader_runs:
        for args in (("list", "--json"), ("report", "--json"), ("report",)):
            reader_runs.append(
                subprocess.run(cli(*args), env=env(data), capture_output=True, text=True)
            )
    results = [(w.wait(timeout=120), *w.communicate()) for w in writers]
    stop.touch()
    raw_out, raw_err = raw_reader.communicate(timeout=60)

    waited = 0
    for code, out, err in results:
        assert code == 0, err
        # a writer that waited over 2 s for the lock says so, once, and nothing else
        assert err == "" or (
            err.count("\n") == 1 and "waiting for another roadmap command" in err
        ), err
        waited += err != ""
        assert "[x]" in out
    print(f"{waited} of {WRITERS} writers waited over 2 s")
    doc = json.loads(progress.read_text(encoding="utf-8"))
    events = doc["events"]
    assert len(events) == WRITERS
    assert sorted(e["topic"] for e in events) == sorted(ids)
    assert len({e["id"] for e in events}) == WRITERS
    assert all(e["status"] == "done" for e in events)

    assert reader_runs
    for run in reader_runs:
        assert run.returncode == 0, run.stderr
        assert run.stderr == ""
        if run.args[-1] == "--json":
            json.loads(run.stdout)
    counts = json.loads(raw_out)
    assert counts["bad"] == 0, raw_err
    assert counts["reads"] > 0
    assert list(data.glob("*.tmp")) == []
    final = subprocess.run(
        cli("report", "--json"), env=env(data), capture_output=True, text=True, check=True
    )
    assert json.loads(final.stdout)["progress"]["all"]["done"] == WRITERS


# A writer that records event 1, 2, 3, … one write each and prints the number after each
# write has returned, until it is killed.
WRITER = """
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from roadmap_cli.progress.events import Event
from roadmap_cli.progress.store import ProgressStore

store = ProgressStore(Path(sys.argv[1]), "relearn-ai")
t0 = datetime(2026, 1, 1, tzinfo=UTC)
n = len(store.load().events)
while True:
    n += 1
    event = Event(id=f"{n:012x}-00000000", at=t0 + timedelta(seconds=n), topic=f"t{n % 40}",
                  status="done", note=None)
    store.update(lambda progress: progress.add(event))
    print(n, flush=True)
"""


def check_file(path: Path) -> int:
    """Parse a progress file; its events must be exactly 1..n (never a torn write)."""
    from roadmap_cli.progress.fileformat import parse_progress

    progress = parse_progress(path.read_bytes(), path, "relearn-ai")
    numbers = [int(e.id.split("-")[0], 16) for e in progress.events]
    assert numbers == list(range(1, len(numbers) + 1))
    return len(numbers)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_sigkill_at_any_moment_leaves_old_or_new_file(tmp_path: Path, seed: int) -> None:
    import random

    rng = random.Random(seed)
    data = tmp_path / "data"
    progress = data / "relearn-ai.json"
    acknowledged = 0
    for _ in range(15):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        # wait for its first write, then kill it at a random moment among the next ones
        first = child.stdout.readline()
        assert first.strip(), child.stderr.read() if child.stderr else ""
        time.sleep(rng.uniform(0.0, 0.15))
        child.kill()
        out, err = child.communicate(timeout=30)
        assert child.returncode == -9
        printed = [int(x) for x in [first, *out.split()] if x.strip()]
        acknowledged = max(acknowledged, *printed)
        on_disk = check_file(progress)
        # every acknowledged write is on disk; at most the one in flight is extra
        assert acknowledged <= on_disk <= acknowledged + 1, err
        acknowledged = on_disk
        for backup in sorted((data / "backups").glob("relearn-ai.json.*")):
            check_file(backup)
    # whatever the killed writers left (a temporary file, the lock) does not block the next
    # command, and the temporary files are gone after it
    run = subprocess.run(
        cli("done", "attention", "--json"), env=env(data), capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert list(data.glob("*.tmp")) == []
    doc = json.loads(progress.read_text(encoding="utf-8"))
    assert len(doc["events"]) == acknowledged + 1


HOLDER = """
import sys, time
from pathlib import Path
from roadmap_cli.progress.store import ProgressStore

store = ProgressStore(Path(sys.argv[1]), "relearn-ai")
def change(progress):
    print("locked", flush=True)
    time.sleep(60)
store.update(change)
"""


def test_lock_held_by_a_killed_process_is_free_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from filelock import FileLock

    import roadmap_cli.progress.store as store_module
    from roadmap_cli.errors import LockTimeoutError

    data = tmp_path / "data"
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "locked"
    lock = FileLock(str(data / "relearn-ai.json.lock"), timeout=0)
    with pytest.raises(TimeoutError):
        lock.acquire()
    # a writer that waits too long gets a clear message; the file is not touched
    monkeypatch.setattr(store_module, "LOCK_TIMEOUT", 0.2)
    store = store_module.ProgressStore(data, "relearn-ai")
    with pytest.raises(LockTimeoutError) as info:
        store.update(lambda progress: None)
    assert "held the write lock" in info.value.message
    assert str(data / "relearn-ai.json.lock") in (info.value.hint or "")
    assert not (data / "relearn-ai.json").exists()
    child.kill()
    child.wait(timeout=30)
    assert (data / "relearn-ai.json.lock").exists(), "the lock file is left behind"
    lock.acquire()  # timeout=0: the dead process holds nothing
    lock.release()
    run = subprocess.run(cli("done", "attention"), env=env(data), capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_a_waiting_writer_says_so_once_and_then_succeeds(tmp_path: Path) -> None:
    data = tmp_path / "data"
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER.replace("time.sleep(60)", "time.sleep(3.5)"), str(data)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "locked"
    run = subprocess.run(cli("done", "attention"), env=env(data), capture_output=True, text=True)
    child.wait(timeout=30)
    assert run.returncode == 0, run.stderr
    assert run.stderr.count("waiting for another roadmap command") == 1
    assert len(run.stderr.splitlines()) == 1
    assert "done" in run.stdout
