"""kill -9 while backups rotate: no version is lost, none is torn, order is kept."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

# A writer whose rotation dawdles between its steps (so kills land inside it), recording
# event 1, 2, 3, ... one write each and printing the number after each write returns.
WRITER = """
import sys, time, os
from datetime import UTC, datetime, timedelta
from pathlib import Path
import roadmap_cli.progress.store as store_module
from roadmap_cli.progress.events import Event
from roadmap_cli.progress.store import ProgressStore

real_replace = os.replace
def slow_replace(src, dst, *args, **kwargs):
    if "backups" in str(dst):
        time.sleep(0.004)
    return real_replace(src, dst, *args, **kwargs)
store_module.os.replace = slow_replace

store = ProgressStore(Path(sys.argv[1]), "relearn-ai")
t0 = datetime(2026, 1, 1, tzinfo=UTC)
n = len(store.load().events)
while True:
    n += 1
    event = Event(id=f"{n:012x}-00000000", at=t0 + timedelta(seconds=n), topic=f"t{n % 40}",
                  status="done")
    store.update(lambda progress: progress.add(event))
    print(n, flush=True)
"""


def count(path: Path) -> int:
    """Parse a progress file; its events must be exactly 1..n (never torn)."""
    from roadmap_cli.progress.fileformat import parse_progress

    progress = parse_progress(path.read_bytes(), path, "relearn-ai")
    numbers = [int(e.id.split("-")[0], 16) for e in progress.events]
    assert numbers == list(range(1, len(numbers) + 1))
    return len(numbers)


@pytest.mark.parametrize("seed", [3])
def test_sigkill_during_backup_rotation_loses_no_version(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    data = tmp_path / "data"
    progress = data / "relearn-ai.json"
    backups = data / "backups"
    for _ in range(20):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        first = child.stdout.readline()
        assert first.strip(), child.stderr.read() if child.stderr else ""
        time.sleep(rng.uniform(0.0, 0.06))
        child.kill()
        child.communicate(timeout=30)
        current = count(progress)
        numbered = sorted(
            (int(p.suffix[1:]), p)
            for p in backups.glob("relearn-ai.json.*")
            if p.suffix[1:].isdigit()
        )
        counts = [count(p) for _, p in numbered]
        # newer backups have a lower number; each is an earlier version than the file
        assert all(c < current for c in counts)
        assert counts == sorted(counts, reverse=True), numbered
        assert len(set(counts)) == len(counts)
        pending = backups / ".relearn-ai.json.pending"
        if pending.exists():
            assert count(pending) <= current
    # the next write takes up what a killed rotation left: the newest backup is the
    # version just before the file, and the backups are in order
    from roadmap_cli.progress.events import Event
    from roadmap_cli.progress.store import BACKUP_COUNT, ProgressStore

    store = ProgressStore(data, "relearn-ai")
    before = count(progress)
    n = before + 1
    event = Event(
        id=f"{n:012x}-00000000", at=datetime(2027, 1, 1, tzinfo=UTC), topic="t", status="done"
    )
    store.update(lambda p: p.add(event))
    assert count(backups / "relearn-ai.json.1") == before
    assert not (backups / ".relearn-ai.json.pending").exists()
    counts = [count(p) for p in store.backup_paths()]
    assert counts == sorted(counts, reverse=True)
    assert len(counts) <= BACKUP_COUNT
