"""A synced data folder: conflict copies merged on sight by any command that reads progress."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SYNCTHING = "relearn-ai.sync-conflict-20261130-123456-ABCD123.json"


def _copy_with(progress_file: Path, name: str, topic: str, roadmap_id: str = "relearn-ai") -> Path:
    """A conflict copy: our file as it was, plus an event the other machine recorded."""
    data = json.loads(progress_file.read_text(encoding="utf-8"))
    data["roadmap"] = roadmap_id
    data["events"].append(
        {
            "id": "019ad0000000-0badcafe",
            "at": "2026-11-29T10:00:00Z",
            "topic": topic,
            "status": "done",
        }
    )
    copy = progress_file.with_name(name)
    copy.write_text(json.dumps(data), encoding="utf-8")
    return copy


def test_next_merges_a_copy_says_so_once_and_moves_it(roadmap, progress_file) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    copy = _copy_with(progress_file, SYNCTHING, "dl-code")
    run = roadmap("next", "--json")
    assert run.exit_code == 0, run.stderr
    json.loads(run.stdout)  # stdout holds the document alone
    lines = run.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("roadmap: merged the Syncthing conflict copy")
    assert "(1 new event)" in lines[0] and "backups/merged/" in lines[0]
    assert not copy.exists()
    assert (progress_file.parent / "backups" / "merged" / SYNCTHING).is_file()
    listed = roadmap("list", "--json")
    assert listed.stderr == ""  # nothing left to merge
    topics = {t["id"]: t["status"] for s in listed.json()["stages"] for t in s["topics"]}
    assert topics["dl-code"] == "done" and topics["dl-theory"] == "done"


def test_auto_merge_off_is_a_warning(roadmap, progress_file, monkeypatch) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    copy = _copy_with(progress_file, "relearn-ai (conflicted copy 2026-11-30 101010).json", "numpy")
    before = progress_file.read_bytes()
    monkeypatch.setenv("ROADMAP_AUTO_MERGE", "0")
    run = roadmap("list")
    assert run.exit_code == 0
    assert "warning: the Nextcloud conflict copy" in run.stderr
    assert "ROADMAP_AUTO_MERGE=0" in run.stderr
    assert copy.exists() and progress_file.read_bytes() == before
    doctor = roadmap("doctor", "--json")
    assert doctor.json()["conflict_copies"] == [
        {"file": str(copy), "service": "Nextcloud", "problem": "not merged (ROADMAP_AUTO_MERGE=0)"}
    ]
    monkeypatch.delenv("ROADMAP_AUTO_MERGE")
    assert "merged the Nextcloud" in roadmap("list").stderr
    assert not copy.exists()


@pytest.mark.parametrize(
    "name", ["relearn-ai-LAPTOP.json", "relearn-ai (Jane's conflicted copy 2026-11-30).json"]
)
def test_a_look_alike_of_another_roadmap_is_only_reported_by_doctor(
    roadmap, progress_file, name
) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    copy = _copy_with(progress_file, name, "ownership", roadmap_id="rust")
    before = progress_file.read_bytes()
    run = roadmap("next")
    assert run.exit_code == 0 and run.stderr == ""
    assert copy.exists() and progress_file.read_bytes() == before
    doctor = roadmap("doctor")
    assert doctor.exit_code == 0
    flat = " ".join(doctor.stdout.split())
    assert "conflict copy, belongs to roadmap 'rust', not 'relearn-ai'" in flat
    assert "roadmap progress merge FILE" in flat


def test_a_damaged_copy_is_left_and_reported(roadmap, progress_file) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    copy = progress_file.with_name(SYNCTHING)
    copy.write_text('{"schema": 1, "roadmap": "relearn-ai", "events": [', encoding="utf-8")
    assert roadmap("done", "numpy").stderr == ""
    assert copy.exists()
    doctor = roadmap("doctor", "--json").json()
    [finding] = doctor["conflict_copies"]
    assert finding["service"] == "Syncthing" and "not valid JSON" in finding["problem"]


def test_progress_merge_of_a_copy_in_the_folder_merges_it_there(roadmap, progress_file) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    copy = _copy_with(progress_file, SYNCTHING, "numpy")
    run = roadmap("progress", "merge", str(copy), "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["new_events"] == 1
    assert run.stderr == ""
