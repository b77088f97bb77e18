"""The test roadmap builder writes valid TOML that means what its arguments say."""

from __future__ import annotations

import tomllib
from pathlib import Path

from roadmap_cli.roadmap.catalog import check_roadmap, load_catalog
from tests.builders import make_roadmap, resource, stage, topic


def test_make_roadmap_builds_a_valid_roadmap_with_every_field(tmp_path: Path) -> None:
    text = make_roadmap(
        stages=[
            ("s1", [topic("a"), topic("b", requires=["a"], aliases=["old-b"])]),
            stage("s2", [topic("c", '标题 "quoted"\u007f', optional=True)], title_en="Two"),
        ],
        id="demo",
        title_en="Demo",
        path=tmp_path / "demo.toml",
    )
    assert (tmp_path / "demo.toml").read_text(encoding="utf-8") == text
    data = tomllib.loads(text)
    assert (data["schema"], data["id"], data["title"], data["language"]) == (
        1,
        "demo",
        "Roadmap demo",
        "en",
    )
    assert [s["id"] for s in data["stages"]] == ["s1", "s2"]
    assert data["stages"][0]["topics"][1] == {
        "id": "b",
        "title": "Topic b",
        "requires": ["a"],
        "aliases": ["old-b"],
    }
    assert data["stages"][1]["topics"][0]["title"] == '标题 "quoted"\u007f'
    roadmap, problems = check_roadmap(text.encode())
    assert roadmap is not None, problems
    catalog = load_catalog(tmp_path / "demo.toml")
    assert catalog.topics["b"].requires == ["a"]


def test_resources_and_a_missing_language() -> None:
    url = "https://example.org/a?x=1&y=[2]"
    text = make_roadmap(
        [("s", [topic("t", resources=[resource(url, "Paper", "paper")])])], language=None
    )
    data = tomllib.loads(text)
    assert "language" not in data
    assert data["stages"][0]["topics"][0]["resources"] == [
        {"title": "Paper", "url": url, "kind": "paper"}
    ]
    roadmap, problems = check_roadmap(text.encode())
    assert roadmap is not None, problems
