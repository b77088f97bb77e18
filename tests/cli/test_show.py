"""roadmap show TOPIC|STAGE: resources, prerequisites, titles in either language, --json."""

from __future__ import annotations

from pathlib import Path

from tests import builders


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


def test_show_prefers_a_topic_whose_id_is_also_a_stage_id(roadmap, tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    builders.make_roadmap(
        [
            builders.stage(
                "planning",
                [
                    builders.topic("planning", "Planning topic"),
                    builders.topic("planning-2", "More planning"),
                ],
                "Planning stage",
            )
        ],
        id="own",
        title="Own",
        language=None,
        path=own,
    )
    topic = roadmap("--roadmap", str(own), "show", "planning", "--json")
    assert topic.exit_code == 0, topic.stderr
    assert topic.json()["topic"]["id"] == "planning"
    stage = roadmap("--roadmap", str(own), "show", "Planning stage", "--json")
    assert stage.json()["stage"]["id"] == "planning"
