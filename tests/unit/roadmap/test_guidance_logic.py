"""English twins, struck-through runs and the ready order, as pure functions."""

from __future__ import annotations

from pathlib import Path

from roadmap_cli.progress.log import Progress
from roadmap_cli.progress.snapshot import next_topics, snapshot
from roadmap_cli.render.report_markdown import markdown_guidance
from roadmap_cli.roadmap.catalog import Catalog
from roadmap_cli.roadmap.guidance import missing_english, struck_segments
from roadmap_cli.roadmap.model import Resource, Roadmap, Stage, Topic, in_language


def test_struck_segments_split_and_drop_the_markers() -> None:
    assert struck_segments("Infra：CUDA。~~独一家是吧~~") == [
        ("Infra：CUDA。", False),
        ("独一家是吧", True),
    ]
    assert struck_segments("~~a~~ b ~~c~~") == [("a", True), (" b ", False), ("c", True)]
    assert struck_segments("no marks") == [("no marks", False)]
    assert struck_segments("an ~~unpaired marker") == [("an ~~unpaired marker", False)]
    assert struck_segments("") == []


def test_markdown_guidance_escapes_but_keeps_struck_runs() -> None:
    assert markdown_guidance("a *b* ~~c_d~~") == "a \\*b\\* ~~c\\_d~~"
    assert markdown_guidance("x ~~ ~~ y") == "x   y"  # an empty struck run is dropped


def test_in_language_falls_back_to_the_text_as_written() -> None:
    assert in_language("中", "en", "en", "zh") == "en"
    assert in_language("中", "en", "zh", "zh") == "中"
    assert in_language("中", None, "en", "zh") == "中"
    assert in_language("text", "twin", "en", "en") == "text"  # an English roadmap
    assert in_language(None, None, "en", "zh") is None


def _roadmap(language: str) -> Roadmap:
    resource = Resource(title="r", url="https://example.org/", kind="site", note="注")
    topic = Topic(
        id="t",
        title="题",
        summary="说明",
        summary_en="About",
        editor_note="编者",
        resources=[resource],
    )
    stage = Stage(id="s", title="段", summary="段说明", topics=[topic])
    return Roadmap(schema_version=1, id="r", title="图", language=language, stages=[stage])


def test_missing_english_lists_every_text_without_a_twin() -> None:
    assert [(where, text.english()) for where, text in missing_english(_roadmap("zh"))] == [
        ("stages[0].summary_en", "a summary without summary_en"),
        ("stages[0].topics[0].editor_note_en", "an editor's note without editor_note_en"),
        ("stages[0].topics[0].resources[0].note_en", "a note without note_en"),
    ]
    assert missing_english(_roadmap("en")) == []


def _catalog(topics: list[tuple[str, str, bool, list[str]]]) -> Catalog:
    stages: dict[str, list[Topic]] = {}
    for stage, tid, optional, requires in topics:
        stages.setdefault(stage, []).append(
            Topic(id=tid, title=tid, optional=optional, requires=requires)
        )
    roadmap = Roadmap(
        schema_version=1,
        id="x",
        title="x",
        stages=[Stage(id=s, title=s, topics=ts) for s, ts in stages.items()],
    )
    return Catalog(roadmap, Path("x.toml"))


def test_required_before_an_equally_ready_optional_topic_stage_by_stage() -> None:
    catalog = _catalog(
        [
            ("one", "deeper", True, []),
            ("one", "basics", False, []),
            ("one", "blocked", False, ["later"]),
            ("two", "later", False, []),
            ("two", "extra", True, []),
            ("two", "more", False, []),
        ]
    )
    snap = snapshot(catalog, Progress(roadmap="x"))
    order = [i.topic.id for i in next_topics(snap, 10).items]
    assert order == ["basics", "deeper", "later", "more", "extra"]
    assert [i.topic.id for i in next_topics(snap, 1).items] == ["basics"]
    assert [i.topic.id for i in next_topics(snap, 2).items] == ["basics", "deeper"]
    plan = next_topics(snap, 3)
    assert plan.remaining == 6
    assert [t.id for t, _ in plan.blocked] == ["blocked"]
