"""list, show, next, start/done/skip/reset, undo and report through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roadmap_cli import __version__


def test_version(roadmap) -> None:
    run = roadmap("--version")
    assert run.exit_code == 0
    assert run.stdout == f"roadmap {__version__}\n"
    assert run.stderr == ""


def test_no_arguments_shows_help(roadmap) -> None:
    run = roadmap()
    assert run.exit_code == 0
    assert "Usage" in run.stdout
    assert "next" in run.stdout


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


def test_show_topic_with_resources_and_prerequisites(roadmap) -> None:
    run = roadmap("show", "flash-attention")
    assert run.exit_code == 0, run.stderr
    assert "(flash-attention)" in run.stdout
    assert "Requires: [ ] attention" in run.stdout
    assert "https://arxiv.org/abs/2205.14135v2" in run.stdout
    assert "Status: [ ] to do" in run.stdout


def test_show_by_chinese_title_and_json(roadmap) -> None:
    run = roadmap("show", "注意力机制", "--json")
    assert run.exit_code == 0
    topic = run.json()["topic"]
    assert topic["id"] == "attention"
    assert topic["stage"]["id"] == "llm-foundations"
    assert all(r["url"].startswith("https://") for r in topic["resources"])
    assert "flash-attention" in [t["id"] for t in topic["required_by"]]


def test_show_stage(roadmap) -> None:
    run = roadmap("show", "diffusion")
    assert run.exit_code == 0
    assert "(diffusion)" in run.stdout
    assert "[ ] ddpm" in run.stdout


def test_show_unknown_exits_2(roadmap) -> None:
    run = roadmap("show", "nonsense-topic")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "unknown topic 'nonsense-topic'" in run.stderr


def test_ambiguous_topic_lists_candidates(roadmap) -> None:
    run = roadmap("done", "ll")
    assert run.exit_code == 2
    assert "is ambiguous" in run.stderr
    assert "llm-survey" in run.stderr and "llama-source" in run.stderr


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


def test_undo_reverts_the_whole_last_command(roadmap, progress_file: Path) -> None:
    roadmap("done", "numpy")
    roadmap("done", "pandas", "matplotlib")
    run = roadmap("undo")
    assert run.exit_code == 0, run.stderr
    assert "pandas" in run.stdout and "matplotlib" in run.stdout
    statuses = {
        t["id"]: t["status"] for t in roadmap("list", "--json").json()["stages"][0]["topics"]
    }
    assert (statuses["numpy"], statuses["pandas"], statuses["matplotlib"]) == (
        "done",
        "todo",
        "todo",
    )
    assert roadmap("undo").exit_code == 0
    assert roadmap("list", "--json").json()["stages"][0]["progress"]["done"] == 0
    events = json.loads(progress_file.read_text())["events"]
    assert len(events) == 5  # three status events and two undo events: history kept
    nothing = roadmap("undo")
    assert nothing.exit_code == 1
    assert "nothing to undo" in nothing.stderr


def test_report_text_and_json(roadmap) -> None:
    roadmap("done", "dl-theory")
    roadmap("start", "dl-code")
    run = roadmap("report")
    assert run.exit_code == 0, run.stderr
    assert "Foundations" in run.stdout
    assert "dl-code" in run.stdout  # in progress
    assert "dl-theory" in run.stdout  # recently done
    doc = roadmap("report", "--json").json()
    assert doc["progress"]["all"]["done"] == 1
    assert doc["progress"]["all"]["in_progress"] == 1
    assert [t["id"] for t in doc["in_progress"]] == ["dl-code"]
    assert [t["id"] for t in doc["recently_done"]] == ["dl-theory"]


def test_lang_switches_titles(roadmap) -> None:
    zh = roadmap("--lang", "zh", "list", "foundations")
    en = roadmap("--lang", "en", "list", "foundations")
    assert "深度学习理论" in zh.stdout and "基础" in zh.stdout
    assert "Deep learning lectures (Hung-yi Lee)" in en.stdout and "Foundations" in en.stdout
    bad = roadmap("--lang", "fr", "list")
    assert bad.exit_code == 2
    assert "--lang" in bad.stderr


COMMANDS = [
    "next", "list", "show", "start", "done", "skip", "reset", "note", "undo", "report",
    "history", "search", "open", "validate", "init", "import", "doctor", "paths",
    "progress export", "progress merge", "progress restore",
]  # fmt: skip


def test_the_help_lists_every_command(roadmap) -> None:
    run = roadmap("--help")
    assert run.exit_code == 0
    for command in {c.split()[0] for c in COMMANDS}:
        assert f" {command} " in run.stdout, command


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(roadmap, command: str) -> None:
    run = roadmap(*command.split(), "--help")
    assert run.exit_code == 0
    assert run.stderr == ""
    assert "Examples" in run.stdout
    assert f"roadmap {command}" in run.stdout.split("Examples", 1)[1]


def test_nonsense_topic_still_gets_the_nearest_ids(roadmap, progress_file: Path) -> None:
    run = roadmap("done", "nonsense")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "unknown topic 'nonsense'" in run.stderr
    assert "nearest topic ids are" in run.stderr
    assert "roadmap list" in run.stderr
    assert not progress_file.exists()


def test_recently_done_is_newest_first_within_one_second(roadmap) -> None:
    roadmap("done", "dl-theory")
    roadmap("done", "dl-code", "numpy")
    recent = [t["id"] for t in roadmap("report", "--json").json()["recently_done"]]
    assert recent[0] in ("dl-code", "numpy")
    assert recent[-1] == "dl-theory"


def test_an_undone_change_leaves_the_report_as_it_was(roadmap) -> None:
    roadmap("done", "dl-theory", "--date", "2026-11-20")
    roadmap("done", "dl-code")
    before = roadmap("report", "--json").json()
    roadmap("done", "numpy", "--date", "2020-01-01")
    assert roadmap("undo").exit_code == 0
    after = roadmap("report", "--json").json()
    assert after["pace"] == before["pace"]
    assert after["progress"] == before["progress"]
    assert after["activity"]["streak"] == before["activity"]["streak"]


def test_show_prefers_a_topic_whose_id_is_also_a_stage_id(roadmap, tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    own.write_text(
        'schema = 1\nid = "own"\ntitle = "Own"\n'
        '[[stages]]\nid = "planning"\ntitle = "Planning stage"\n'
        '[[stages.topics]]\nid = "planning"\ntitle = "Planning topic"\n'
        '[[stages.topics]]\nid = "planning-2"\ntitle = "More planning"\n',
        encoding="utf-8",
    )
    topic = roadmap("--roadmap", str(own), "show", "planning", "--json")
    assert topic.exit_code == 0, topic.stderr
    assert topic.json()["topic"]["id"] == "planning"
    stage = roadmap("--roadmap", str(own), "show", "Planning stage", "--json")
    assert stage.json()["stage"]["id"] == "planning"


def test_a_stage_id_given_as_topic_says_it_is_a_stage(roadmap, progress_file: Path) -> None:
    run = roadmap("done", "foundations")
    assert run.exit_code == 2
    assert "'foundations' is a stage, not a topic" in run.stderr
    assert "roadmap list foundations" in run.stderr
    assert run.stdout == ""
    assert not progress_file.exists()
