"""Importer rules: ids from titles, kinds from URLs, TOML strings, re-import keeping ids,
and that no Markdown crashes the import."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roadmap_cli.actions.import_ import run_import
from roadmap_cli.errors import RoadmapError
from roadmap_cli.importing.ids import assign_ids, read_previous
from roadmap_cli.importing.markdown import parse_markdown, title_from_file
from roadmap_cli.importing.rules import resource_kind, slugify, unique_id
from roadmap_cli.importing.toml_out import toml_string
from roadmap_cli.roadmap.catalog import check_roadmap
from roadmap_cli.roadmap.model import ID_PATTERN


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Flow Matching", "flow-matching"),
        ("注意力机制(self attention)", "zhu-yi-li-ji-zhi-self-attention"),
        ("KV cache：MQA，GQA", "kv-cache-mqa-gqa"),
        ("Lil'Log", "lillog"),
        ("Café crème", "cafe-creme"),
        ("长期记忆", "chang-qi-ji-yi"),
    ],
)
def test_slugify(title: str, expected: str) -> None:
    assert slugify(title) == expected


def test_slugify_without_ascii_words_is_a_stable_hash() -> None:
    assert slugify("🚀✨") == slugify("🚀✨")
    assert slugify("🚀✨").startswith("t-")
    assert slugify("🚀✨") != slugify("🌙")


@given(st.text(max_size=120))
@settings(max_examples=300, deadline=None)
def test_slugify_always_gives_a_valid_short_id(title: str) -> None:
    slug = slugify(title)
    assert ID_PATTERN.fullmatch(slug)
    assert len(slug) <= 32


def test_unique_id_adds_the_stage_then_a_number() -> None:
    taken = {"rag"}
    assert unique_id("rag", "extras", taken) == "rag-extras"
    assert unique_id("rag", "extras", taken) == "rag-2"
    assert unique_id("rag", "extras", taken) == "rag-3"
    assert {"rag", "rag-extras", "rag-2", "rag-3"} == taken


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://arxiv.org/abs/2106.09685", "paper"),
        ("https://openreview.net/forum?id=x", "paper"),
        ("https://example.org/paper.pdf", "paper"),
        ("https://www.youtube.com/watch?v=1", "video"),
        ("https://youtu.be/1", "video"),
        ("https://www.bilibili.com/video/BV1", "video"),
        ("https://github.com/karpathy/nanoGPT", "code"),
        ("https://github.com/karpathy", "site"),
        ("https://www.coursera.org/learn/ml", "course"),
        ("https://d2l.ai/", "book"),
        ("https://docs.python.org/3/", "docs"),
        ("https://redis.io/docs/latest/", "docs"),
        ("https://zhuanlan.zhihu.com/p/1", "blog"),
        ("https://lilianweng.github.io/posts/x/", "blog"),
        ("https://example.com/", "site"),
        ("https://example.com/some/page", "article"),
    ],
)
def test_resource_kind(url: str, kind: str) -> None:
    assert resource_kind(url) == kind


def test_file_titles_drop_extension_and_language_tag() -> None:
    assert title_from_file(Path("agent.zh.md")) == "agent"
    assert title_from_file(Path("go-backend.zh-CN.md")) == "go-backend"
    assert title_from_file(Path("notes.v2.md")) == "notes.v2"


@given(st.text())
def test_toml_strings_round_trip(text: str) -> None:
    assert tomllib.loads(f"value = {toml_string(text)}\n")["value"] == text


def ids_of(markdown: str) -> dict[str, str]:
    roadmap = parse_markdown(markdown, "plan")
    assign_ids(roadmap, roadmap_id=None, file_title="plan")
    return {t.title: t.id for t in roadmap.topics()}


def test_ids_do_not_depend_on_position() -> None:
    before = ids_of("## A\n\n- PPO\n- DPO\n- 注意力\n\n## B\n\n- GRPO\n")
    after = ids_of("## B\n\n- GRPO\n- New one\n\n## A\n\n- 注意力\n- PPO\n")
    assert {t: before[t] for t in ("PPO", "注意力", "GRPO")} == {
        t: after[t] for t in ("PPO", "注意力", "GRPO")
    }
    assert before["注意力"] == "zhu-yi-li"


def test_duplicate_titles_get_distinct_deterministic_ids() -> None:
    markdown = "## Basics\n\n### Videos\n\n## Redis\n\n### Videos\n\n### Videos\n"
    roadmap = parse_markdown(markdown, "plan")
    assign_ids(roadmap, roadmap_id=None, file_title="plan")
    assert [t.id for t in roadmap.topics()] == ["basics-videos", "redis-videos", "redis-videos-2"]


PLAN = "## Basics\n\n- Attention\n- [Lecture](https://youtu.be/a)\n- Scaling laws\n"


def write_import(tmp_path: Path, markdown: str, force: bool = False) -> dict[str, Any]:
    source = tmp_path / "plan.md"
    source.write_text(markdown, "utf-8")
    result = run_import(source, output=tmp_path / "plan.toml", force=force)
    return tomllib.loads(result.text)


def test_reimport_keeps_ids_and_hand_made_fields(tmp_path: Path) -> None:
    write_import(tmp_path, PLAN)
    out = tmp_path / "plan.toml"
    edited = out.read_text("utf-8")
    edited = edited.replace('id = "attention"', 'id = "attn"', 1)
    # the first two title_en lines: the roadmap's and the stage's
    edited = edited.replace('title_en = ""', 'title_en = "Basics EN"', 2)
    edited = edited.replace(
        'id = "scaling-laws"\ntitle = "Scaling laws"\ntitle_en = ""',
        (
            'id = "scaling-laws"\ntitle = "Scaling laws"\ntitle_en = ""\n'
            'requires = ["attn"]\naliases = ["scaling"]'
        ),
    )
    edited = edited.replace('id = "plan"', 'id = "my-plan"', 1)
    out.write_text(edited, "utf-8")
    renamed = PLAN.replace("[Lecture]", "[A lecture]").replace("- Attention", "- New\n- Attention")
    data = write_import(tmp_path, renamed, force=True)
    by_title = {t["title"]: t for s in data["stages"] for t in s["topics"]}
    assert data["id"] == "my-plan"
    assert by_title["Attention"]["id"] == "attn"
    assert by_title["Scaling laws"]["requires"] == ["attn"]
    assert by_title["Scaling laws"]["aliases"] == ["scaling"]
    assert by_title["A lecture"]["id"] == "lecture"  # renamed, same link: same id
    assert by_title["New"]["id"] == "new"
    assert data["stages"][0]["title_en"] == "Basics EN"


def test_previous_file_that_is_not_toml_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("this is [not toml", "utf-8")
    previous, reason = read_previous(bad)
    assert previous is None and reason
    assert read_previous(tmp_path / "missing.toml") == (None, None)


def test_invalid_result_is_never_written(tmp_path: Path) -> None:
    write_import(tmp_path, PLAN)
    out = tmp_path / "plan.toml"
    cyclic = out.read_text("utf-8")
    for tid, title, needs in (
        ("attention", "Attention", "scaling-laws"),
        ("scaling-laws", "Scaling laws", "attention"),
    ):  # a hand-made prerequisite cycle between two topics the re-import keeps
        block = f'id = "{tid}"\ntitle = "{title}"\ntitle_en = ""'
        assert block in cyclic
        cyclic = cyclic.replace(block, f'{block}\nrequires = ["{needs}"]')
    out.write_text(cyclic, "utf-8")
    with pytest.raises(RoadmapError, match="would be invalid"):
        write_import(tmp_path, PLAN, force=True)
    assert out.read_text("utf-8") == cyclic


FRAGMENTS = st.sampled_from(
    [
        "# T\n",
        "## S\n",
        "### t\n",
        "#### \n",
        "- item\n",
        "  - nested\n",
        "1. one\n",
        "    <br/> more\n",
        "> quote\n",
        "**bold**：\n",
        "[l](https://e.example/x)\n",
        "- [l](https://e.example/y?utm_source=z) note\n",
        "![i](https://e.example/i.png)\n",
        "```\ncode [x](https://c.example)\n```\n",
        "| a | b |\n|---|---|\n| 1 | [x](https://t.example) |\n",
        '<a href="https://h.example">h</a>\n',
        "<div>\n",
        "---\n",
        "\n",
        "中文 标题\n",
        "[rel](./x.md)\n",
        "- [toc](#a)\n",
        "- 名字: 说明\n",
        "~~struck~~\n",
        "\t- tab\n",
        "[](https://empty.example)\n",
        "- \n",
        "* * *\n",
        "<br>\n",
        "&amp; &#0;\n",
    ]
)


@given(st.lists(FRAGMENTS, max_size=30), st.text(max_size=20))
@settings(max_examples=150, deadline=None)
def test_any_markdown_imports_to_a_valid_roadmap_or_a_clear_error(
    pieces: list[str], noise: str
) -> None:
    markdown = "".join(pieces) + noise
    roadmap = parse_markdown(markdown, "fuzz")
    if not roadmap.stages:
        return  # run_import refuses it with "found nothing to import"
    assign_ids(roadmap, roadmap_id=None, file_title="fuzz")
    from roadmap_cli.importing.toml_out import write_toml

    checked, problems = check_roadmap(write_toml(roadmap, ["fuzz"]).encode("utf-8"))
    assert checked is not None, [str(p) for p in problems]


def test_imported_topic_ids_avoid_stage_ids_deterministically() -> None:
    from roadmap_cli.importing.ids import assign_ids
    from roadmap_cli.importing.markdown import parse_markdown

    def ids() -> tuple[list[str], list[str]]:
        markdown = (
            "## Overview\n\n- Planning\n- Memory\n\n## Planning\n\n- CoT\n\n"
            "## Memory\n\nKept things.\n\n- MemGPT\n"
        )
        roadmap = parse_markdown(markdown, "plan")
        assign_ids(roadmap, roadmap_id=None, file_title="plan")
        return [s.id for s in roadmap.stages], [t.id for t in roadmap.topics()]

    stages, topics = ids()
    assert stages == ["overview", "planning", "memory"]
    assert topics[:2] == ["planning-overview", "memory-overview"]
    assert not set(stages) & set(topics)
    assert ids() == (stages, topics)
