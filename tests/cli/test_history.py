"""``roadmap history``: events newest first, in local time, with --since and --limit."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

NOW = datetime(2026, 11, 30, 4, 0, tzinfo=UTC)  # 12:00 in Shanghai


@pytest.fixture
def recorded(roadmap, monkeypatch: pytest.MonkeyPatch):
    """In Asia/Shanghai: dl-theory done late on the 1st (local), attention started and a
    note on it, dl-code done and then undone."""
    import roadmap_cli.support.clock

    monkeypatch.setattr(roadmap_cli.support.clock, "now_utc", lambda: NOW)
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    for args in (
        ("done", "dl-theory", "--date", "2026-11-01T23:30"),  # 15:30 UTC on the 1st
        ("start", "attention", "--date", "2026-11-02T00:15"),  # 16:15 UTC on the 1st
        ("note", "attention", "scaled dot-product [b]attention[/b]"),
        ("done", "dl-code", "--date", "2026-11-29"),
        ("undo",),
    ):
        run = roadmap(*args)
        assert run.exit_code == 0, (args, run.stderr)
    return roadmap


def test_history_lists_events_newest_first_in_local_time(recorded) -> None:
    run = recorded("history")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    lines = run.stdout.splitlines()
    assert lines[0].startswith("2026-11-30 12:00  —")
    assert "undo of dl-code done" in lines[0]
    assert lines[1].startswith("2026-11-30 12:00  attention")
    assert "note: scaled dot-product [b]attention[/b]" in lines[1]  # printed literally
    assert lines[2].startswith("2026-11-29 12:00  dl-code")
    assert "done" in lines[2] and "(undone)" in lines[2]
    assert lines[3].startswith("2026-11-02 00:15  attention")
    assert "started" in lines[3] and "Self-attention" in lines[3]
    assert lines[4].startswith("2026-11-01 23:30  dl-theory")
    assert "(undone)" not in lines[4]
    assert lines[5] == "5 events; times in Asia/Shanghai"


def test_since_is_a_local_date(recorded) -> None:
    run = recorded("history", "--since", "2026-11-02")
    assert run.exit_code == 0, run.stderr
    # the start of attention is 16:15 UTC on the 1st, but the 2nd in Shanghai
    assert [line.split()[2] for line in run.stdout.splitlines()[:-1]] == [
        "—",
        "attention",
        "dl-code",
        "attention",
    ]
    assert "dl-theory" not in run.stdout


def test_limit_and_footer(recorded) -> None:
    run = recorded("history", "--limit", "2")
    assert run.exit_code == 0
    lines = run.stdout.splitlines()
    assert len(lines) == 3
    assert lines[-1] == "2 of 5 events; times in Asia/Shanghai"


def test_history_json(recorded, progress_file: Path) -> None:
    run = recorded("history", "--json")
    assert run.exit_code == 0
    doc = run.json()
    assert doc["time_zone"] == "Asia/Shanghai"
    assert doc["total"] == 5
    kinds = [(e["kind"], e["topic"], e["undone"]) for e in doc["events"]]
    assert kinds == [
        ("undo", None, False),
        ("note", "attention", False),
        ("status", "dl-code", True),
        ("status", "attention", False),
        ("status", "dl-theory", False),
    ]
    stored = {e["id"]: e for e in json.loads(progress_file.read_text())["events"]}
    undo = doc["events"][0]
    assert undo["undo"] == [
        {"id": stored[undo["id"]]["undo"][0], "topic": "dl-code", "status": "done", "note": None}
    ]
    assert doc["events"][4]["at"] == "2026-11-01T15:30:00Z"
    assert doc["events"][3]["title_en"] == "Self-attention"


def test_empty_history(roadmap) -> None:
    run = roadmap("history")
    assert run.exit_code == 0
    assert run.stdout == "No events.\n"
    since = roadmap("history", "--since", "2030-01-01")
    assert since.stdout == "No events since 2030-01-01.\n"
    assert roadmap("history", "--json").json() == {
        "time_zone": "UTC",
        "since": None,
        "total": 0,
        "events": [],
    }


@pytest.mark.parametrize("value", ["2026-13-01", "the day before", "2026/11/01", "2026-11-1"])
def test_bad_since_exits_2(roadmap, value: str) -> None:
    run = roadmap("history", "--since", value)
    assert run.exit_code == 2
    assert run.stdout == ""
    assert f"--since: cannot read {value!r} as a date" in run.stderr
    assert "YYYY-MM-DD" in run.stderr


def test_bad_limit_exits_2(roadmap) -> None:
    run = roadmap("history", "--limit", "0")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "--limit" in run.stderr


def test_history_titles_follow_lang_and_orphans_are_marked(roadmap, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "relearn-ai.json").write_text(
        json.dumps(
            {
                "schema": 1,
                "roadmap": "relearn-ai",
                "events": [
                    {"id": "1", "at": "2026-11-01T01:00:00Z", "topic": "gone", "status": "done"},
                    {
                        "id": "2",
                        "at": "2026-11-02T01:00:00Z",
                        "topic": "attention",
                        "status": "done",
                    },
                ],
            }
        )
    )
    run = roadmap("--lang", "zh", "history")
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("2026-11-02 01:00  attention") and "注意力机制" in lines[0]
    assert lines[1].startswith("2026-11-01 01:00  gone") and "已不在路线图中" in lines[1]
    assert roadmap("history", "--json").json()["events"][1]["orphan"] is True


def test_long_notes_fold_under_their_column(recorded, monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", "60")
    note = "注意力机制的缩放因子来自方差分析 and the softmax saturates without it " * 2
    assert recorded("note", "attention", note).exit_code == 0
    lines = recorded("history", "-n", "1").stdout.splitlines()[:-1]
    assert len(lines) > 2
    assert all(cell_len(line) <= 60 for line in lines)
    assert lines[0].startswith("2026-11-30 12:00  attention  note: ")
    indent = len("2026-11-30 12:00  attention  ")
    assert all(line.startswith(" " * indent) and line[indent] != " " for line in lines[1:])
    joined = "".join(line.strip() for line in lines)
    assert "来自方差分析" in joined and "Self-attention" in joined


def test_history_in_colour_has_the_same_text(recorded, monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    plain = recorded("history").stdout
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = recorded("history").stdout
    assert "\x1b[" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_history_since_reads_today_and_yesterday(roadmap) -> None:
    assert roadmap("done", "attention", "--date", "yesterday").exit_code == 0
    assert roadmap("start", "ddpm").exit_code == 0
    today = roadmap("history", "--since", "today", "--json")
    assert today.exit_code == 0, today.stderr
    assert [e["topic"] for e in today.json()["events"]] == ["ddpm"]
    yesterday = roadmap("history", "--since", "Yesterday", "--json")
    assert yesterday.exit_code == 0, yesterday.stderr
    assert [e["topic"] for e in yesterday.json()["events"]] == ["ddpm", "attention"]
    assert today.json()["since"] > yesterday.json()["since"]


@pytest.mark.parametrize("value", ["", "last week", "2026-13-01"])
def test_history_since_refuses_what_it_cannot_read(roadmap, value: str) -> None:
    run = roadmap("history", "--since", value)
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr.startswith("roadmap: error: --since:")
    assert "yesterday" in run.stderr


# history's footer counts in the singular too


def test_history_footer_says_one_event(roadmap) -> None:
    assert roadmap("done", "attention").exit_code == 0
    run = roadmap("history")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    assert "1 event; times in UTC" in run.stdout
    assert "1 events" not in run.stdout
    assert roadmap("done", "ddpm").exit_code == 0
    assert "2 events; times in UTC" in roadmap("history").stdout
