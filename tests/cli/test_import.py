"""``roadmap import FILE.md``: stdout or a file, never an invalid or clobbered file, and
progress that carries over a re-import."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.builders import flat

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
AGENT = SHARED / "examples" / "markdown-roadmaps" / "agent.zh.md"

PLAN = """# Study plan

## Basics

- Linear algebra
- [3Blue1Brown](https://www.youtube.com/watch?v=fNk_zzaMoSs&utm_source=share) - the
  best start
- Probability

## Models

### Attention

- [Paper](https://arxiv.org/abs/1706.03762)
"""

Roadmap = Callable[..., Any]  # the 'roadmap' fixture: returns a conftest.Run


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "study-plan.md"
    path.write_text(PLAN, "utf-8")
    return path


def test_prints_toml_on_stdout_without_output(roadmap: Roadmap, plan: Path) -> None:
    run = roadmap("import", str(plan))
    assert run.exit_code == 0, run.stderr
    assert run.stderr.startswith("Printed roadmap study-plan with 2 stages")  # the summary
    data = tomllib.loads(run.stdout)
    assert data["id"] == "study-plan"
    assert data["title"] == "Study plan"
    assert [s["id"] for s in data["stages"]] == ["basics", "models"]
    assert run.stdout.startswith("# Study plan: imported from a Markdown learning roadmap")
    assert f"# Command: roadmap import {plan}" in run.stdout
    assert "# ── Stage 2: Models (## Models, line 10)" in run.stdout
    url = data["stages"][0]["topics"][1]["resources"][0]["url"]
    assert url == "https://www.youtube.com/watch?v=fNk_zzaMoSs"


def test_writes_a_file_that_validates_and_works_at_once(
    roadmap: Roadmap, plan: Path, tmp_path: Path
) -> None:
    out = tmp_path / "plan.toml"
    run = roadmap("import", str(plan), "-o", str(out))
    assert run.exit_code == 0, run.stderr
    assert f"Wrote {out}" in run.stdout
    assert "4 topics" in run.stdout
    assert run.stderr == ""
    check = roadmap("validate", str(out))
    assert check.exit_code == 0, check.stdout
    nxt = roadmap("--roadmap", str(out), "next", "--json")
    assert nxt.exit_code == 0, nxt.stderr
    assert "linear-algebra" in nxt.stdout


def test_refuses_to_overwrite_without_force(roadmap: Roadmap, plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.toml"
    out.write_text("keep me", "utf-8")
    run = roadmap("import", str(plan), "-o", str(out))
    assert run.exit_code == 1
    assert run.stdout == ""
    assert "already exists" in run.stderr and "--force" in run.stderr
    assert out.read_text("utf-8") == "keep me"


def test_reimport_keeps_ids_so_progress_carries_over(
    roadmap: Roadmap, plan: Path, tmp_path: Path
) -> None:
    out = tmp_path / "plan.toml"
    assert roadmap("import", str(plan), "-o", str(out)).exit_code == 0
    done = roadmap("--roadmap", str(out), "done", "probability")
    assert done.exit_code == 0, done.stderr
    plan.write_text(PLAN.replace("- Linear algebra\n", "- Calculus\n- Linear algebra\n"), "utf-8")
    run = roadmap("import", str(plan), "-o", str(out), "--force", "--json")
    assert run.exit_code == 0, run.stderr
    doc = run.json()
    assert doc["replaced"] is True
    assert doc["kept_ids"] == 4
    assert doc["counts"] == {"stages": 2, "topics": 5, "resources": 2}
    listing = roadmap("--roadmap", str(out), "list", "--json")
    assert listing.exit_code == 0, listing.stderr
    statuses = {t["id"]: t["status"] for s in listing.json()["stages"] for t in s["topics"]}
    assert statuses["probability"] == "done"
    assert statuses["calculus"] == "todo"


def test_id_option(roadmap: Roadmap, plan: Path) -> None:
    run = roadmap("import", str(plan), "--id", "my-plan")
    assert run.exit_code == 0, run.stderr
    assert tomllib.loads(run.stdout)["id"] == "my-plan"
    bad = roadmap("import", str(plan), "--id", "Not An Id")
    assert bad.exit_code == 2
    assert bad.stdout == ""
    assert "--id" in bad.stderr


def test_source_option_is_checked_and_recorded(roadmap: Roadmap, plan: Path) -> None:
    run = roadmap("import", str(plan), "--source", "https://example.org/plan.md")
    assert run.exit_code == 0, run.stderr
    assert tomllib.loads(run.stdout)["source"] == "https://example.org/plan.md"
    bad = roadmap("import", str(plan), "--source", "file:///etc/passwd")
    assert bad.exit_code == 2
    assert "--source" in bad.stderr


def test_missing_or_unreadable_input(roadmap: Roadmap, tmp_path: Path) -> None:
    missing = roadmap("import", str(tmp_path / "nope.md"))
    assert missing.exit_code == 1
    assert missing.stdout == ""
    assert "nope.md: no such file" in missing.stderr
    binary = tmp_path / "bin.md"
    binary.write_bytes(b"## A\n\xff\xfe\n")
    bad = roadmap("import", str(binary))
    assert bad.exit_code == 1
    assert "not UTF-8" in bad.stderr
    empty = tmp_path / "empty.md"
    empty.write_text("", "utf-8")
    nothing = roadmap("import", str(empty))
    assert nothing.exit_code == 1
    assert "nothing to import" in nothing.stderr


def test_output_cannot_be_the_markdown_file(roadmap: Roadmap, plan: Path) -> None:
    run = roadmap("import", str(plan), "-o", str(plan), "--force")
    assert run.exit_code == 2
    assert "is the Markdown file being imported" in run.stderr
    assert plan.read_text("utf-8") == PLAN


def test_output_in_a_missing_folder(roadmap: Roadmap, plan: Path, tmp_path: Path) -> None:
    run = roadmap("import", str(plan), "-o", str(tmp_path / "no" / "such" / "plan.toml"))
    assert run.exit_code == 1
    assert "cannot write" in run.stderr
    assert "Traceback" not in run.stderr


def test_imports_the_shared_agent_roadmap(roadmap: Roadmap, tmp_path: Path) -> None:
    if not AGENT.is_file():
        pytest.skip(f"{AGENT} is not here (the shared/ folder sits beside the repository)")
    out = tmp_path / "agent.toml"
    run = roadmap("import", str(AGENT), "-o", str(out))
    assert run.exit_code == 0, run.stderr
    assert "warnings" in run.stdout  # no English titles: warned, not refused
    data = tomllib.loads(out.read_text("utf-8"))
    assert data["id"] == "agent"
    assert data["language"] == "zh"
    shown = roadmap("--roadmap", str(out), "show", "dify")
    assert shown.exit_code == 0, shown.stderr
    assert "https://github.com/langgenius/dify" in shown.stdout


# an imported topic never gets the id of a stage

MARKDOWN = """# Agents

## Overview
- Planning
- Memory

## Planning
- [CoT](https://arxiv.org/abs/2201.11903)

## Memory
- [MemGPT](https://arxiv.org/abs/2310.08560)
"""


def _ids(path: Path) -> tuple[list[str], list[str], dict[str, list[str]]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    stages = [s["id"] for s in data["stages"]]
    topics = [t["id"] for s in data["stages"] for t in s.get("topics", [])]
    aliases = {t["id"]: t.get("aliases", []) for s in data["stages"] for t in s["topics"]}
    return stages, topics, aliases


def test_import_gives_no_topic_a_stage_id_and_keeps_its_choice(roadmap, tmp_path) -> None:
    source = tmp_path / "agents.md"
    source.write_text(MARKDOWN, encoding="utf-8")
    out = tmp_path / "agents.toml"
    run = roadmap("import", str(source), "-o", str(out))
    assert run.exit_code == 0, run.stderr
    stages, topics, _ = _ids(out)
    assert stages == ["overview", "planning", "memory"]
    assert topics[:2] == ["planning-overview", "memory-overview"]
    assert not set(stages) & set(topics)
    first = out.read_text(encoding="utf-8").split("\nschema")[1]
    again = roadmap("import", str(source), "-o", str(out), "--force")
    assert again.exit_code == 0, again.stderr
    assert out.read_text(encoding="utf-8").split("\nschema")[1] == first  # stable
    check = roadmap("validate", str(out), "--json")
    assert check.exit_code == 0, check.stdout
    assert not [p for p in check.json()["problems"] if "also the id of a stage" in p["message"]]


def test_reimport_renames_an_old_clashing_topic_id_and_progress_follows(roadmap, tmp_path) -> None:
    source = tmp_path / "agents.md"
    source.write_text(MARKDOWN, encoding="utf-8")
    out = tmp_path / "agents.toml"
    assert roadmap("import", str(source), "-o", str(out)).exit_code == 0
    old = out.read_text(encoding="utf-8").replace('id = "planning-overview"', 'id = "planning"')
    out.write_text(old, encoding="utf-8")  # as an older roadmap-cli wrote it
    warned = roadmap("validate", str(out), "--json")
    assert warned.exit_code == 0  # a warning, not an error
    clash = [p for p in warned.json()["problems"] if "also the id of a stage" in p["message"]]
    assert [(p["severity"], p["location"]) for p in clash] == [
        ("warning", "stages[0].topics[0].id")
    ]
    assert roadmap("--roadmap", str(out), "done", "planning").exit_code == 0
    run = roadmap("import", str(source), "-o", str(out), "--force")
    assert run.exit_code == 0, run.stderr
    _, topics, aliases = _ids(out)
    assert "planning" not in topics
    assert aliases["planning-overview"] == ["planning"]
    shown = roadmap("--roadmap", str(out), "show", "planning-overview", "--json")
    assert shown.exit_code == 0, shown.stderr
    assert shown.json()["topic"]["status"] == "done"


# a Markdown file given as the roadmap


@pytest.mark.parametrize("name", ["agents.md", "Agents.MARKDOWN"])
def test_markdown_roadmap_gets_an_import_hint(roadmap, tmp_path, name: str) -> None:
    path = tmp_path / name
    path.write_text(MARKDOWN, encoding="utf-8")
    run = roadmap("--roadmap", str(path), "next")
    assert run.exit_code == 1
    assert run.stdout == ""
    assert "TOML syntax error" in run.stderr
    toml = path.with_suffix(".toml")
    assert (
        f"hint: this looks like Markdown: turn it into a roadmap with 'roadmap import {path} "
        f"-o {toml}'"
    ) in flat(run.stderr)
    plain = tmp_path / "broken.toml"
    plain.write_text(MARKDOWN, encoding="utf-8")
    assert "Markdown" not in roadmap("--roadmap", str(plain), "next").stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_file_is_refused_not_read_forever(roadmap, tmp_path: Path) -> None:
    """``/dev/zero`` says it is empty and never ends: the read stops at the cap."""
    run = roadmap("import", "/dev/zero", "-o", str(tmp_path / "z.toml"))
    assert run.exit_code == 1
    assert run.stdout == ""
    assert run.stderr.startswith("roadmap: error: /dev/zero: is too large to be a roadmap")
    assert not (tmp_path / "z.toml").exists()
