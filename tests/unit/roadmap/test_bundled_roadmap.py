"""The bundled roadmap validates with the project's own loader and ships in the package."""

from __future__ import annotations

from roadmap_cli.roadmap.bundled import bundled_roadmap_path
from roadmap_cli.roadmap.catalog import check_roadmap, load_catalog
from roadmap_cli.roadmap.model import RESOURCE_KINDS


def test_bundled_roadmap_validates_without_errors_or_warnings() -> None:
    roadmap, problems = check_roadmap(bundled_roadmap_path().read_bytes())
    assert problems == []
    assert roadmap is not None
    assert roadmap.id == "relearn-ai"
    assert [s.id for s in roadmap.stages] == [
        "foundations",
        "llm-foundations",
        "llm-advanced",
        "extras",
        "diffusion",
    ]


def test_every_topic_has_both_titles_and_every_resource_a_known_kind() -> None:
    catalog = load_catalog(bundled_roadmap_path())
    for topic in catalog.topics.values():
        assert topic.title.strip() and topic.title_en.strip(), topic.id
        for resource in topic.resources:
            assert resource.kind in RESOURCE_KINDS
            assert resource.url.startswith(("http://", "https://"))


def test_prerequisites_named_by_the_source_order() -> None:
    catalog = load_catalog(bundled_roadmap_path())
    assert "ddpm" in catalog.topics["ddim"].requires
    assert "attention" in catalog.topics["flash-attention"].requires
    assert catalog.topics["zero-to-hero"].optional  # "可以选择一到两个尝试一下"
    assert not catalog.topics["seaborn"].optional  # listed with numpy, pandas, matplotlib
    assert not catalog.topics["dl-theory"].requires
