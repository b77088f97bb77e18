"""roadmap list: stages, topics and marks, one stage, --status, --json."""

from __future__ import annotations

import pytest


def test_list_shows_stages_topics_and_marks(roadmap) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    run = roadmap("list")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    assert "Foundations" in run.stdout and "Diffusion models" in run.stdout
    assert "[x] dl-theory" in run.stdout
    assert "[ ] dl-code" in run.stdout
    assert "zero-to-hero" in run.stdout and "(optional)" in run.stdout


def test_list_one_stage_with_status_filter(roadmap) -> None:
    roadmap("start", "ddpm")
    run = roadmap("list", "diffusion", "--status", "in_progress")
    assert run.exit_code == 0
    assert "[>] ddpm" in run.stdout
    assert "ddim" not in run.stdout
    assert "Foundations" not in run.stdout


@pytest.mark.cold_cache
def test_list_json_document(roadmap) -> None:
    roadmap("skip", "seaborn")
    run = roadmap("list", "--json")
    assert run.exit_code == 0
    doc = run.json()
    assert doc["roadmap"]["id"] == "relearn-ai"
    foundations = doc["stages"][0]
    assert foundations["id"] == "foundations"
    seaborn = next(t for t in foundations["topics"] if t["id"] == "seaborn")
    assert seaborn == {
        "id": "seaborn",
        "title": seaborn["title"],
        "title_en": seaborn["title_en"],
        "status": "skipped",
        "optional": False,
        "done_elsewhere": [],
    }
    assert foundations["progress"]["skipped"] == 1


def test_list_unknown_stage_exits_2(roadmap) -> None:
    run = roadmap("list", "difusion")
    assert run.exit_code == 2
    assert "unknown stage 'difusion'" in run.stderr
    assert "did you mean diffusion" in run.stderr
    assert run.stdout == ""


def test_list_bad_status_is_usage_error(roadmap) -> None:
    run = roadmap("list", "--status", "finished")
    assert run.exit_code == 2
    assert "--status" in run.stderr
    assert run.stdout == ""
