"""Search logic: folding, every-term matching, fields, resource numbers, excerpts."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from roadmap_cli.actions.search import excerpt, normalise, search
from roadmap_cli.errors import UsageError
from roadmap_cli.progress.events import Event
from roadmap_cli.progress.log import Progress
from roadmap_cli.progress.snapshot import snapshot
from roadmap_cli.roadmap.catalog import Catalog, check_roadmap
from tests.builders import make_roadmap, resource, stage, topic

ALPHA = topic(
    "alpha",
    "注意力机制",
    title_en="Self-Attention",
    summary="A long summary that eventually mentions the Transformer architecture\n"
    "in the middle of it and then goes on and on for quite a while longer.",
    resources=[
        resource("https://arxiv.org/abs/1706.03762", "Paper A", "paper"),
        resource("https://example.com/video", "视频 B", "video", note="讲得很清楚"),
    ],
)
ROADMAP = make_roadmap(
    [
        stage("one", [ALPHA], "第一阶段", title_en="Stage one"),
        stage(
            "two",
            [topic("beta", "扩散模型", title_en="Diffusion")],
            "第二阶段",
            title_en="Stage two",
        ),
    ],
    id="t",
    title="测试",
    language="zh",
)


@pytest.fixture
def catalog() -> Catalog:
    roadmap, problems = check_roadmap(ROADMAP.encode())
    assert roadmap is not None, problems
    return Catalog(roadmap, Path("t.toml"))


def _run(catalog: Catalog, query: str, notes: dict[str, str] | None = None):
    at = datetime(2026, 11, 1, tzinfo=UTC)
    events = [
        Event(id=f"{i:04d}", at=at, topic=topic, note=text)
        for i, (topic, text) in enumerate((notes or {}).items())
    ]
    return search(catalog, snapshot(catalog, Progress(roadmap="t", events=events)), query)


def test_normalise_folds_case_and_width() -> None:
    assert normalise("ＡｔｔｅｎｔｉｏＮ") == "attention"
    assert normalise("Straße") == "strasse"


def test_english_title_any_case(catalog: Catalog) -> None:
    result = _run(catalog, "self-attention")
    assert [h.topic.id for h in result.hits] == ["alpha"]
    assert result.hits[0].stage.id == "one"
    assert result.hits[0].fields == ("title_en",)


def test_chinese_title_substring(catalog: Catalog) -> None:
    result = _run(catalog, "扩散")
    assert [(h.stage.id, h.topic.id, h.fields) for h in result.hits] == [
        ("two", "beta", ("title",))
    ]


def test_resource_hits_keep_their_number_in_the_topic(catalog: Catalog) -> None:
    result = _run(catalog, "清楚")
    (hit,) = result.hits
    assert hit.fields == ()
    assert [(r.index, r.fields) for r in hit.resources] == [(2, ("note",))]
    by_url = _run(catalog, "ARXIV.ORG/abs")
    assert [(r.index, r.fields) for r in by_url.hits[0].resources] == [(1, ("url",))]


def test_every_term_must_occur_in_the_same_item(catalog: Catalog) -> None:
    assert [h.topic.id for h in _run(catalog, "attention transformer").hits] == ["alpha"]
    assert _run(catalog, "attention diffusion").hits == []


def test_summary_excerpt_is_shortened_around_the_match(catalog: Catalog) -> None:
    (hit,) = _run(catalog, "transformer").hits
    (piece,) = hit.excerpts
    assert piece.field == "summary"
    assert "Transformer" in piece.text
    assert piece.text.startswith("…") and piece.text.endswith("…")


def test_learner_notes_are_searched(catalog: Catalog) -> None:
    result = _run(catalog, "CLICKED", {"beta": "finally clicked"})
    (hit,) = result.hits
    assert hit.topic.id == "beta"
    assert hit.fields == ("notes",)
    assert [(e.field, e.text) for e in hit.excerpts] == [("note", "finally clicked")]


def test_json_document_shape(catalog: Catalog) -> None:
    doc = _run(catalog, "paper").to_json()
    assert doc["query"] == "paper"
    assert doc["topics"] == 1 and doc["resources"] == 1
    (hit,) = doc["hits"]
    assert hit["stage"] == {"id": "one", "title": "第一阶段", "title_en": "Stage one"}
    assert hit["topic"]["status"] == "todo"
    assert hit["resources"][0]["index"] == 1
    assert hit["resources"][0]["matched"] == ["title"]


def test_empty_query_raises_usage_error(catalog: Catalog) -> None:
    with pytest.raises(UsageError):
        _run(catalog, " \t ")


def test_excerpt_short_text_is_whole() -> None:
    assert excerpt("short  text\nhere", ["text"]) == "short text here"
