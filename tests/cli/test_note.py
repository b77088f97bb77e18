"""Notes: 'roadmap note TOPIC TEXT', --note on start/done/skip, and notes in 'show'."""

from __future__ import annotations

import json
from pathlib import Path


def _events(progress_file: Path) -> list[dict[str, str]]:
    return json.loads(progress_file.read_text(encoding="utf-8"))["events"]


def test_note_is_recorded_and_listed_by_show_with_its_date(roadmap, progress_file) -> None:
    run = roadmap("note", "attention", "re-derived", "the softmax scaling")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    assert "Note added to Self-attention (attention)" in run.stdout
    assert "re-derived the softmax scaling" in run.stdout
    (event,) = _events(progress_file)
    assert event["topic"] == "attention"
    assert event["note"] == "re-derived the softmax scaling"
    assert "status" not in event
    show = roadmap("show", "attention")
    assert show.exit_code == 0
    notes = show.stdout.split("Notes", 1)[1]
    day = event["at"][:10]
    assert f"{day} " in notes
    assert "re-derived the softmax scaling" in notes
    # a note does not change the status
    assert roadmap("show", "attention", "--json").json()["topic"]["status"] == "todo"


def test_note_json_and_topic_by_chinese_title(roadmap) -> None:
    run = roadmap("note", "注意力机制", "第二遍看懂了", "--json")
    assert run.exit_code == 0, run.stderr
    doc = run.json()
    assert doc["topic"]["id"] == "attention"
    assert doc["note"]["text"] == "第二遍看懂了"
    assert doc["note"]["at"].endswith("Z")
    assert doc["notes"] == 1
    assert roadmap("note", "attention", "again", "--json").json()["notes"] == 2


def test_note_on_start_done_and_skip_appear_in_show(roadmap) -> None:
    assert roadmap("start", "ddpm", "--note", "watching the lecture").exit_code == 0
    assert roadmap("done", "ddpm", "-m", "derived the ELBO").exit_code == 0
    assert roadmap("skip", "cuda", "--note", "no GPU for now").exit_code == 0
    ddpm = roadmap("show", "ddpm", "--json").json()["topic"]
    assert [n["text"] for n in ddpm["notes"]] == ["watching the lecture", "derived the ELBO"]
    assert ddpm["status"] == "done"
    text = roadmap("show", "ddpm").stdout
    assert text.index("watching the lecture") < text.index("derived the ELBO")
    cuda = roadmap("show", "cuda", "--json").json()["topic"]
    assert cuda["status"] == "skipped"
    assert [n["text"] for n in cuda["notes"]] == ["no GPU for now"]


def test_undo_removes_a_note(roadmap) -> None:
    assert roadmap("note", "attention", "oops").exit_code == 0
    undo = roadmap("undo")
    assert undo.exit_code == 0, undo.stderr
    assert "oops" in undo.stdout
    assert roadmap("show", "attention", "--json").json()["topic"]["notes"] == []


def test_empty_note_is_a_usage_error_and_writes_nothing(roadmap, progress_file) -> None:
    run = roadmap("note", "attention", "   ")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "the note is empty" in run.stderr
    assert not progress_file.exists()


def test_note_on_unknown_topic_exits_2(roadmap, progress_file) -> None:
    run = roadmap("note", "atention", "x")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "did you mean attention" in run.stderr
    assert not progress_file.exists()


def test_note_text_prints_literally(roadmap) -> None:
    nasty = "[bold]not markup[/bold] \x1b[31mred\x1b[0m"
    assert roadmap("note", "attention", nasty).exit_code == 0
    show = roadmap("show", "attention")
    assert "[bold]not markup[/bold]" in show.stdout
    assert "\x1b" not in show.stdout
