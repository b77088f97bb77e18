"""``roadmap doctor``: roadmap and progress checked together; exit 1 only for damage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.builders import BROKEN, Table, flat, make_roadmap, stage, topic


def mine_roadmap(b: str, aliases: list[str], *more: Table, **d_fields: Any) -> str:
    """A Chinese roadmap: topic ``b`` (with these aliases), ``d`` (with ``d_fields``), and
    the ``more`` topics after them."""
    topics = [topic(b, "乙", title_en="B", aliases=aliases), topic("d", "丁", **d_fields), *more]
    return make_roadmap(
        [stage("one", topics, "一", title_en="One")], id="mine", title="我的", language="zh"
    )


@pytest.fixture
def mine(roadmap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Marks on b and c; then b is renamed b2 (alias b) and c leaves the roadmap."""
    path = tmp_path / "mine.toml"
    monkeypatch.setenv("ROADMAP_FILE", str(path))
    path.write_text(
        mine_roadmap("b", [], topic("c", "丙")),
        encoding="utf-8",
    )
    assert roadmap("done", "b").exit_code == 0
    assert roadmap("start", "c").exit_code == 0
    assert roadmap("note", "c", "half way").exit_code == 0
    path.write_text(mine_roadmap("b2", ["b"]), encoding="utf-8")
    return tmp_path / "data" / "mine.json"


def test_fresh_install_is_healthy(roadmap, progress_file: Path) -> None:
    run = roadmap("doctor")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    assert "Healthy" in run.stdout
    doc = roadmap("doctor", "--json").json()
    assert doc["healthy"] is True
    assert doc["roadmap"]["errors"] == []
    assert doc["progress"] == {
        "file": str(progress_file),
        "exists": False,
        "readable": True,
        "error": None,
        "hint": None,
        "events": 0,
        "out_of_reach": False,
    }
    assert not progress_file.exists(), "doctor writes nothing"
    assert not (progress_file.parent / "backups").exists()


def test_orphans_and_aliases_are_reported(roadmap, mine: Path) -> None:
    before = mine.read_bytes()
    run = roadmap("doctor", "--json")
    assert run.exit_code == 0, run.stderr
    doc = run.json()
    assert doc["healthy"] is True
    assert doc["orphans"] == [{"id": "c", "status": "in_progress", "events": 2}]
    assert doc["aliased"] == [{"alias": "b", "topic": "b2", "events": 1}]
    assert doc["progress"]["events"] == 3
    assert [b["readable"] for b in doc["backups"]] == [True, True]
    assert doc["roadmap"]["warnings"] == ["stages[0].topics[1].title_en: no English title"]
    text = roadmap("doctor")
    assert text.exit_code == 0
    assert "c: in_progress (2 events)" in text.stdout
    assert "1 mark under former id b count for b2" in text.stdout
    assert "no English title" in text.stdout
    assert mine.read_bytes() == before


def test_damaged_progress_file_exits_1_and_says_what_to_do(roadmap, mine: Path) -> None:
    mine.write_bytes(b'{"schema": 1, "roadmap": "mine", "ev')
    run = roadmap("doctor")
    assert run.exit_code == 1
    assert run.stderr == ""
    assert f"{mine}: the progress file is not valid JSON" in " ".join(run.stdout.split())
    assert "roadmap progress restore" in run.stdout
    assert "Damaged" in run.stdout
    doc = roadmap("doctor", "--json")
    assert doc.exit_code == 1
    assert doc.json()["healthy"] is False
    assert doc.json()["progress"]["readable"] is False
    assert doc.json()["progress"]["hint"]
    assert mine.read_bytes() == b'{"schema": 1, "roadmap": "mine", "ev'


def test_damaged_backup_and_leftover_temporary_are_warnings(roadmap, mine: Path) -> None:
    backups = sorted((mine.parent / "backups").iterdir())
    backups[0].write_text("{")
    leftover = mine.parent / ".mine.json.k3j4.tmp"
    leftover.write_text('{"sch')
    run = roadmap("doctor", "--json")
    assert run.exit_code == 0
    doc = run.json()
    assert [b["readable"] for b in doc["backups"]] == [False, True]
    assert doc["temporary_files"] == [str(leftover)]
    text = roadmap("doctor").stdout
    assert "2 kept, 1 readable; newest readable: mine.json.2" in text
    assert ".mine.json.k3j4.tmp" in text
    assert leftover.exists(), "doctor removes nothing"
    assert roadmap("done", "d").exit_code == 0
    assert not leftover.exists(), "the next change does"


