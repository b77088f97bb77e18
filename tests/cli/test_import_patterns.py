"""``roadmap import`` on the patterns of real roadmaps, through the CLI: checklists and
``--progress``, the summary of what was left out, marks that survive a re-import after
blocks are reordered and deleted, and the new topic fields shown by ``show``."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

Roadmap = Callable[..., Any]  # the 'roadmap' fixture: returns a conftest.Run

CHECKLIST = """# Data structures

## Arrays

- [x] Implement a vector
- [ ] Implement a linked list
- [X] Big-O of insertion

## Trees

- [ ] Binary search tree
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def _topic_ids(toml_path: Path) -> dict[str, str]:
    data = tomllib.loads(toml_path.read_text("utf-8"))
    return {t["title"]: t["id"] for s in data["stages"] for t in s["topics"]}


def _statuses(roadmap: Roadmap, out: Path) -> dict[str, str]:
    run = roadmap("--roadmap", str(out), "list", "--json")
    assert run.exit_code == 0, run.stderr
    data = json.loads(run.stdout)
    return {t["id"]: t["status"] for s in data["stages"] for t in s["topics"]}


def test_checklist_boxes_are_not_in_titles_or_ids(roadmap: Roadmap, tmp_path: Path) -> None:
    md = _write(tmp_path, "ds.md", CHECKLIST)
    out = tmp_path / "ds.toml"
    run = roadmap("import", str(md), "-o", str(out))
    assert run.exit_code == 0, run.stderr
    ids = _topic_ids(out)
    assert ids["Implement a vector"] == "implement-a-vector"
    assert ids["Big-O of insertion"] == "big-o-of-insertion"
    assert "2 ticked boxes (add --progress to record them as done)" in run.stdout
    # without --progress nothing is recorded
    assert set(_statuses(roadmap, out).values()) == {"todo"}


def test_progress_records_ticked_boxes_once_and_undo_reverts(
    roadmap: Roadmap, tmp_path: Path
) -> None:
    md = _write(tmp_path, "ds.md", CHECKLIST)
    out = tmp_path / "ds.toml"
    run = roadmap("import", str(md), "-o", str(out), "--progress", "--json")
    assert run.exit_code == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["ticked"] == ["implement-a-vector", "big-o-of-insertion"]
    assert doc["recorded_done"] == ["implement-a-vector", "big-o-of-insertion"]
    statuses = _statuses(roadmap, out)
    assert statuses["implement-a-vector"] == "done"
    assert statuses["implement-a-linked-list"] == "todo"
    history = roadmap("--roadmap", str(out), "history", "--json")
    assert history.exit_code == 0, history.stderr
    # ticking one more box and importing again records only the new one
    md.write_text(CHECKLIST.replace("- [ ] Binary", "- [x] Binary"), "utf-8")
    again = roadmap("import", str(md), "-o", str(out), "--force", "--progress", "--json")
    assert json.loads(again.stdout)["recorded_done"] == ["binary-search-tree"]
    undo = roadmap("--roadmap", str(out), "undo")
    assert undo.exit_code == 0, undo.stderr
    statuses = _statuses(roadmap, out)
    assert statuses["binary-search-tree"] == "todo"
    assert statuses["implement-a-vector"] == "done"
    roadmap("--roadmap", str(out), "undo")
    assert set(_statuses(roadmap, out).values()) == {"todo"}


def test_progress_needs_an_output_file(roadmap: Roadmap, tmp_path: Path) -> None:
    md = _write(tmp_path, "ds.md", CHECKLIST)
    run = roadmap("import", str(md), "--progress")
    assert run.exit_code == 2
    assert "--progress" in run.stderr and "-o FILE.toml" in run.stderr
    assert run.stdout == ""


COURSE = """# Course

## Lectures

**Lecture 1: Intro**

What the course is about.

- [YouTube video lecture](https://www.youtube.com/watch?v=a1)
- [Notebook](https://github.com/o/course/blob/main/l1.ipynb)

**Lecture 2: Tokens**

How text becomes numbers.

- [YouTube video lecture](https://www.youtube.com/watch?v=a2)

**Lecture 3: Attention**

- [YouTube video lecture](https://www.youtube.com/watch?v=a3)
"""


def test_reordered_and_deleted_blocks_keep_every_mark(roadmap: Roadmap, tmp_path: Path) -> None:
    md = _write(tmp_path, "course.md", COURSE)
    out = tmp_path / "course.toml"
    assert roadmap("import", str(md), "-o", str(out)).exit_code == 0
    ids = _topic_ids(out)
    assert list(ids) == ["Lecture 1: Intro", "Lecture 2: Tokens", "Lecture 3: Attention"]
    assert roadmap("--roadmap", str(out), "done", ids["Lecture 3: Attention"]).exit_code == 0
    # lecture 1 deleted, lectures 3 and 2 swapped
    blocks = COURSE.split("**Lecture ")
    edited = blocks[0] + "**Lecture " + blocks[3].rstrip() + "\n\n**Lecture " + blocks[2]
    md.write_text(edited, "utf-8")
    run = roadmap("import", str(md), "-o", str(out), "--force")
    assert run.exit_code == 0, run.stderr
    statuses = _statuses(roadmap, out)
    assert statuses[_topic_ids(out)["Lecture 3: Attention"]] == "done"
    assert statuses[_topic_ids(out)["Lecture 2: Tokens"]] == "todo"


