"""Conflict copies of sync services: found by name, judged by content, merged once."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from roadmap_cli.progress.conflicts import (
    absorb_conflict_copies,
    check_copy,
    find_conflict_copies,
    unmerged_copies,
)
from roadmap_cli.progress.events import Event
from roadmap_cli.progress.log import Progress
from roadmap_cli.progress.store import ProgressStore

#: One fixture per naming style: (file name, service).
STYLES = [
    ("relearn-ai.sync-conflict-20261130-123456-ABCD123.json", "Syncthing"),
    ("relearn-ai (Jane Doe's conflicted copy 2026-11-30).json", "Dropbox"),
    ("relearn-ai (Jane Doe's conflicted copy 2026-11-30 (1)).json", "Dropbox"),
    ("relearn-ai (conflicted copy 2026-11-30 123456).json", "Nextcloud"),
    ("relearn-ai_conflict-20261130-123456.json", "Nextcloud"),
    ("relearn-ai-DESKTOP-4F2A9QK.json", "OneDrive"),
    ("relearn-ai-laptop.json", "OneDrive"),
]


def _event(n: int, topic: str = "attention", status: str = "done") -> Event:
    at = datetime(2026, 11, 1, tzinfo=UTC) + timedelta(hours=n)
    return Event(id=f"{int(at.timestamp() * 1000):012x}-0000000{n % 10}", at=at, topic=topic,
                 status=status)  # fmt: skip


def _write(path: Path, roadmap: str, events: list[Event]) -> Path:
    path.write_text(Progress(roadmap=roadmap, events=events).to_json_text(), encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    _write(data / "relearn-ai.json", "relearn-ai", [_event(1), _event(2, "numpy")])
    return data


@pytest.mark.parametrize(("name", "service"), STYLES)
def test_each_naming_style_is_found_and_merged_once(folder: Path, name: str, service: str) -> None:
    _write(folder / name, "relearn-ai", [_event(2, "numpy"), _event(3, "dl-code")])
    found = find_conflict_copies(folder, ["relearn-ai"])
    assert [(c.path.name, c.service, c.base_id) for c in found] == [(name, service, "relearn-ai")]
    said: list[str] = []
    done = absorb_conflict_copies(folder, "relearn-ai", said.append, auto=True)
    assert [a.new_events for a in done] == [1]
    assert len(said) == 1
    assert service in said[0] and name in said[0] and "backups/merged/" in said[0]
    assert not (folder / name).exists()
    assert (folder / "backups" / "merged" / name).is_file()
    events = ProgressStore(folder, "relearn-ai").load().events
    assert [e.topic for e in events] == ["attention", "numpy", "dl-code"]
    before = (folder / "relearn-ai.json").read_bytes()
    assert absorb_conflict_copies(folder, "relearn-ai", said.append, auto=True) == []
    assert (folder / "relearn-ai.json").read_bytes() == before
    assert len(said) == 1


def test_merging_the_same_copy_twice_changes_nothing(folder: Path) -> None:
    name = "relearn-ai.sync-conflict-20261130-123456-ABCD123.json"
    copy = _write(folder / name, "relearn-ai", [_event(3, "dl-code")])
    text = copy.read_text(encoding="utf-8")
    absorb_conflict_copies(folder, "relearn-ai", auto=True)
    after_first = (folder / "relearn-ai.json").read_bytes()
    (folder / name).write_text(text, encoding="utf-8")  # the service brings it back
    done = absorb_conflict_copies(folder, "relearn-ai", auto=True)
    assert [a.new_events for a in done] == [0]
    assert "nothing new" in done[0].message
    assert (folder / "relearn-ai.json").read_bytes() == after_first
    assert (folder / "backups" / "merged" / f"{name}.1").is_file()  # never over the first


def test_another_roadmaps_look_alike_is_never_merged(folder: Path) -> None:
    before = (folder / "relearn-ai.json").read_bytes()
    _write(folder / "relearn-ai-LAPTOP.json", "rust-book", [_event(5, "ownership")])
    _write(folder / "relearn-ai (conflicted copy 2026-11-30 1).json", "rust", [_event(6)])
    assert absorb_conflict_copies(folder, "relearn-ai", auto=True) == []
    assert (folder / "relearn-ai.json").read_bytes() == before
    problems = {c.copy.path.name: c.problem for c in unmerged_copies(folder, "relearn-ai")}
    assert problems == {
        "relearn-ai (conflicted copy 2026-11-30 1).json": "belongs to roadmap 'rust', not "
        "'relearn-ai'",
        "relearn-ai-LAPTOP.json": "belongs to roadmap 'rust-book', not 'relearn-ai'",
    }


def test_another_roadmaps_own_progress_file_is_not_a_copy(folder: Path) -> None:
    _write(folder / "relearn-ai-advanced.json", "relearn-ai-advanced", [_event(5)])
    assert absorb_conflict_copies(folder, "relearn-ai", auto=True) == []
    assert unmerged_copies(folder, "relearn-ai") == []
    assert (folder / "relearn-ai-advanced.json").is_file()


def test_a_copy_of_another_progress_file_in_the_folder_merges_into_that_file(
    folder: Path,
) -> None:
    _write(folder / "rust.json", "rust", [_event(1, "ownership")])
    _write(
        folder / "rust.sync-conflict-20261130-123456-ABCD123.json", "rust", [_event(4, "traits")]
    )
    done = absorb_conflict_copies(folder, "relearn-ai", auto=True)
    assert [a.copy.base_id for a in done] == ["rust"]
    assert [e.topic for e in ProgressStore(folder, "rust").load().events] == [
        "ownership",
        "traits",
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{not json", "not valid JSON"),
        ('{"schema": 99, "roadmap": "relearn-ai", "events": []}', "newer roadmap-cli"),
        ("", "empty"),
    ],
)
def test_a_damaged_copy_is_left_and_reported(folder: Path, text: str, problem: str) -> None:
    copy = folder / "relearn-ai.sync-conflict-20261130-123456-ABCD123.json"
    copy.write_text(text, encoding="utf-8")
    before = (folder / "relearn-ai.json").read_bytes()
    assert absorb_conflict_copies(folder, "relearn-ai", auto=True) == []
    assert copy.read_text(encoding="utf-8") == text
    assert (folder / "relearn-ai.json").read_bytes() == before
    [check] = unmerged_copies(folder, "relearn-ai")
    assert check.problem is not None and problem in check.problem


def test_future_dated_copy_is_not_merged(folder: Path) -> None:
    at = datetime.now(UTC) + timedelta(days=30)
    future = Event(
        id=f"{int(at.timestamp() * 1000):012x}-00000000", at=at, topic="x", status="done"
    )
    copy = _write(folder / "relearn-ai-PC.json", "relearn-ai", [future])
    assert check_copy(find_conflict_copies(folder, ["relearn-ai"])[0]).progress is None
    assert absorb_conflict_copies(folder, "relearn-ai", auto=True) == []
    assert copy.exists()


def test_auto_merge_off_warns_and_changes_nothing(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROADMAP_AUTO_MERGE", "0")
    name = "relearn-ai (conflicted copy 2026-11-30 123456).json"
    _write(folder / name, "relearn-ai", [_event(3, "dl-code")])
    before = (folder / "relearn-ai.json").read_bytes()
    said: list[str] = []
    done = absorb_conflict_copies(folder, "relearn-ai", said.append)
    assert [a.moved_to for a in done] == [None]
    assert said[0].startswith("warning:") and "1 event not in relearn-ai.json" in said[0]
    assert "ROADMAP_AUTO_MERGE=0" in said[0] and "roadmap progress merge" in said[0]
    assert (folder / name).exists()
    assert (folder / "relearn-ai.json").read_bytes() == before
    assert not (folder / "relearn-ai.json.lock").exists()  # no write lock taken


def test_no_copy_means_one_listing_and_no_lock(folder: Path) -> None:
    (folder / "notes.txt").write_text("x", encoding="utf-8")
    (folder / "relearn-ai.json.damaged-20261130T000000Z").write_text("x", encoding="utf-8")
    (folder / ".relearn-ai.json.abc.tmp").write_text("x", encoding="utf-8")
    assert find_conflict_copies(folder, ["relearn-ai"]) == []
    assert absorb_conflict_copies(folder, "relearn-ai", auto=True) == []
    assert not (folder / "relearn-ai.json.lock").exists()
    assert find_conflict_copies(folder / "missing", ["relearn-ai"]) == []


def test_a_copy_found_before_the_progress_file_exists_becomes_it(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    _write(folder / "relearn-ai.sync-conflict-20261130-123456-ABCD123.json", "relearn-ai",
           [_event(1)])  # fmt: skip
    done = absorb_conflict_copies(folder, "relearn-ai", auto=True)
    assert [a.new_events for a in done] == [1]
    assert json.loads((folder / "relearn-ai.json").read_text(encoding="utf-8"))["events"]
