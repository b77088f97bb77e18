"""The progress store: damaged files are refused and left untouched, writes are atomic,
backups rotate, leftovers of a killed writer are harmless."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from roadmap_cli.errors import ProgressFileError
from roadmap_cli.progress import store as store_module
from roadmap_cli.progress.events import PROGRESS_SCHEMA, Event
from roadmap_cli.progress.fileformat import parse_progress
from roadmap_cli.progress.log import Progress
from roadmap_cli.progress.store import BACKUP_COUNT, ProgressStore

T0 = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def status_event(n: int, topic: str = "attention", status: str = "done") -> Event:
    return Event.from_json(
        {
            "id": f"{n:012x}-0000000{n % 10}",
            "at": T0 + timedelta(minutes=n),
            "topic": topic,
            "status": status,
        }
    )


def add(n: int, topic: str = "attention") -> Callable[[Progress], None]:
    """A change for ProgressStore.update that adds one status event."""

    def change(progress: Progress) -> None:
        progress.add(status_event(n, topic))

    return change


@pytest.fixture
def store(tmp_path: Path) -> ProgressStore:
    return ProgressStore(tmp_path / "data", "relearn-ai")


DAMAGED: dict[str, bytes] = {
    "empty": b"",
    "blank": b"  \n",
    "truncated": b'{"schema": 1, "roadmap": "relearn-ai", "events": [{"id": "a", "at": "2026-',
    "not json": b"hello",
    "a list": b"[1, 2, 3]",
    "no events": b'{"schema": 1, "roadmap": "relearn-ai"}',
    "events not a list": b'{"schema": 1, "roadmap": "relearn-ai", "events": {}}',
    "no schema": b'{"roadmap": "relearn-ai", "events": []}',
    "schema is text": b'{"schema": "1", "roadmap": "relearn-ai", "events": []}',
    "schema is true": b'{"schema": true, "roadmap": "relearn-ai", "events": []}',
    "bad event": b'{"schema": 1, "roadmap": "relearn-ai", "events": [{"id": "x"}]}',
    "bad status": (
        b'{"schema": 1, "roadmap": "relearn-ai", "events": [{"id": "x", '
        b'"at": "2026-11-01T12:00:00Z", "topic": "a", "status": "finished"}]}'
    ),
    "naive time": (
        b'{"schema": 1, "roadmap": "relearn-ai", "events": [{"id": "x", '
        b'"at": "2026-11-01T12:00:00", "topic": "a", "status": "done"}]}'
    ),
    # a top-level field this version does not know is kept (forward compatibility),
    # see tests/unit/test_forward_compat.py
    "other roadmap": b'{"schema": 1, "roadmap": "other", "events": []}',
    "newer schema": b'{"schema": 99, "roadmap": "relearn-ai", "events": []}',
    "bom": b'\xef\xbb\xbf{"schema": 1, "roadmap": "relearn-ai", "events": []}',
    "latin-1": b'{"schema": 1, "roadmap": "caf\xe9", "events": []}',
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
    "nul bytes": b"\x00\x00\x00\x00",
    "year 1 ahead of UTC": (
        b'{"schema": 1, "roadmap": "relearn-ai", "events": [{"id": "x", '
        b'"at": "0001-01-01T00:00:00+05:00", "topic": "a", "status": "done"}]}'
    ),
    "year 9999 behind UTC": (
        b'{"schema": 1, "roadmap": "relearn-ai", "events": [{"id": "x", '
        b'"at": "9999-12-31T23:59:59-05:00", "topic": "a", "status": "done"}]}'
    ),
}


@pytest.mark.parametrize("name", list(DAMAGED))
def test_damaged_file_is_refused_naming_the_file_and_what_to_do(
    store: ProgressStore, name: str
) -> None:
    store.data_dir.mkdir(parents=True)
    store.path.write_bytes(DAMAGED[name])
    with pytest.raises(ProgressFileError) as info:
        store.load()
    assert str(store.path) in info.value.message
    assert info.value.hint, "every damaged-file error says what to do"
    assert int(info.value.exit_status) == 1


@pytest.mark.parametrize("name", list(DAMAGED))
def test_write_to_damaged_file_leaves_it_untouched(store: ProgressStore, name: str) -> None:
    store.data_dir.mkdir(parents=True)
    store.path.write_bytes(DAMAGED[name])
    before = os.stat(store.path)
    with pytest.raises(ProgressFileError):
        store.update(add(1))
    assert store.path.read_bytes() == DAMAGED[name]
    assert os.stat(store.path).st_ino == before.st_ino
    assert store.backup_paths() == []
    assert list(store.data_dir.glob("*.tmp")) == []


def test_newer_schema_says_upgrade() -> None:
    with pytest.raises(ProgressFileError) as info:
        parse_progress(DAMAGED["newer schema"], Path("p.json"))
    assert "newer" in info.value.message
    assert "upgrade" in (info.value.hint or "")


def test_bom_is_named() -> None:
    with pytest.raises(ProgressFileError) as info:
        parse_progress(DAMAGED["bom"], Path("p.json"))
    assert "byte-order mark" in info.value.message


def test_truncated_json_gives_line_and_column() -> None:
    with pytest.raises(ProgressFileError) as info:
        parse_progress(DAMAGED["truncated"], Path("p.json"))
    assert "not valid JSON (line 1, column" in info.value.message


def test_folder_where_the_file_should_be(store: ProgressStore) -> None:
    store.path.mkdir(parents=True)
    with pytest.raises(ProgressFileError) as info:
        store.load()
    assert "is a folder" in info.value.message
    with pytest.raises(ProgressFileError):
        store.update(add(1))
    assert store.path.is_dir()
    assert list(store.path.iterdir()) == []


def test_data_dir_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "data"
    target.write_text("not a folder")
    store = ProgressStore(target, "relearn-ai")
    for action in (store.load, lambda: store.update(add(1))):
        with pytest.raises(ProgressFileError) as info:
            action()
        assert info.value.message.startswith(f"{target}: ")
        assert "not a folder" in info.value.message
        assert "--data-dir" in (info.value.hint or "")
    assert target.read_text() == "not a folder"


def test_other_read_errors_say_what_to_do(
    store: ProgressStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.update(add(1))

    def failing(self: Path) -> bytes:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Path, "read_bytes", failing)
    with pytest.raises(ProgressFileError) as info:
        ProgressStore(store.data_dir, store.roadmap_id).load()
    assert info.value.message == f"{store.path}: cannot read the progress file (Input/output error)"
    assert "roadmap progress restore" in (info.value.hint or "")


def test_absent_file_is_empty_progress(store: ProgressStore) -> None:
    progress = store.load()
    assert progress.events == []
    assert progress.roadmap == "relearn-ai"
    assert not store.data_dir.exists(), "reading creates nothing"


def test_save_then_load_round_trips(store: ProgressStore) -> None:
    for n in (3, 1, 2):
        store.update(add(n, f"t{n}"))
    loaded = store.load()
    assert [e.id for e in loaded.events] == [status_event(n).id for n in (1, 2, 3)]
    raw = json.loads(store.path.read_text(encoding="utf-8"))
    assert raw["schema"] == PROGRESS_SCHEMA
    assert raw["roadmap"] == "relearn-ai"
    assert raw["events"][0] == {
        "id": status_event(1).id,
        "at": "2026-11-01T12:01:00Z",
        "topic": "t1",
        "status": "done",
    }


def test_change_that_adds_nothing_writes_nothing(store: ProgressStore) -> None:
    store.update(add(1))
    mtime = store.path.stat().st_mtime_ns
    assert store.update(lambda progress: 42) == 42
    assert store.path.stat().st_mtime_ns == mtime
    assert len(store.backup_paths()) == 0


def test_change_that_raises_writes_nothing(store: ProgressStore) -> None:
    store.update(add(1))
    text = store.path.read_text()

    def boom(progress: Progress) -> None:
        progress.add(status_event(2))
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        store.update(boom)
    assert store.path.read_text() == text


def test_backups_rotate_keeping_the_last_versions(store: ProgressStore) -> None:
    for n in range(1, BACKUP_COUNT + 4):
        store.update(add(n, f"t{n}"))
    backups = store.backup_paths()
    assert [p.name for p in backups] == [f"relearn-ai.json.{k}" for k in range(1, 6)]
    # backup k holds the file as it was k writes ago
    total = BACKUP_COUNT + 3
    for k, path in enumerate(backups, 1):
        assert len(parse_progress(path.read_bytes(), path).events) == total - k
    assert len(store.load().events) == total


def test_backup_is_independent_of_the_live_file(store: ProgressStore) -> None:
    store.update(add(1))
    store.update(add(2))
    newest = store.backup_paths()[0]
    store.update(add(3))
    # the file that was backup 1 is now backup 2 and still holds one event
    assert len(parse_progress(store.backup_paths()[1].read_bytes(), newest).events) == 1


def test_newest_readable_backup_skips_damaged_ones(store: ProgressStore) -> None:
    for n in range(1, 4):
        store.update(add(n, f"t{n}"))
    backups = store.backup_paths()
    backups[0].write_bytes(b"{broken")
    found = store.newest_readable_backup()
    assert found is not None
    path, progress = found
    assert path == backups[1]
    assert len(progress.events) == 1


def test_leftover_temporary_and_lock_do_not_block_and_tmp_is_removed(
    store: ProgressStore,
) -> None:
    store.update(add(1))
    # what a writer killed between mkstemp and os.replace leaves behind
    fd, name = tempfile.mkstemp(dir=store.data_dir, prefix=".relearn-ai.json.", suffix=".tmp")
    os.write(fd, b'{"schema": 1, "roadm')
    os.close(fd)
    leftover = Path(name)
    assert store.lock_path.exists()
    assert len(store.load().events) == 1, "a reader ignores the temporary file"
    store.update(add(2))
    assert not leftover.exists()
    assert len(store.load().events) == 2
    assert list(store.data_dir.glob("*.tmp")) == []


def test_a_lock_file_with_content_does_not_block(store: ProgressStore) -> None:
    store.data_dir.mkdir(parents=True)
    store.lock_path.write_text("12345\n")  # a dead process's pid, say
    store.update(add(1))
    assert len(store.load().events) == 1


def test_unrelated_files_in_the_data_dir_are_left_alone(store: ProgressStore) -> None:
    store.data_dir.mkdir(parents=True)
    other = store.data_dir / ".other.json.abc.tmp"
    other.write_text("x")
    store.update(add(1))
    assert other.exists()


def test_set_aside_damaged_keeps_the_file(store: ProgressStore) -> None:
    store.data_dir.mkdir(parents=True)
    store.path.write_bytes(b"{broken")
    moved = store.set_aside_damaged()
    assert moved is not None
    assert moved.read_bytes() == b"{broken"
    assert not store.path.exists()


def _deny(*args: object, **kwargs: object) -> None:
    raise PermissionError(13, "Permission denied")


def test_no_permission_to_read(store: ProgressStore, monkeypatch: pytest.MonkeyPatch) -> None:
    store.update(add(1))
    text = store.path.read_bytes()
    monkeypatch.setattr(Path, "read_bytes", _deny)
    other = ProgressStore(store.data_dir, store.roadmap_id)  # another command's store
    with pytest.raises(ProgressFileError) as info:
        other.load()
    assert str(store.path) in info.value.message
    assert "permission" in info.value.message
    assert info.value.hint
    with pytest.raises(ProgressFileError):
        ProgressStore(store.data_dir, store.roadmap_id).update(add(2))
    monkeypatch.undo()
    assert store.path.read_bytes() == text


def test_no_permission_to_take_the_lock(
    store: ProgressStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.update(add(1))
    real_open = os.open

    def guarded(path: object, *args: object, **kwargs: object) -> int:
        if str(path).endswith(".lock"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", guarded)
    with pytest.raises(ProgressFileError) as info:
        store.update(add(2))
    assert info.value.hint
    monkeypatch.undo()
    assert len(store.load().events) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes files whatever their mode")
def test_real_chmod_unreadable_file(store: ProgressStore) -> None:
    store.update(add(1))
    store.path.chmod(0)
    try:
        with pytest.raises(ProgressFileError):
            store.load()
    finally:
        store.path.chmod(0o600)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_real_chmod_read_only_folder(store: ProgressStore) -> None:
    store.update(add(1))
    store.data_dir.chmod(0o500)
    try:
        with pytest.raises(ProgressFileError):
            store.update(add(2))
    finally:
        store.data_dir.chmod(0o700)
    assert len(store.load().events) == 1


@pytest.mark.parametrize(
    ("patches", "message"),
    [
        ([(store_module, "make_temp")], "cannot write the progress file (Permission denied)"),
        ([(os, "replace")], "cannot write the progress file (Permission denied)"),
        ([(os, "link"), (shutil, "copy2")], "cannot keep a backup (Permission denied)"),
    ],
    ids=["mkstemp", "replace", "backup"],
)
def test_a_failed_write_step_changes_nothing(
    store: ProgressStore,
    monkeypatch: pytest.MonkeyPatch,
    patches: list[tuple[object, str]],
    message: str,
) -> None:
    store.update(add(1))
    text = store.path.read_bytes()
    for module, name in patches:
        monkeypatch.setattr(module, name, _deny)
    with pytest.raises(ProgressFileError) as info:
        store.update(add(2))
    assert message in info.value.message
    assert "writable" in (info.value.hint or "")
    monkeypatch.undo()
    assert store.path.read_bytes() == text
    assert list(store.data_dir.glob("*.tmp")) == []
    assert len(ProgressStore(store.data_dir, store.roadmap_id).load().events) == 1


@pytest.mark.parametrize("bad", ["../x", "..", "a/b", "/abs", "", "A", "x" * 81])
def test_store_refuses_an_id_that_is_not_a_plain_name(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ProgressFileError) as info:
        ProgressStore(tmp_path / "data", bad)
    assert "cannot name a progress file" in info.value.message
    assert list(tmp_path.iterdir()) == []


def test_a_symlinked_progress_file_stays_a_symlink(tmp_path: Path) -> None:
    """Keeping the file in a synced folder through a symlink must survive a write."""
    from roadmap_cli.progress.events import Event, new_event_id
    from roadmap_cli.progress.store import ProgressStore

    synced = tmp_path / "synced"
    synced.mkdir()
    real = synced / "relearn-ai.json"
    data = tmp_path / "symlinked-data"
    data.mkdir()
    (data / "relearn-ai.json").symlink_to(real)
    store = ProgressStore(data, "relearn-ai")

    def mark(topic: str) -> None:
        from roadmap_cli.support.clock import now_utc

        store.update(
            lambda p: p.add(Event(id=new_event_id(), at=now_utc(), topic=topic, status="done"))
        )

    mark("attention")
    mark("ddpm")
    assert (data / "relearn-ai.json").is_symlink()
    assert [e.topic for e in ProgressStore(data, "relearn-ai").load().events] == [
        "attention",
        "ddpm",
    ]
    assert "ddpm" in real.read_text()
    assert not list(synced.glob("*.tmp"))
    backup = data / "backups" / "relearn-ai.json.1"  # a real copy of the earlier version
    assert not backup.is_symlink()
    assert "attention" in backup.read_text() and "ddpm" not in backup.read_text()