REPEATED = """# Course

## Lecture 1

- YouTube video lecture
  - [video](https://www.youtube.com/watch?v=b1)

## Lecture 2

- YouTube video lecture
  - [video](https://www.youtube.com/watch?v=b2)

## Lecture 3

- YouTube video lecture
  - [video](https://www.youtube.com/watch?v=b3)
"""


def test_repeated_titles_keep_their_marks_when_a_block_goes(
    roadmap: Roadmap, tmp_path: Path
) -> None:
    md = _write(tmp_path, "rep.md", REPEATED)
    out = tmp_path / "rep.toml"
    assert roadmap("import", str(md), "-o", str(out)).exit_code == 0
    data = tomllib.loads(out.read_text("utf-8"))
    ids = [t["id"] for s in data["stages"] for t in s["topics"]]
    assert ids == [
        "lecture-1-youtube-video-lecture",
        "lecture-2-youtube-video-lecture",
        "lecture-3-youtube-video-lecture",
    ]
    roadmap("--roadmap", str(out), "done", "lecture-3-youtube-video-lecture")
    # the first block deleted, the last two swapped
    parts = REPEATED.split("## ")
    md.write_text(parts[0] + "## " + parts[3].rstrip() + "\n\n## " + parts[2], "utf-8")
    assert roadmap("import", str(md), "-o", str(out), "--force").exit_code == 0
    statuses = _statuses(roadmap, out)
    assert statuses == {
        "lecture-3-youtube-video-lecture": "done",
        "lecture-2-youtube-video-lecture": "todo",
    }


def test_summary_counts_what_was_left_out_and_v_lists_it(roadmap: Roadmap, tmp_path: Path) -> None:
    md = _write(
        tmp_path,
        "list.md",
        "# Awesome X [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n"
        "## Tools\n\n- [Tool](https://tool.example/) - does things.\n"
        "- [Follow me on X](https://x.com/someone)\n\n## License\n\n[MIT](https://mit.example/)\n",
    )
    out = tmp_path / "list.toml"
    run = roadmap("import", str(md), "-o", str(out), "--json")
    counts = json.loads(run.stdout)["left_out"]["counts"]
    assert counts == {"badge": 2, "social": 1, "boilerplate": 2}
    verbose = roadmap("import", str(md), "-o", str(out), "--force", "-v")
    assert "Left out: 2 badges, 1 social link, 2 boilerplate sections" in verbose.stdout
    assert "line 8: License (boilerplate)" in verbose.stdout
    assert "https://x.com/someone (social)" in verbose.stdout
    assert _topic_ids(out) == {"Tool": "tool"}
    zh = roadmap("--lang", "zh", "import", str(md), "-o", str(out), "--force", "-v")
    assert zh.exit_code == 0 and zh.stderr == ""
    assert "略去：2 个徽章，1 个社交链接，2 个非学习内容的章节" in zh.stdout
    assert "第 8 行：License（非学习内容）" in zh.stdout
    assert "https://x.com/someone（社交链接）" in zh.stdout
    assert "Left out" not in zh.stdout and "(badge)" not in zh.stdout
    again = roadmap("--lang", "zh", "import", str(md), "-o", str(out), "--force", "--json")
    assert json.loads(again.stdout)["left_out"] == json.loads(run.stdout)["left_out"]


def test_curriculum_table_fields_are_shown(roadmap: Roadmap, tmp_path: Path) -> None:
    md = _write(
        tmp_path,
        "ossu.md",
        "# Data science\n\n## Core\n\n"
        "| Courses | Duration | Effort | Prerequisites |\n| :-- | :-: | :-: | :-: |\n"
        "| [Calculus 1A](https://mitx.example/18.01.1x) | 13 weeks | 6-10 hours/week | "
        "high school math |\n"
        "| [Intro to CS](coursepages/intro-cs/README.md) | 14 weeks | 6-10 hours/week | "
        "none |\n",
    )
    out = tmp_path / "ds.toml"
    source = "https://github.com/ossu/data-science/blob/master/README.md"
    run = roadmap("import", str(md), "-o", str(out), "--source", source)
    assert run.exit_code == 0, run.stderr
    data = tomllib.loads(out.read_text("utf-8"))
    topic = data["stages"][0]["topics"][1]
    assert topic["title"] == "Intro to CS"
    assert topic["duration"] == "14 weeks" and topic["effort"] == "6-10 hours/week"
    assert topic["resources"][0]["url"] == (
        "https://github.com/ossu/data-science/blob/master/coursepages/intro-cs/README.md"
    )
    shown = roadmap("--roadmap", str(out), "show", "calculus-1a")
    assert shown.exit_code == 0, shown.stderr
    assert "13 weeks" in shown.stdout and "6-10 hours/week" in shown.stdout


