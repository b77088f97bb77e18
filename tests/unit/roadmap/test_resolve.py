"""Resolving TOPIC and STAGE arguments: ids, prefixes, titles, aliases, suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest

from roadmap_cli.errors import AmbiguousTopicError, ExitStatus, UnknownTopicError
from roadmap_cli.roadmap.catalog import Catalog, load_catalog
from tests.builders import make_roadmap, stage, topic

ROADMAP = make_roadmap(
    [
        stage(
            "basics",
            [
                topic("attention", "注意力机制", title_en="Self-attention", aliases=["self-attn"]),
                topic("attention-sinks", "注意力汇聚", title_en="Attention sinks"),
                topic("flash-attention", "FlashAttention", requires=["attention"]),
            ],
            "基础",
            title_en="Basics",
        ),
        stage("diffusion", [topic("ddpm", "DDPM")], "扩散模型", title_en="Diffusion models"),
    ],
    id="demo",
    title="演示",
    language="zh",
    title_en="Demo",
)


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    path = tmp_path / "demo.toml"
    path.write_text(ROADMAP, encoding="utf-8")
    return load_catalog(path)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("attention", "attention"),  # exact id beats the prefix of attention-sinks
        ("flash", "flash-attention"),  # unique prefix
        ("注意力机制", "attention"),  # Chinese title
        ("self-ATTENTION", "attention"),  # English title, any case
        ("  Attention Sinks ", "attention-sinks"),  # spacing and case ignored
        ("self-attn", "attention"),  # former id
        ("ｄｄｐｍ", "ddpm"),  # full-width letters normalised
    ],
)
def test_resolve_topic(catalog: Catalog, query: str, expected: str) -> None:
    assert catalog.resolve_topic(query).id == expected


def test_ambiguous_prefix_lists_candidates(catalog: Catalog) -> None:
    assert catalog.resolve_topic("attention-").id == "attention-sinks"
    with pytest.raises(AmbiguousTopicError) as info:
        catalog.resolve_topic("att")
    assert info.value.candidates == ["attention", "attention-sinks"]
    assert info.value.exit_status == ExitStatus.USAGE


def test_unknown_topic_suggests_close_ids(catalog: Catalog) -> None:
    with pytest.raises(UnknownTopicError) as info:
        catalog.resolve_topic("flash-atention")
    assert info.value.suggestions[0] == "flash-attention"
    assert "did you mean flash-attention" in (info.value.hint or "")
    assert info.value.exit_status == ExitStatus.USAGE


def test_unknown_with_nothing_close_points_at_list(catalog: Catalog) -> None:
    with pytest.raises(UnknownTopicError) as info:
        catalog.resolve_topic("zzzzzz")
    assert info.value.suggestions == []
    assert "roadmap list" in (info.value.hint or "")


def test_resolve_stage_by_id_title_and_prefix(catalog: Catalog) -> None:
    assert catalog.resolve_stage("diffusion").id == "diffusion"
    assert catalog.resolve_stage("基础").id == "basics"
    assert catalog.resolve_stage("diffusion models").id == "diffusion"
    assert catalog.resolve_stage("dif").id == "diffusion"
    with pytest.raises(UnknownTopicError):
        catalog.resolve_stage("nope")


def test_canonical_id_follows_aliases_and_knows_orphans(catalog: Catalog) -> None:
    assert catalog.canonical_id("self-attn") == "attention"
    assert catalog.canonical_id("attention") == "attention"
    assert catalog.canonical_id("removed-topic") is None
