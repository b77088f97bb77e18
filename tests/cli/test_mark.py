"""roadmap start/done/skip/reset: marks, --date and --note, unknown or ambiguous topics change
nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def test_ambiguous_topic_lists_candidates(roadmap) -> None:
    run = roadmap("done", "ll")
    assert run.exit_code == 2
    assert "is ambiguous" in run.stderr
    assert "llm-survey" in run.stderr and "llama-source" in run.stderr


def test_start_done_skip_reset_cycle(roadmap, progress_file: Path) -> None:
    assert "to do → in progress" in roadmap("start", "attention").stdout
    assert "in progress → done" in roadmap("done", "attention").stdout
    again = roadmap("done", "attention")
    assert again.exit_code == 0
    assert "(already done)" in again.stdout
    assert "done → to do" in roadmap("reset", "attention").stdout
    statuses = [e["status"] for e in json.loads(progress_file.read_text())["events"]]
    assert statuses == ["in_progress", "done", "todo"]  # 'already done' recorded nothing


def test_done_with_date_and_note(roadmap, progress_file: Path) -> None:
    run = roadmap("done", "ddpm", "--date", "2026-01-15", "--note", "derived the ELBO")
    assert run.exit_code == 0, run.stderr
    assert "on 2026-01-15" in run.stdout
    events = json.loads(progress_file.read_text())["events"]
    assert events[0]["at"] == "2026-01-15T12:00:00Z"
    assert events[0]["status"] == "done"
    assert any(e.get("note") == "derived the ELBO" for e in events)
    show = roadmap("show", "ddpm")
    assert "derived the ELBO" in show.stdout
    assert "since 2026-01-15" in show.stdout


@pytest.mark.parametrize("bad", ["2026-13-01", "someday", "2999-01-01"])
def test_bad_date_is_usage_error_and_changes_nothing(
    roadmap, progress_file: Path, bad: str
) -> None:
    run = roadmap("done", "ddpm", "--date", bad)
    assert run.exit_code == 2
    assert "--date" in run.stderr
    assert run.stdout == ""
    assert not progress_file.exists()


def test_one_bad_topic_changes_nothing(roadmap, progress_file: Path) -> None:
    run = roadmap("done", "ddpm", "no-such-topic")
    assert run.exit_code == 2
    assert not progress_file.exists()


def test_nonsense_topic_still_gets_the_nearest_ids(roadmap, progress_file: Path) -> None:
    run = roadmap("done", "nonsense")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "unknown topic 'nonsense'" in run.stderr
    assert "nearest topic ids are" in run.stderr
    assert "roadmap list" in run.stderr
    assert not progress_file.exists()


def test_a_stage_id_given_as_topic_says_it_is_a_stage(roadmap, progress_file: Path) -> None:
    run = roadmap("done", "foundations")
    assert run.exit_code == 2
    assert "'foundations' is a stage, not a topic" in run.stderr
    assert "roadmap list foundations" in run.stderr
    assert run.stdout == ""
    assert not progress_file.exists()


# an empty --date is not "now"; --since reads the same words as --date


@pytest.mark.parametrize("value", ["", "  "])
def test_empty_date_is_a_usage_error(roadmap, progress_file, value: str) -> None:
    run = roadmap("done", "attention", "--date", value)
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "--date: the date is empty" in run.stderr
    assert "yesterday" in run.stderr
    assert not progress_file.exists()


def test_unknown_topic_exits_2_with_suggestion(roadmap, progress_file: Path) -> None:
    run = roadmap("done", "flash-atention")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "unknown topic 'flash-atention'" in run.stderr
    assert "did you mean flash-attention" in run.stderr
    assert "Traceback" not in run.stderr
    assert not progress_file.exists()