AGENT = Path(__file__).resolve().parents[2].parent / "shared/examples/markdown-roadmaps/agent.zh.md"


def test_shared_example_keeps_marks_when_sections_move_and_go(
    roadmap: Roadmap, tmp_path: Path
) -> None:
    """The agent roadmap has '子任务分解' twice (under 概述 and under Planning): the marks
    stay on the same items when 概述 is deleted and the sections after Planning reversed."""
    import pytest

    if not AGENT.is_file():
        pytest.skip(f"{AGENT} is not here")
    text = AGENT.read_text("utf-8")
    md = _write(tmp_path, "agent.md", text)
    out = tmp_path / "agent.toml"
    assert roadmap("import", str(md), "-o", str(out)).exit_code == 0
    before = tomllib.loads(out.read_text("utf-8"))
    planning = next(s for s in before["stages"] if s["title"] == "Planning")
    marked = [t["id"] for t in planning["topics"]] + ["dify"]
    assert roadmap("--roadmap", str(out), "done", *marked).exit_code == 0
    sections = text.split("\n## ")
    head, rest = sections[0], sections[1:]
    kept = [s for s in rest if not s.startswith("概述")]
    moved = kept[:2] + list(reversed(kept[2:]))
    md.write_text("\n## ".join([head, *moved]), "utf-8")
    run = roadmap("import", str(md), "-o", str(out), "--force")
    assert run.exit_code == 0, run.stderr
    statuses = _statuses(roadmap, out)
    assert {t for t, status in statuses.items() if status == "done"} == set(marked)


LINK_SIBLINGS = """# Reading list

## Foundations

- [Deep Learning Book](https://www.deeplearningbook.org/)
- Linear algebra
- [CS231n](https://cs231n.stanford.edu/)

## Models

- IP-Adapter
  - 与ControlNet类似
  - [IP-Adapter](https://arxiv.org/abs/2308.06721)
"""


def test_a_name_between_links_is_a_topic_and_a_statement_a_remark(
    roadmap: Roadmap, tmp_path: Path
) -> None:
    """Issue 15: ``- Linear algebra`` between two linked books is something to study (a
    topic with no resource yet), not a remark; "与ControlNet类似" beside a link is a remark
    on the topic, counted in the summary."""
    md = _write(tmp_path, "reading.md", LINK_SIBLINGS)
    out = tmp_path / "reading.toml"
    run = roadmap("import", str(md), "-o", str(out))
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    assert "with 2 stages, 4 topics, 3 resources" in run.stdout
    assert "Kept as text, not topics: 1 item read as a remark" in run.stdout
    data = tomllib.loads(out.read_text("utf-8"))
    foundations = data["stages"][0]["topics"]
    assert [t["title"] for t in foundations] == ["Deep Learning Book", "Linear algebra", "CS231n"]
    assert "resources" not in foundations[1]
    models = data["stages"][1]["topics"]
    assert [t["title"] for t in models] == ["IP-Adapter"]
    assert models[0]["summary"] == "与ControlNet类似"
    valid = roadmap("validate", str(out))
    assert valid.exit_code == 0, valid.stdout + valid.stderr
    nxt = roadmap("--roadmap", str(out), "next", "--json")
    assert nxt.exit_code == 0, nxt.stderr
    assert json.loads(nxt.stdout)["next"][0]["title"] == "Deep Learning Book"


def test_link_siblings_in_json_summary(roadmap: Roadmap, tmp_path: Path) -> None:
    md = _write(tmp_path, "reading.md", LINK_SIBLINGS)
    run = roadmap("import", str(md), "--json")
    assert run.exit_code == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["counts"] == {"stages": 2, "topics": 4, "resources": 3}
    assert doc["left_out"]["counts"] == {"remark": 1}
    assert doc["left_out"]["items"][0]["what"] == "与ControlNet类似"
    assert "Linear algebra" in doc["toml"]


FUZZY = """# Projects

## Read the code

- [nanoGPT](https://github.com/karpathy/nanoGPT): start with README.md and train.py
- Tutorial on www.example.org
- See example.com for the dataset
"""


def test_file_names_and_bare_domains_are_not_links(roadmap: Roadmap, tmp_path: Path) -> None:
    """``README.md`` or ``example.com`` in a sentence is a name, not a link to
    ``http://README.md``; a bare ``www.`` address is a link."""
    md = _write(tmp_path, "projects.md", FUZZY)
    out = tmp_path / "projects.toml"
    run = roadmap("import", str(md), "-o", str(out))
    assert run.exit_code == 0, run.stderr
    text = out.read_text("utf-8")
    assert "http://README.md" not in text and "http://train.py" not in text
    assert "http://example.com" not in text
    assert "http://www.example.org" in text
    assert "README.md and train.py" in text
