"""No ordinary accident loses a mark: damaged progress files stop every command without
touching the file, and marks survive a roadmap that changes under them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests import builders

DAMAGED: dict[str, bytes] = {
    "empty": b"",
    "truncated": b'{"schema": 1, "roadmap": "relearn-ai", "events": [{"id": "a", "at"',
    "wrong shape": b'{"schema": 1, "roadmap": "relearn-ai", "events": [{"topic": 3}]}',
    "a list": b"[]",
    "newer schema": b'{"schema": 7, "roadmap": "relearn-ai", "events": []}',
    "bom": b'\xef\xbb\xbf{"schema": 1, "roadmap": "relearn-ai", "events": []}',
}

COMMANDS: list[tuple[str, ...]] = [
    ("list",),
    ("list", "--json"),
    ("report",),
    ("report", "--json"),
    ("next",),
    ("show", "attention"),
    ("done", "attention"),
    ("start", "attention", "--json"),
    ("reset", "attention"),
    ("skip", "attention"),
    ("note", "attention", "a note"),
    ("undo",),
    ("history",),
]


@pytest.mark.parametrize("damage", list(DAMAGED))
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_damaged_progress_file_stops_command_and_is_left_untouched(
    roadmap, progress_file: Path, damage: str, args: tuple[str, ...]
) -> None:
    progress_file.parent.mkdir(parents=True)
    progress_file.write_bytes(DAMAGED[damage])
    run = roadmap(*args)
    assert run.exit_code == 1
    assert run.stdout == ""
    lines = run.stderr.splitlines()
    assert 2 <= len(lines) <= 3, run.stderr
    assert lines[0].startswith(f"roadmap: error: {progress_file}: ")
    assert lines[-1].startswith("hint: ")
    assert "Traceback" not in run.stderr
    assert progress_file.read_bytes() == DAMAGED[damage]
    backups = progress_file.parent / "backups"
    assert not backups.exists() or not any(backups.iterdir())


@pytest.mark.parametrize("damage", ["truncated", "newer schema"])
def test_progress_group_never_overwrites_a_damaged_file(
    roadmap, progress_file: Path, tmp_path: Path, damage: str
) -> None:
    copy = tmp_path / "copy.json"
    assert roadmap("done", "attention").exit_code == 0
    assert roadmap("progress", "export", str(copy)).exit_code == 0
    progress_file.write_bytes(DAMAGED[damage])
    merge = roadmap("progress", "merge", str(copy))
    assert merge.exit_code == 1
    assert merge.stderr.startswith(f"roadmap: error: {progress_file}: ")
    out = tmp_path / "out.json"
    export = roadmap("progress", "export", str(out))
    assert export.exit_code == 1
    assert not out.exists()
    assert progress_file.read_bytes() == DAMAGED[damage]


@pytest.mark.parametrize("when", ["0001-01-01", "0001-01-01T00:00:00+05:00", "1850-06-01"])
def test_dates_before_1900_are_a_usage_error(roadmap, progress_file: Path, when: str) -> None:
    run = roadmap("done", "attention", "--date", when)
    assert run.exit_code == 2
    assert run.stderr.startswith(f"roadmap: error: --date: {when!r} is before 1900")
    assert not progress_file.exists()


def test_folder_where_the_progress_file_should_be(roadmap, progress_file: Path) -> None:
    progress_file.mkdir(parents=True)
    for args in (("list",), ("done", "attention")):
        run = roadmap(*args)
        assert run.exit_code == 1
        assert run.stdout == ""
        assert f"{progress_file}: is a folder" in run.stderr
        assert "hint: move" in run.stderr
    assert progress_file.is_dir()


def test_newer_schema_message_says_upgrade(roadmap, progress_file: Path) -> None:
    progress_file.parent.mkdir(parents=True)
    progress_file.write_bytes(DAMAGED["newer schema"])
    run = roadmap("done", "attention")
    assert run.exit_code == 1
    assert "newer roadmap-cli (schema 7" in run.stderr
    assert "upgrade" in run.stderr


def _deny(*args: object, **kwargs: object) -> None:
    raise PermissionError(13, "Permission denied")


def _deny_reading_progress(progress_file: Path) -> Callable[[Path], bytes]:
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == progress_file:
            _deny()
        return real(self)

    return read_bytes


@pytest.mark.parametrize(
    ("what", "args", "message", "hint"),
    [
        ("read", ("report",), "no permission to read", "hint: check its owner"),
        (
            "write",
            ("done", "dl-theory"),
            "cannot write the progress file (Permission denied)",
            "hint: check that the data folder is writable",
        ),
    ],
)
def test_no_permission_via_cli(
    roadmap,
    progress_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    what: str,
    args: tuple[str, ...],
    message: str,
    hint: str,
) -> None:
    from roadmap_cli.progress import store as store_module

    assert roadmap("done", "attention").exit_code == 0
    before = progress_file.read_bytes()
    if what == "read":
        monkeypatch.setattr(Path, "read_bytes", _deny_reading_progress(progress_file))
    else:
        monkeypatch.setattr(store_module, "make_temp", _deny)
    run = roadmap(*args)
    assert run.exit_code == 1
    assert run.stdout == ""
    assert f"{progress_file}: {message}" in run.stderr
    assert hint in run.stderr
    monkeypatch.undo()
    assert progress_file.read_bytes() == before


# --- a roadmap that changes under existing progress ------------------------------------


def write_roadmap(path: Path, stages: dict[str, list[tuple[str, list[str]]]]) -> Path:
    """A small English roadmap: stage id → [(topic id, aliases)]."""
    builders.make_roadmap(
        [
            (sid, [builders.topic(tid, aliases=aliases) for tid, aliases in topics])
            for sid, topics in stages.items()
        ],
        id="mine",
        title="Mine",
        path=path,
    )
    return path


def statuses(run_json: dict) -> dict[str, str]:
    return {t["id"]: t["status"] for s in run_json["stages"] for t in s["topics"]}


@pytest.fixture
def evolving(roadmap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A roadmap with marks on a, b, c, then edited: b renamed to b2 (alias b), c removed,
    a moved to stage two, d added."""
    path = tmp_path / "mine.toml"
    monkeypatch.setenv("ROADMAP_FILE", str(path))
    write_roadmap(path, {"one": [("a", []), ("b", []), ("c", [])], "two": [("e", [])]})
    assert roadmap("done", "a", "b").exit_code == 0
    assert roadmap("start", "c", "-m", "half way").exit_code == 0
    write_roadmap(
        path,
        {"one": [("b2", ["b"]), ("d", [])], "two": [("e", []), ("a", [])]},
    )
    return path


