"""'roadmap progress export|merge|restore': two machines, conflict copies, backups."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from tests.builders import flat


def _events(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["events"]


@pytest.fixture
def other(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Run a command as 'the other machine' (its own data folder)."""
    folder = tmp_path / "desktop"

    def switch(on: bool) -> Path:
        if on:
            monkeypatch.setenv("ROADMAP_DATA_DIR", str(folder))
        else:
            monkeypatch.setenv("ROADMAP_DATA_DIR", str(tmp_path / "data"))
        return folder

    return switch


def test_export_writes_a_copy_and_refuses_to_overwrite(roadmap, progress_file, tmp_path) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    copy = tmp_path / "laptop.json"
    run = roadmap("progress", "export", str(copy))
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    assert "1 event of roadmap 'relearn-ai'" in flat(run.stdout)
    assert copy.read_text(encoding="utf-8") == progress_file.read_text(encoding="utf-8")
    again = roadmap("progress", "export", str(copy))
    assert again.exit_code == 1
    assert again.stdout == ""
    assert "already exists" in again.stderr
    assert roadmap("done", "dl-code").exit_code == 0
    forced = roadmap("progress", "export", str(copy), "--force", "--json")
    assert forced.exit_code == 0, forced.stderr
    assert forced.json() == {
        "file": str(copy),
        "roadmap": "relearn-ai",
        "events": 2,
        "replaced": True,
    }
    assert len(_events(copy)) == 2


def test_two_machines_merge_both_ways_and_twice_is_a_no_op(
    roadmap, progress_file, other, tmp_path
) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    laptop = tmp_path / "laptop.json"
    assert roadmap("progress", "export", str(laptop)).exit_code == 0

    desktop_dir = other(True)
    assert roadmap("start", "attention", "--note", "on the desktop").exit_code == 0
    merged = roadmap("progress", "merge", str(laptop), "--json")
    assert merged.exit_code == 0, merged.stderr
    assert merged.json()["new_events"] == 1
    assert merged.json()["topics"] == ["dl-theory"]
    desktop = tmp_path / "desktop.json"
    assert roadmap("progress", "export", str(desktop)).exit_code == 0

    other(False)
    back = roadmap("progress", "merge", str(desktop))
    assert back.exit_code == 0, back.stderr
    assert "Merged" in back.stdout
    assert "2 new events (attention); 3 events in all" in flat(back.stdout)
    ours = sorted(e["id"] for e in _events(progress_file))
    theirs = sorted(e["id"] for e in _events(desktop_dir / "relearn-ai.json"))
    assert ours == theirs
    assert roadmap("show", "attention", "--json").json()["topic"]["status"] == "in_progress"
    assert roadmap("show", "dl-theory", "--json").json()["topic"]["status"] == "done"

    before = progress_file.read_bytes()
    backups = sorted(p.name for p in (progress_file.parent / "backups").iterdir())
    twice = roadmap("progress", "merge", str(desktop))
    assert twice.exit_code == 0
    assert "Nothing new" in twice.stdout
    assert progress_file.read_bytes() == before
    assert sorted(p.name for p in (progress_file.parent / "backups").iterdir()) == backups


