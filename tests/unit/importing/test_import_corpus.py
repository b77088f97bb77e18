"""The import corpus: real roadmaps and small files reproducing each pattern, against
golden summaries a reviewer can read.

Each Markdown file of ``tests/data/import-corpus/`` (one per pattern of issue 15) and of
``../shared/examples/markdown-roadmaps/`` (real public roadmaps; skipped when absent), plus
the bundled roadmap's source document, is imported; the summary (title, language, counts,
what was left out by reason, then every stage and topic with its id, flags and number of
resources) must equal ``tests/data/import-corpus/golden/NAME.txt``. After a deliberate
change to the importer, regenerate them with ``UPDATE_GOLDEN=1 pytest
tests/unit/test_import_corpus.py`` and read the diff.

Every output must validate, no topic may be boilerplate, a badge or a social link, and the
first topic (what ``roadmap next`` shows first) is named below for each file.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from roadmap_cli.actions.import_ import ImportResult, run_import
from roadmap_cli.importing.boilerplate import heading_role, link_role
from roadmap_cli.importing.summary import count_by_reason
from roadmap_cli.roadmap.catalog import check_roadmap

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "data" / "import-corpus"
GOLDEN = CORPUS / "golden"
SHARED = ROOT.parent / "shared"
EXAMPLES = SHARED / "examples" / "markdown-roadmaps"
SOURCE_DOC = SHARED / "source" / "ai-roadmap.zh.md"

#: Where the shared examples come from (SOURCES.md): relative links resolve against these.
EXAMPLE_SOURCES = {
    "ossu-data-science.en.md": "https://github.com/ossu/data-science/blob/ccb52fe/README.md",
    "awesome-llm.en.md": "https://github.com/Hannibal046/Awesome-LLM/blob/538eed0/README.md",
    "llm101n.en.md": "https://github.com/karpathy/LLM101n/blob/13acb58/README.md",
    "happy-llm.zh.md": "https://github.com/datawhalechina/happy-llm/blob/f115ef3/README.md",
    "agent.zh.md": "https://github.com/TIC-DLUT/roadmap/blob/main/Agent.md",
    "go-backend.zh.md": "https://github.com/TIC-DLUT/roadmap/blob/main/Go.md",
}

#: The first topic of each import: the first real study item (what 'next' shows).
FIRST_TOPIC = {
    "01-bold-leads.md": "Linear Algebra",
    "02-checklist.md": "Implement a vector",
    "03-duplicates.md": "Lecture 1: Introduction",
    "04-boilerplate.md": "Syntax",
    "05-badges.md": "LangGraph",
    "06-course-outline.md": (
        "Lecture 1: The spelled-out intro to neural networks and backpropagation"
    ),
    "07-chapters.md": "Bigram Language Model",
    "08-curriculum-table.md": "Systematic Program Design",
    "09-text-residue.md": "Llama 3.1论文精读 · 2. 预训练数据【论文精读·54】",
    "10-metadata.md": "The Book",
    "11-front-matter.md": "1. Mathematics",
    "12-readme-sections.md": "Introduction to Computer Science and Programming using Python",
    "13-awesome-sections.md": "CS 50 - Introduction to Computer Science, Harvard University",
    "14-link-siblings.md": "Deep Learning Book",
    "agent.zh.md": "什么是 agent ？",
    "awesome-llm.en.md": "Attention Is All You Need",
    "go-backend.zh.md": "文档",
    "happy-llm.zh.md": "学习与环境准备",
    "llm101n.en.md": "Bigram Language Model",
    "ossu-data-science.en.md": "Introduction to Data Science",
    "ai-roadmap.zh.md": "理论",
}

_SOURCE_COMMENT = re.compile(r"<!--\s*source:\s*(\S+)\s*-->")


def _cases() -> list[tuple[str, Path, str | None]]:
    cases: list[tuple[str, Path, str | None]] = []
    for path in sorted(CORPUS.glob("*.md")):
        found = _SOURCE_COMMENT.search(path.read_text("utf-8"))
        cases.append((path.name, path, found.group(1) if found else None))
    for name, source in EXAMPLE_SOURCES.items():
        cases.append((name, EXAMPLES / name, source))
    cases.append(("ai-roadmap.zh.md", SOURCE_DOC, None))
    return cases


def golden_text(result: ImportResult, data: dict[str, Any]) -> str:
    """The readable summary of one import (see the module docstring)."""
    lines = [
        f"title: {data['title']}",
        f"language: {data['language']}",
        f"counts: {result.stages} stages, {result.topics} topics, {result.resources} resources",
    ]
    left = count_by_reason(result.left_out)
    lines.append("left out: " + (", ".join(f"{n} {r}" for r, n in left.items()) or "nothing"))
    lines.append(f"ticked boxes: {len(result.ticked)}")
    for stage in data["stages"]:
        lines += ["", f"## {stage['title']}  ({stage['id']})"]
        for topic in stage["topics"]:
            flags = []
            if topic.get("optional"):
                flags.append("optional")
            if topic["id"] in result.ticked:
                flags.append("ticked")
            for key in ("duration", "effort"):
                if key in topic:
                    flags.append(f"{key} {topic[key]}")
            count = len(topic.get("resources", []))
            flags.append(f"{count} resource{'s' if count != 1 else ''}")
            lines.append(f"- {topic['title']}  ({topic['id']}; {', '.join(flags)})")
            if topic.get("summary"):
                first = topic["summary"].splitlines()[0]
                lines.append(f"    summary: {first[:100]}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("name", "path", "source"), _cases(), ids=lambda v: str(v))
def test_corpus_file_matches_its_golden_summary(
    tmp_path: Path, name: str, path: Path, source: str | None
) -> None:
    if not path.is_file():
        pytest.skip(f"{path} is not here (the shared/ folder sits beside the repository)")
    copy = tmp_path / name
    copy.write_bytes(path.read_bytes())
    result = run_import(copy, source=source)
    checked, problems = check_roadmap(result.text.encode("utf-8"))
    assert checked is not None, [str(p) for p in problems]
    data = tomllib.loads(result.text)
    topics = [t for s in data["stages"] for t in s["topics"]]
    assert topics[0]["title"] == FIRST_TOPIC[name]
    for topic in topics:
        assert heading_role(topic["title"]) != "leave", topic["title"]
        for resource in topic.get("resources", []):
            assert link_role(resource["url"], resource["title"], image=False) is None, resource
    text = golden_text(result, data)
    golden = GOLDEN / (name.removesuffix(".md") + ".txt")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, "utf-8")
    assert golden.is_file(), f"no golden summary {golden}: run with UPDATE_GOLDEN=1"
    assert text == golden.read_text("utf-8")


@pytest.mark.parametrize(("name", "path", "source"), _cases(), ids=lambda v: str(v))
def test_validated_data_is_what_the_toml_holds(name: str, path: Path, source: str | None) -> None:
    """The import validates :func:`roadmap_dict` instead of parsing its own TOML: the two
    must be the same data."""
    from roadmap_cli.importing.ids import assign_ids
    from roadmap_cli.importing.markdown import parse_markdown
    from roadmap_cli.importing.toml_out import roadmap_dict, write_toml

    if not path.is_file():
        pytest.skip(f"{path} is not here")
    roadmap = parse_markdown(path.read_text("utf-8"), "corpus", base=source)
    assign_ids(roadmap, roadmap_id=None, file_title="corpus", source=source)
    assert tomllib.loads(write_toml(roadmap, ["header"])) == roadmap_dict(roadmap)


@pytest.mark.parametrize(("name", "path", "source"), _cases(), ids=lambda v: str(v))
def test_quick_check_agrees_with_pydantic(name: str, path: Path, source: str | None) -> None:
    """The import checks its data without pydantic (:mod:`roadmap_cli.roadmap.quick`): on
    every corpus file it gives a verdict, the same roadmap and problems as pydantic's."""
    from roadmap_cli.importing.ids import assign_ids
    from roadmap_cli.importing.markdown import parse_markdown
    from roadmap_cli.importing.toml_out import roadmap_dict
    from roadmap_cli.roadmap.checks import check_parsed
    from roadmap_cli.roadmap.quick import quick_check

    if not path.is_file():
        pytest.skip(f"{path} is not here")
    roadmap = parse_markdown(path.read_text("utf-8"), "corpus", base=source)
    assign_ids(roadmap, roadmap_id=None, file_title="corpus", source=source)
    data = roadmap_dict(roadmap)
    quick = quick_check(data)
    assert quick is not None
    assert quick == check_parsed(data)