def test_marks_follow_renamed_and_moved_topics(roadmap, evolving: Path) -> None:
    run = roadmap("list", "--json")
    assert run.exit_code == 0, run.stderr
    assert statuses(run.json()) == {"b2": "done", "d": "todo", "e": "todo", "a": "done"}
    assert roadmap("show", "b", "--json").json()["topic"]["id"] == "b2"


def test_removed_topic_is_kept_and_reported_as_orphan(
    roadmap, evolving: Path, tmp_path: Path
) -> None:
    report = roadmap("report", "--json")
    assert report.exit_code == 0, report.stderr
    doc = report.json()
    assert doc["orphans"] == [{"id": "c", "status": "in_progress", "events": 2}]
    assert doc["progress"]["all"]["total"] == 4
    assert doc["progress"]["all"]["done"] == 2
    text = roadmap("report")
    assert text.exit_code == 0
    assert "Orphaned marks" in text.stdout
    assert "c: in_progress" in text.stdout
    events = json.loads((tmp_path / "data" / "mine.json").read_text())["events"]
    assert {e["topic"] for e in events} == {"a", "b", "c"}, "nothing was dropped"


def test_all_existing_topics_done_is_100_percent(roadmap, evolving: Path) -> None:
    assert roadmap("done", "d", "e").exit_code == 0
    doc = roadmap("report", "--json").json()
    assert doc["progress"]["all"]["percent"] == 100.0
    assert doc["progress"]["all"]["total"] == 4
    assert roadmap("next", "--json").json()["finished"] is True


def test_removed_topic_returning_gets_its_marks_back(roadmap, evolving: Path) -> None:
    write_roadmap(evolving, {"one": [("b2", ["b"]), ("c", [])], "two": [("a", [])]})
    run = roadmap("list", "--json")
    assert statuses(run.json()) == {"b2": "done", "c": "in_progress", "a": "done"}
    assert roadmap("report", "--json").json()["orphans"] == []


def test_marking_a_renamed_topic_by_its_old_id_records_the_new_id(
    roadmap, evolving: Path, tmp_path: Path
) -> None:
    assert roadmap("reset", "b").exit_code == 0
    events = json.loads((tmp_path / "data" / "mine.json").read_text())["events"]
    assert events[-1]["topic"] == "b2"
    assert statuses(roadmap("list", "--json").json())["b2"] == "todo"


def test_backups_rotate_and_restore_brings_back_the_newest_readable(
    roadmap, progress_file: Path
) -> None:
    topics = ["dl-theory", "dl-code", "attention", "numpy", "pandas", "matplotlib", "pytorch"]
    for topic in topics:
        assert roadmap("done", topic).exit_code == 0, topic
    backups = sorted((progress_file.parent / "backups").iterdir())
    assert [p.name for p in backups] == [f"relearn-ai.json.{n}" for n in range(1, 6)]
    # the newest backup holds the file as it was before the last change
    assert len(json.loads(backups[0].read_text())["events"]) == len(topics) - 1
    damaged = b'{"schema": 1, "roadmap": "relearn-ai", "events": [{"id'
    progress_file.write_bytes(damaged)
    backups[0].write_bytes(b"")  # the newest backup is damaged too
    assert roadmap("done", "hf-transformers").exit_code == 1
    run = roadmap("progress", "restore")
    assert run.exit_code == 0, run.stderr
    events = json.loads(progress_file.read_text())["events"]
    assert [e["topic"] for e in events] == topics[:-2]
    set_aside = list(progress_file.parent.glob("relearn-ai.json.damaged-*"))
    assert [p.read_bytes() for p in set_aside] == [damaged]
    assert roadmap("report", "--json").json()["progress"]["all"]["done"] == len(topics) - 2