def test_conflict_copy_of_a_sync_service_merges_cleanly(roadmap, progress_file) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    conflict = progress_file.with_name("relearn-ai (conflicted copy 2026-11-30).json")
    data = json.loads(progress_file.read_text(encoding="utf-8"))
    # each machine went on independently after the copy was made
    assert roadmap("done", "dl-code").exit_code == 0
    data["events"].append(
        {
            "id": "019ad0000000-0badcafe",
            "at": "2026-11-29T10:00:00Z",
            "topic": "numpy",
            "status": "done",
        }
    )
    conflict.write_text(json.dumps(data), encoding="utf-8")
    run = roadmap("progress", "merge", str(conflict), "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["new_events"] == 1
    events = _events(progress_file)
    assert [e["topic"] for e in events] == ["numpy", "dl-theory", "dl-code"]  # time order
    assert len({e["id"] for e in events}) == 3


def test_merge_refuses_another_roadmaps_progress(roadmap, progress_file, tmp_path) -> None:
    foreign = tmp_path / "rust.json"
    foreign.write_text('{"schema": 1, "roadmap": "rust", "events": []}', encoding="utf-8")
    run = roadmap("progress", "merge", str(foreign))
    assert run.exit_code == 1
    assert run.stdout == ""
    assert "progress of roadmap 'rust', not of 'relearn-ai'" in run.stderr
    assert "--roadmap" in run.stderr
    assert not progress_file.exists()


def test_merge_damaged_or_missing_copy_exits_1_and_changes_nothing(
    roadmap, progress_file, tmp_path
) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    before = progress_file.read_bytes()
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    run = roadmap("progress", "merge", str(broken))
    assert run.exit_code == 1
    assert "not valid JSON" in run.stderr
    assert "export it again" in run.stderr
    missing = roadmap("progress", "merge", str(tmp_path / "nope.json"))
    assert missing.exit_code == 1
    assert "no such file" in missing.stderr
    assert progress_file.read_bytes() == before


def test_restore_brings_back_newest_readable_backup_and_keeps_damaged(
    roadmap, progress_file
) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    assert roadmap("done", "dl-code").exit_code == 0  # backup .1 holds the first version
    progress_file.write_text("{ damaged", encoding="utf-8")
    broken = roadmap("list")
    assert broken.exit_code == 1
    assert "progress restore" in broken.stderr
    run = roadmap("progress", "restore", "--json")
    assert run.exit_code == 0, run.stderr
    doc = run.json()
    assert doc["events"] == 1
    assert doc["restored_from"].endswith("relearn-ai.json.1")
    damaged = Path(doc["damaged_file_moved_to"])
    assert damaged.read_text(encoding="utf-8") == "{ damaged"
    assert [e["topic"] for e in _events(progress_file)] == ["dl-theory"]
    assert roadmap("list").exit_code == 0


def test_restore_over_a_readable_file_keeps_it_outside_the_rotation(roadmap, progress_file) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    assert roadmap("done", "dl-code").exit_code == 0
    current = progress_file.read_bytes()
    run = roadmap("progress", "restore", "--force", "--json")
    assert run.exit_code == 0, run.stderr
    doc = run.json()
    assert doc["restored_from"].endswith("relearn-ai.json.1")
    kept = Path(doc["previous_file_kept_as"])
    assert kept.name.startswith("relearn-ai.json.replaced-")
    assert kept.read_bytes() == current
    assert [e["topic"] for e in _events(progress_file)] == ["dl-theory"]
    # the restored backup left the rotation: a second restore has nothing older to bring
    again = roadmap("progress", "restore", "--force")
    assert again.exit_code == 1
    assert "no readable backup" in again.stderr
    assert [e["topic"] for e in _events(progress_file)] == ["dl-theory"]


def test_restore_without_backup_exits_1(roadmap, progress_file) -> None:
    run = roadmap("progress", "restore")
    assert run.exit_code == 1
    assert run.stdout == ""
    assert "no readable backup" in run.stderr
    assert not progress_file.exists()


def test_own_roadmap_progress_is_exported_by_its_id(roadmap, tmp_path) -> None:
    mine = tmp_path / "mine.toml"
    assert roadmap("init", str(mine)).exit_code == 0
    assert roadmap("--roadmap", str(mine), "done", "python").exit_code == 0
    copy = tmp_path / "mine-copy.json"
    assert roadmap("--roadmap", str(mine), "progress", "export", str(copy)).exit_code == 0
    assert json.loads(copy.read_text(encoding="utf-8"))["roadmap"] == "mine"
    refused = roadmap("progress", "merge", str(copy))
    assert refused.exit_code == 1
    assert "'mine', not of 'relearn-ai'" in refused.stderr


# a copy with events from the future is refused


def test_merge_refuses_events_from_the_future(roadmap, progress_file, tmp_path) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    before = progress_file.read_bytes()
    copy = tmp_path / "laptop.json"
    assert roadmap("progress", "export", str(copy)).exit_code == 0
    data = json.loads(copy.read_text(encoding="utf-8"))
    data["events"].append(
        {"id": "future-1", "at": "2099-11-30T10:00:00Z", "topic": "attention", "status": "done"}
    )
    data["events"].append(
        {"id": "future-2", "at": "2100-01-02T10:00:00Z", "topic": "ddpm", "status": "done"}
    )
    copy.write_text(json.dumps(data), encoding="utf-8")
    run = roadmap("progress", "merge", str(copy))
    assert run.exit_code == 1
    assert run.stdout == ""
    message = flat(run.stderr)
    assert str(copy) in message
    assert "2 events dated in the future (the first on 2099-11-30)" in message
    assert "check that machine's clock" in message
    assert progress_file.read_bytes() == before
    assert roadmap("show", "attention", "--json").json()["topic"]["status"] == "todo"


def test_merge_accepts_events_a_few_hours_ahead(roadmap, progress_file, tmp_path) -> None:
    from roadmap_cli.progress.events import format_time
    from roadmap_cli.support.clock import now_utc

    copy = tmp_path / "laptop.json"
    ahead = format_time(now_utc() + timedelta(hours=20))
    event = {"id": "ahead-1", "at": ahead, "topic": "attention", "status": "done"}
    copy.write_text(
        json.dumps({"schema": 1, "roadmap": "relearn-ai", "events": [event]}), encoding="utf-8"
    )
    run = roadmap("progress", "merge", str(copy))
    assert run.exit_code == 0, run.stderr
    assert "1 new event" in run.stdout


# export - prints the copy on stdout


def test_export_dash_writes_the_document_to_stdout(roadmap, progress_file, tmp_path) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    for extra in ([], ["--json"]):
        run = roadmap("progress", "export", "-", *extra)
        assert run.exit_code == 0, run.stderr
        assert run.stderr == ""
        assert run.stdout == progress_file.read_text(encoding="utf-8")
        assert json.loads(run.stdout)["events"][0]["topic"] == "dl-theory"
    assert not Path("-").exists()
    assert not (tmp_path / "-").exists()


# restore refuses to roll back a readable file unless --force


def test_restore_refuses_a_readable_file_without_force(roadmap, progress_file) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    assert roadmap("done", "dl-code").exit_code == 0
    current = progress_file.read_bytes()
    run = roadmap("progress", "restore")
    assert run.exit_code == 1
    assert run.stdout == ""
    message = flat(run.stderr)
    assert "the progress file is readable" in message
    assert "--force" in message and "keeping it as a backup" in message
    assert progress_file.read_bytes() == current
    forced = roadmap("progress", "restore", "--force")
    assert forced.exit_code == 0, forced.stderr
    assert [e["topic"] for e in json.loads(progress_file.read_text("utf-8"))["events"]] == [
        "dl-theory"
    ]


def test_restore_calls_a_newer_file_newer_not_damaged(roadmap, progress_file) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    assert roadmap("done", "dl-code").exit_code == 0
    newer = {"schema": 99, "roadmap": "relearn-ai", "events": []}
    progress_file.write_text(json.dumps(newer), encoding="utf-8")
    run = roadmap("progress", "restore")
    assert run.exit_code == 1
    assert "written by a newer roadmap-cli" in flat(run.stderr)
    assert "damaged" not in run.stderr
    assert json.loads(progress_file.read_text("utf-8")) == newer
    forced = roadmap("progress", "restore", "--force")
    assert forced.exit_code == 0, forced.stderr
    assert "The unreadable file was kept as" in flat(forced.stdout)
    assert "damaged file" not in forced.stdout
