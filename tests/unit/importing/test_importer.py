"""The Markdown importer: structure, links, notes and the odd corners of Markdown."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from roadmap_cli.actions.import_ import run_import
from roadmap_cli.roadmap.catalog import check_roadmap
from roadmap_cli.support.urls import clean_url

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
SOURCE = SHARED / "source" / "ai-roadmap.zh.md"
EXAMPLES = SHARED / "examples" / "markdown-roadmaps"
LINK = re.compile(r"\]\((https?://[^)\s]+)\)")


def imported(tmp_path: Path, markdown: str, name: str = "notes.md") -> dict[str, Any]:
    """Import ``markdown`` (written to ``name``) and return the TOML as a dict, after
    checking that it is a valid roadmap."""
    path = tmp_path / name
    path.write_text(markdown, encoding="utf-8")
    result = run_import(path)
    roadmap, problems = check_roadmap(result.text.encode("utf-8"))
    assert roadmap is not None, [str(p) for p in problems]
    return tomllib.loads(result.text)


def topics(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [t for s in data["stages"] for t in s["topics"]]


def resources(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for t in topics(data) for r in t.get("resources", [])]


def topic(data: dict[str, Any], title: str) -> dict[str, Any]:
    found = [t for t in topics(data) if t["title"] == title]
    assert len(found) == 1, f"{title!r}: {len(found)} topics"
    return found[0]


def links_of(markdown: str) -> set[str]:
    return {clean_url(u) for u in LINK.findall(markdown)}


def shared_file(path: Path) -> Path:
    if not path.is_file():
        pytest.skip(f"{path} is not here (the shared/ folder sits beside the repository)")
    return path


# -- the real documents ------------------------------------------------------------------


def test_source_document_keeps_every_link_and_section(tmp_path: Path) -> None:
    markdown = shared_file(SOURCE).read_text(encoding="utf-8")
    data = imported(tmp_path, markdown, "ai-roadmap.zh.md")
    urls = {r["url"] for r in resources(data)}
    assert links_of(markdown) <= urls
    assert len(links_of(markdown)) >= 40
    assert data["title"] == "如果重学AI我会怎么学"
    assert data["id"] == "ai-roadmap"
    assert data["language"] == "zh"
    assert [s["title"] for s in data["stages"]] == [
        "基础",
        "大模型基础",
        "大模型进阶？",
        "另外的",
        "扩散模型",
    ]
    # items named without a link are still topics; remarks are kept as summaries
    for name in ("SFT", "RLHF", "PPO", "GRPO", "流水线并行", "量化", "Triton"):
        topic(data, name)
    assert topic(data, "DPO")["summary"] == "疑似已经没人用"
    # tracking parameters and text fragments are gone
    assert not any("vd_source" in u or ":~:" in u or "spm_id_from" in u for u in urls)


@pytest.mark.parametrize("name", ["agent.zh.md", "go-backend.zh.md"])
def test_example_roadmaps_import_with_every_link(tmp_path: Path, name: str) -> None:
    markdown = shared_file(EXAMPLES / name).read_text(encoding="utf-8")
    data = imported(tmp_path, markdown, name)
    assert links_of(markdown) <= {r["url"] for r in resources(data)}
    assert all(t["title"].strip() for t in topics(data))


def test_every_shared_example_imports(tmp_path: Path) -> None:
    """Every http(s) link of every example is a resource or counted as left out, with a
    reason, in the import summary."""
    files = sorted(EXAMPLES.glob("*.md")) if EXAMPLES.is_dir() else []
    if not files:
        pytest.skip(f"no Markdown roadmaps in {EXAMPLES}")
    for path in files:
        markdown = path.read_text(encoding="utf-8")
        copy = tmp_path / path.name
        copy.write_text(markdown, encoding="utf-8")
        result = run_import(copy)
        assert check_roadmap(result.text.encode("utf-8"))[0] is not None, path.name
        kept = {r["url"] for r in resources(tomllib.loads(result.text))}
        counted = result.to_json()["left_out"]
        left = {clean_url(item["what"]) for item in counted["items"] if item["reason"]}
        assert links_of(markdown) <= kept | left, path.name
        assert sum(counted["counts"].values()) == len(counted["items"]), path.name


def test_go_backend_numbered_items_keep_their_br_lines_as_notes(tmp_path: Path) -> None:
    data = imported(tmp_path, shared_file(EXAMPLES / "go-backend.zh.md").read_text(), "go.md")
    by_title = {r["title"]: r for r in resources(data)}
    note = by_title["Go by Example"]["note"]
    assert note.splitlines()[0] == "通过例子了解Golang的语法，适合快速上手。"
    assert len(note.splitlines()) == 4
    assert by_title["8小时转职Golang工程师"]["kind"] == "video"
    assert (
        by_title["8小时转职Golang工程师"]["url"] == "https://www.bilibili.com/video/BV1gf4y1r79E/"
    )
    # the blockquote under an item: its link is a resource, its text that link's note
    assert by_title["lyydsheep"]["note"] == "由lyydsheep学长提供"  # no hole
    assert data["description"] == "Tips：环境安装可以自行搜索"


# -- shapes of documents -----------------------------------------------------------------


def test_no_headings_gives_one_stage_named_after_the_file(tmp_path: Path) -> None:
    markdown = "Read these in order.\n\n- Linear algebra\n- Probability\n- Calculus\n"
    data = imported(tmp_path, markdown, "maths-basics.md")
    assert [s["title"] for s in data["stages"]] == ["maths-basics"]
    assert [t["title"] for t in topics(data)] == ["Linear algebra", "Probability", "Calculus"]
    assert data["description"] == "Read these in order."
    assert data["language"] == "en"


def test_only_links_gives_one_topic_per_link(tmp_path: Path) -> None:
    markdown = (
        "[Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n\n"
        "- [nanoGPT](https://github.com/karpathy/nanoGPT)\n"
        "- [Lecture](https://www.youtube.com/watch?v=abc&utm_source=x)\n"
    )
    data = imported(tmp_path, markdown, "links.md")
    assert len(data["stages"]) == 1
    assert [(t["title"], [r["kind"] for r in t["resources"]]) for t in topics(data)] == [
        ("Attention Is All You Need", ["paper"]),
        ("nanoGPT", ["code"]),
        ("Lecture", ["video"]),
    ]
    assert resources(data)[2]["url"] == "https://www.youtube.com/watch?v=abc"


def test_generated_awesome_list_of_2000_links(tmp_path: Path) -> None:
    lines = ["# Awesome Things", "", "## Contents", ""]
    lines += [f"- [Section {s}](#section-{s})" for s in range(20)]
    urls = []
    for s in range(20):
        lines += ["", f"## Section {s}", "", f"Tools for part {s}.", ""]
        for j in range(100):
            n = s * 100 + j
            urls.append(f"https://github.com/owner{n % 9}/tool-{n}")
            lines.append(f"- [Tool {n}]({urls[-1]}?utm_medium=list) - Does thing {n}.")
    data = imported(tmp_path, "\n".join(lines) + "\n", "awesome-things.md")
    found = [r["url"] for r in resources(data)]
    assert sorted(found) == sorted(urls)
    assert [s["title"] for s in data["stages"]][:2] == ["Section 0", "Section 1"]  # no TOC
    assert len({t["id"] for t in topics(data)}) == 2000
    assert topic(data, "Tool 1999")["resources"][0]["note"] == "Does thing 1999."


def test_headings_h1_title_h2_stages_h3_topics(tmp_path: Path) -> None:
    markdown = "# My plan\n\nIntro.\n\n## Part A\n\n### Topic one\n\n#### Topic two\n\n## Part B\n"
    data = imported(tmp_path, markdown)
    assert data["title"] == "My plan"
    assert data["description"] == "Intro."
    assert [s["title"] for s in data["stages"]] == ["Part A", "Part B"]
    # "Topic one" only holds "Topic two": the two are one topic, named by the heading
    assert [t["title"] for t in data["stages"][0]["topics"]] == ["Topic one"]
    assert [t["title"] for t in data["stages"][1]["topics"]] == ["Part B"]  # never empty


def test_several_h1_headings_become_stages(tmp_path: Path) -> None:
    data = imported(tmp_path, "# One\n\n- a\n\n# Two\n\n- b\n", "several.md")
    assert data["title"] == "One"  # the heading opening the document names it
    assert [s["title"] for s in data["stages"]] == ["One", "Two"]


# -- inside a section ----------------------------------------------------------------------


def test_text_around_a_link_is_its_note_and_labels_hold_lists(tmp_path: Path) -> None:
    markdown = (
        "## Basics\n\n**Theory**:\n\n"
        "- Hung-yi Lee [ML 2022](https://www.youtube.com/playlist?list=X) great fun\n"
        "- This course covers everything from MLPs to generative models, in depth.\n"
    )
    data = imported(tmp_path, markdown)
    theory = topic(data, "Theory")
    assert theory["resources"][0]["note"] == "Hung-yi Lee ML 2022 great fun"  # no hole
    assert theory["summary"].startswith("This course covers")


def test_items_with_nested_lists_are_topics_and_lone_children_are_remarks(
    tmp_path: Path,
) -> None:
    markdown = (
        "## Post-training\n\n- PPO\n- DPO\n  - seems nobody uses it now\n- GRPO\n"
        "- Parallelism\n  - Pipeline\n  - Tensor\n"
    )
    data = imported(tmp_path, markdown)
    # "Parallelism" only holds topics: a container, not a topic itself
    assert [t["title"] for t in topics(data)] == ["PPO", "DPO", "GRPO", "Pipeline", "Tensor"]
    assert topic(data, "DPO")["summary"] == "seems nobody uses it now"


def test_code_blocks_tables_images_html_and_quotes(tmp_path: Path) -> None:
    markdown = (
        "## Tools\n\n"
        "```\n[not a link](https://code.example/x)\n```\n\n"
        "| Name | Link | Notes |\n| --- | --- | --- |\n"
        "| PyTorch | [site](https://pytorch.org/) | deep learning |\n\n"
        "![diagram](https://example.com/figure.png)\n\n"
        '<p><a href="https://html.example/page">HTML page</a></p>\n\n'
        "> See [the quote](https://quote.example/q) too.\n\n"
        '- Item with <a href="https://inline.example/a">inline</a><br/>second line\n'
    )
    data = imported(tmp_path, markdown)
    urls = {r["url"]: r for r in resources(data)}
    assert "https://code.example/x" not in urls
    assert topic(data, "PyTorch")["summary"] == "Notes: deep learning"  # a row: a topic
    assert urls["https://example.com/figure.png"]["kind"] == "site"
    assert urls["https://example.com/figure.png"]["title"] == "diagram"
    assert urls["https://html.example/page"]["title"] == "HTML page"
    assert urls["https://quote.example/q"]["note"] == "See the quote too."  # no hole
    assert urls["https://inline.example/a"]["note"] == "Item with\nsecond line"


def test_relative_links_are_reported_not_imported(tmp_path: Path) -> None:
    path = tmp_path / "rel.md"
    path.write_text("- [Guide](./guide.md)\n- [Site](https://site.example/)\n", "utf-8")
    result = run_import(path)
    assert result.skipped == ["line 1: ./guide.md (not an http(s) link)"]
    data = tomllib.loads(result.text)
    assert [t["title"] for t in topics(data)] == ["Guide", "Site"]


def test_same_link_twice_in_a_topic_is_one_resource(tmp_path: Path) -> None:
    markdown = "# Plan\n\n## A\n\n### Scaling\n\n- [Paper](https://arxiv.org/abs/2001.08361)\n"
    markdown += "- [Paper](https://arxiv.org/abs/2001.08361) again\n"
    data = imported(tmp_path, markdown)
    assert len(topic(data, "Scaling")["resources"]) == 1
    assert topic(data, "Scaling")["resources"][0]["note"] == "again"


def test_strings_that_need_escaping_round_trip(tmp_path: Path) -> None:
    markdown = (
        '# T\n\n## S\n\n### say "hi" \\\\ back\\slash\n\n- [a "q"](https://e.example/) tab\there\n'
    )
    data = imported(tmp_path, markdown)
    assert topics(data)[0]["title"] == 'say "hi" \\ back\\slash'
    assert resources(data)[0]["title"] == 'a "q"'


def test_empty_file_is_refused(tmp_path: Path) -> None:
    from roadmap_cli.errors import RoadmapError

    path = tmp_path / "empty.md"
    path.write_text("   \n", "utf-8")
    with pytest.raises(RoadmapError, match="nothing to import"):
        run_import(path)