def test_invalid_roadmap_exits_1_with_locations(roadmap, mine: Path, tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text(
        mine_roadmap("b2", ["b"], requires=["zz"]), encoding="utf-8"
    )
    run = roadmap("doctor", "--json")
    assert run.exit_code == 1
    doc = run.json()
    assert doc["healthy"] is False
    assert doc["roadmap"]["errors"] == ["stages[0].topics[1].requires[0]: unknown topic id 'zz'"]
    text = roadmap("doctor")
    assert text.exit_code == 1
    assert "stages[0].topics[1].requires[0]: unknown topic id 'zz'" in text.stdout


def test_missing_roadmap_file(roadmap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROADMAP_FILE", str(tmp_path / "nope.toml"))
    run = roadmap("doctor", "--json")
    assert run.exit_code == 1
    assert run.json()["roadmap"]["errors"] == ["no such roadmap file"]


def test_folder_instead_of_progress_file(roadmap, progress_file: Path) -> None:
    progress_file.mkdir(parents=True)
    run = roadmap("doctor", "--json")
    assert run.exit_code == 1
    assert run.json()["progress"]["error"] == "is a folder, not a progress file"


def test_hostile_orphan_ids_print_safely(roadmap, mine: Path) -> None:
    doc = json.loads(mine.read_text(encoding="utf-8"))
    doc["events"].append(
        {
            "id": "0fffffffffff-00000000",
            "at": "2026-01-01T00:00:00Z",
            "topic": "\x1b]0;pwned\x07[bold]x[/]\u202e",
            "status": "done",
        }
    )
    mine.write_text(json.dumps(doc), encoding="utf-8")
    run = roadmap("doctor")
    assert run.exit_code == 0
    assert "\x1b" not in run.stdout and "\x07" not in run.stdout and "\u202e" not in run.stdout
    assert "]0;pwned[bold]x[/]: done" in run.stdout
    orphans = roadmap("doctor", "--json").json()["orphans"]
    assert {"id": "\x1b]0;pwned\x07[bold]x[/]\u202e", "status": "done", "events": 1} in orphans


def test_doctor_is_listed_in_help(roadmap) -> None:
    run = roadmap("--help")
    assert run.exit_code == 0
    assert "doctor" in run.stdout


# doctor on a roadmap that does not validate (BROKEN: three problems)


def test_doctor_checks_progress_though_the_roadmap_is_broken(roadmap, tmp_path, _isolated):
    path = tmp_path / "b1.toml"
    path.write_text(BROKEN.replace('colour = "red"\n', "").replace('"nope"', '"a"'), "utf-8")
    path.write_text(path.read_text("utf-8").replace('requires = ["a"]\n', ""), "utf-8")
    path.write_text(path.read_text("utf-8").replace("ftp://", "https://"), "utf-8")
    assert roadmap("--roadmap", str(path), "done", "a").exit_code == 0
    path.write_text(BROKEN, encoding="utf-8")
    run = roadmap("--roadmap", str(path), "doctor", "--json")
    assert run.exit_code == 1
    doc = run.json()
    assert len(doc["roadmap"]["errors"]) == 3
    assert doc["roadmap"]["id"] == "b1"
    assert doc["progress"]["file"] == str(_isolated / "b1.json")
    assert doc["progress"]["readable"] is True
    assert doc["progress"]["events"] == 1
    (_isolated / "b1.json").write_text("{oops", encoding="utf-8")
    damaged = roadmap("--roadmap", str(path), "doctor")
    assert damaged.exit_code == 1
    assert "not valid JSON" in flat(damaged.stdout)
    no_id = tmp_path / "b2.toml"
    no_id.write_text(BROKEN.replace('id = "b1"', 'id = "B 1"'), encoding="utf-8")
    unknown = roadmap("--roadmap", str(no_id), "doctor", "--json")
    assert unknown.exit_code == 1
    assert unknown.json()["progress"]["file"] is None


def test_a_data_folder_that_is_a_file_is_reported_as_such(roadmap, _isolated) -> None:
    _isolated.parent.mkdir(parents=True, exist_ok=True)
    _isolated.write_text("not a folder")
    run = roadmap("doctor")
    assert run.exit_code == 1
    assert "is a file, not a folder" in " ".join(run.stdout.split())
    assert "Damaged" not in run.stdout
    doc = roadmap("doctor", "--json").json()
    assert doc["data_folder"]["problem"].startswith("is a file")
    assert doc["healthy"] is False


def test_a_read_only_data_folder_is_reported(roadmap, _isolated, monkeypatch) -> None:
    import os

    assert roadmap("done", "numpy").exit_code == 0
    real = os.access
    monkeypatch.setattr(  # root may write anywhere: the mode is simulated
        "os.access", lambda path, mode: False if str(path) == str(_isolated) else real(path, mode)
    )
    run = roadmap("doctor")
    assert "is read-only: changes cannot be saved" in " ".join(run.stdout.split())
    assert "Damaged" not in run.stdout
    assert run.exit_code == 1


def test_a_progress_file_without_read_permission_is_out_of_reach_not_damaged(
    roadmap, progress_file, monkeypatch
) -> None:
    from pathlib import Path

    assert roadmap("done", "numpy").exit_code == 0
    assert roadmap("done", "pandas").exit_code == 0
    before = progress_file.read_bytes()
    real = Path.read_bytes

    def denied(self: Path) -> bytes:
        if self == progress_file:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    run = roadmap("doctor")
    said = " ".join(run.stdout.split())
    assert "no permission to read" in said
    assert "out of reach" in said and "Damaged" not in said
    restore = roadmap("progress", "restore")
    assert restore.exit_code == 1
    assert "fix its permissions" in restore.stderr
    monkeypatch.setattr(Path, "read_bytes", real)
    assert progress_file.read_bytes() == before
    assert not list(progress_file.parent.glob("*.damaged-*"))
