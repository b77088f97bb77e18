"""roadmap next: the first topic with its links, started topics first, prerequisites, and
next moving on after done."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.mark.cold_cache
def test_next_names_first_topic_of_foundations_with_links(roadmap) -> None:
    run = roadmap("next")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    assert "(dl-theory)" in run.stdout
    assert "https://www.youtube.com/playlist?list=PLJV_el3uVTsPM2mM-OQzJXziCGJa8nJL8" in run.stdout
    assert "Stage: Foundations" in run.stdout


@pytest.mark.cold_cache
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


def test_next_puts_started_topics_first(roadmap) -> None:
    roadmap("start", "ddpm")
    run = roadmap("next", "-n", "2", "--json")
    assert run.exit_code == 0
    items = run.json()["next"]
    assert [(i["id"], i["reason"]) for i in items] == [
        ("ddpm", "in_progress"),
        ("dl-theory", "ready"),
        ("dl-code", "ready"),
    ]
    text = roadmap("next")
    assert text.stdout.startswith("Continue: ")


def test_next_respects_prerequisites(roadmap) -> None:
    ids = [t["id"] for s in roadmap("list", "--json").json()["stages"] for t in s["topics"]]
    # skip everything except ddim and ddpm: ddim requires ddpm, so ddpm comes first
    rest = [i for i in ids if i not in ("ddpm", "ddim")]
    assert roadmap("skip", *rest).exit_code == 0
    doc = roadmap("next", "-n", "5", "--json").json()
    assert [i["id"] for i in doc["next"]] == ["ddpm"]
    assert doc["blocked"] == [
        {
            **{k: doc["blocked"][0][k] for k in ("title", "title_en")},
            "id": "ddim",
            "waiting_for": ["ddpm"],
        }
    ]
    roadmap("done", "ddpm")
    assert [i["id"] for i in roadmap("next", "--json").json()["next"]] == ["ddim"]
    roadmap("done", "ddim")
    final = roadmap("next")
    assert final.exit_code == 0
    assert "Every topic is done or skipped" in final.stdout
    assert roadmap("report", "--json").json()["progress"]["all"]["percent"] == 100.0
