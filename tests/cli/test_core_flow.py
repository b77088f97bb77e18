"""The learner's first minutes: next, done, next moves on, report, errors."""

from __future__ import annotations

import json
from pathlib import Path


def test_next_names_first_topic_of_foundations_with_links(roadmap) -> None:
    run = roadmap("next")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    assert "(dl-theory)" in run.stdout
    assert "https://www.youtube.com/playlist?list=PLJV_el3uVTsPM2mM-OQzJXziCGJa8nJL8" in run.stdout
    assert "Stage: Foundations" in run.stdout


def test_done_then_next_moves_on_and_report_counts(roadmap, progress_file: Path) -> None:
    done = roadmap("done", "dl-theory")
    assert done.exit_code == 0, done.stderr
    assert "[x] dl-theory" in done.stdout
    nxt = roadmap("next")
    assert nxt.exit_code == 0
    assert "(dl-theory)" not in nxt.stdout
    assert "(dl-code)" in nxt.stdout
    total = roadmap("report", "--json").json()["progress"]["all"]["total"]
    report = roadmap("report")
    assert report.exit_code == 0
    assert f"1/{total}" in report.stdout
    events = json.loads(progress_file.read_text())["events"]
    assert [(e["topic"], e["status"]) for e in events] == [("dl-theory", "done")]


def test_unknown_topic_exits_2_with_suggestion(roadmap, progress_file: Path) -> None:
    run = roadmap("done", "flash-atention")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "unknown topic 'flash-atention'" in run.stderr
    assert "did you mean flash-attention" in run.stderr
    assert "Traceback" not in run.stderr
    assert not progress_file.exists()
