"""Backups survive failed writes; restore never flips or drops versions; permission
problems are not damage."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from roadmap_cli.errors import ProgressAccessError, ProgressFileError
from roadmap_cli.progress.events import Event
from roadmap_cli.progress.log import Progress
from roadmap_cli.progress.store import ProgressStore


def status_event(n: int) -> Event:
    from datetime import UTC, datetime, timedelta

    at = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=n)
    return Event(id=f"{n:012x}-00000000", at=at, topic=f"t{n}", status="done")


@pytest.fixture
def store(tmp_path: Path) -> ProgressStore:
    return ProgressStore(tmp_path / "data", "relearn-ai")


def write(store: ProgressStore, n: int) -> None:
    store.update(lambda progress: progress.add(status_event(n)))


def snapshot(store: ProgressStore) -> dict[str, bytes]:
    files = [store.path, *sorted(store.backup_dir.iterdir())]
    return {p.name: p.read_bytes() for p in files}


def test_a_failed_replace_leaves_file_and_backups_as_they_were(
    store: ProgressStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(1, 8):
        write(store, n)
    before = snapshot(store)
    real = os.replace

    def refuse(src: object, dst: object) -> None:
        if Path(str(dst)) == store.path:
            raise PermissionError(1, "Operation not permitted")  # immutable, held open...
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr("roadmap_cli.progress.store.os.replace", refuse)
    for n in range(8, 13):
        with pytest.raises(ProgressFileError) as info:
            write(store, n)
        assert "cannot write the progress file" in info.value.message
    assert snapshot(store) == before  # five failed writes: nothing changed, backups included
    assert not list(store.backup_dir.glob(".*"))
    monkeypatch.setattr("roadmap_cli.progress.store.os.replace", real)
    write(store, 8)
    assert (store.backup_dir / "relearn-ai.json.1").read_bytes() == before["relearn-ai.json"]
    assert (store.backup_dir / "relearn-ai.json.2").read_bytes() == before["relearn-ai.json.1"]


def versions(store: ProgressStore) -> list[int]:
    """Event counts of the numbered backups, newest first."""
    return [len(json.loads(p.read_text())["events"]) for p in store.backup_paths()]


def test_repeated_restore_goes_further_back_and_keeps_every_version(
    store: ProgressStore,
) -> None:
    from roadmap_cli.actions.progress import restore_progress

    for n in range(1, 7):  # the file holds 6 events; backups 5, 4, 3, 2, 1
        write(store, n)
    assert versions(store) == [5, 4, 3, 2, 1]
    seen = []
    for _ in range(4):
        result = restore_progress(store, force=True)
        seen.append(len(store.load().events))
        assert result.kept_as is not None and result.kept_as.is_file()
    assert seen == [5, 4, 3, 2]  # one step back each time, never flipping
    assert versions(store) == [1]
    kept = sorted(store.backup_dir.glob("relearn-ai.json.replaced-*"))
    counts = sorted(len(json.loads(p.read_text())["events"]) for p in kept)
    assert counts == [3, 4, 5, 6]  # every replaced version is still there


def test_restore_refuses_a_file_it_cannot_read_for_permissions(
    store: ProgressStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from roadmap_cli.actions.progress import restore_progress

    for n in range(1, 4):
        write(store, n)
    store = ProgressStore(store.data_dir, store.roadmap_id)  # another command: reads again
    before = snapshot(store)
    real = Path.read_bytes

    def denied(self: Path) -> bytes:
        if self == store.path:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(ProgressAccessError):
        store.load()
    with pytest.raises(ProgressFileError) as info:
        restore_progress(store, force=False)
    assert "fix its permissions" in (info.value.hint or "")
    assert "nothing was restored" in info.value.message
    with pytest.raises(ProgressFileError):
        restore_progress(store, force=True)
    monkeypatch.setattr(Path, "read_bytes", real)
    assert snapshot(store) == before
    assert not list(store.data_dir.glob("*.damaged-*"))


def test_empty_progress_for_a_fresh_store(store: ProgressStore) -> None:
    assert store.load() == Progress(roadmap="relearn-ai")
