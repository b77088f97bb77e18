"""Validation of roadmap files: every problem with its location."""

from __future__ import annotations

from pathlib import Path

import pytest

from roadmap_cli.errors import ExitStatus, RoadmapFileError
from roadmap_cli.roadmap.catalog import check_roadmap, load_catalog

HEAD = 'schema = 1\nid = "demo"\ntitle = "Demo"\nlanguage = "en"\n'


def problems(text: str) -> list[str]:
    roadmap, found = check_roadmap(text.encode())
    assert roadmap is None
    return [str(p) for p in found]


def test_bad_url_is_located_precisely() -> None:
    text = HEAD + (
        '[[stages]]\nid = "s"\ntitle = "S"\n'
        '[[stages.topics]]\nid = "a"\ntitle = "A"\n'
        '[[stages.topics]]\nid = "b"\ntitle = "B"\n'
        '[[stages.topics.resources]]\ntitle = "x"\nurl = "javascript:alert(1)"\nkind = "blog"\n'
    )
    assert problems(text) == [
        "stages[0].topics[1].resources[0].url: URL scheme must be http or https, not 'javascript'"
    ]


def test_every_problem_is_reported_not_just_the_first() -> None:
    text = HEAD + (
        '[[stages]]\nid = "Bad Id"\ntitle = "S"\n'
        '[[stages.topics]]\nid = "a"\ntitle = ""\nkind = "x"\n'
        '[[stages.topics.resources]]\ntitle = "x"\nurl = "https://e.org"\nkind = "podcast"\n'
    )
    found = problems(text)
    assert any(p.startswith("stages[0].id: id 'Bad Id' must be") for p in found)
    assert "stages[0].topics[0].title: must not be empty" in found
    assert any(p.startswith("stages[0].topics[0].kind: unknown field") for p in found)
    assert any(p.startswith("stages[0].topics[0].resources[0].kind:") for p in found)


def test_cross_reference_problems() -> None:
    text = HEAD + (
        '[[stages]]\nid = "s"\ntitle = "S"\n'
        '[[stages.topics]]\nid = "a"\ntitle = "A"\nrequires = ["b"]\n'
        '[[stages.topics]]\nid = "b"\ntitle = "B"\nrequires = ["a", "nope"]\n'
        '[[stages.topics]]\nid = "a"\ntitle = "A again"\n'
    )
    found = problems(text)
    assert "stages[0].topics[2].id: duplicate topic id 'a' (first at stages[0].topics[0])" in found
    assert "stages[0].topics[1].requires[1]: unknown topic id 'nope'" in found
    assert any("prerequisite cycle: a → b → a" in p for p in found)


def test_toml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(HEAD + "[[stages]]\nid = \n", encoding="utf-8")
    with pytest.raises(RoadmapFileError) as info:
        load_catalog(path)
    err = info.value
    assert err.exit_status == ExitStatus.ERROR
    assert str(path) in err.message
    assert err.details[0].startswith("line 6, column 6: TOML syntax error")


def test_newer_schema_is_refused() -> None:
    found = problems(HEAD.replace("schema = 1", "schema = 99") + '[[stages]]\nid="s"\ntitle="S"\n')
    assert "newer roadmap format" in found[0]


def test_missing_english_title_is_only_a_warning() -> None:
    text = HEAD.replace('language = "en"', 'language = "zh"') + (
        '[[stages]]\nid = "s"\ntitle = "阶段"\n[[stages.topics]]\nid = "a"\ntitle = "甲"\n'
    )
    roadmap, found = check_roadmap(text.encode())
    assert roadmap is not None
    assert [p.severity for p in found] == ["warning", "warning"]
    assert str(found[1]) == "warning: stages[0].topics[0].title_en: no English title"


def test_missing_file_gives_a_hint(tmp_path: Path) -> None:
    with pytest.raises(RoadmapFileError) as info:
        load_catalog(tmp_path / "nope.toml")
    assert "no such roadmap file" in info.value.message
    assert "roadmap init" in (info.value.hint or "")


def test_field_errors_come_with_the_whole_roadmap_ones() -> None:
    text = (
        HEAD
        + 'colour = 1\n[[stages]]\nid = "s"\ntitle = "S"\n'
        + '[[stages.topics]]\nid = "a"\ntitle = ""\nrequires = ["nope", 3]\n'
        + '[[stages.topics]]\nid = "a"\ntitle = "A again"\n'
    )
    roadmap, problems = check_roadmap(text.encode())
    assert roadmap is None
    found = {(p.location, p.message.split(" (")[0]) for p in problems}
    assert ("colour", "unknown field") in found
    assert ("stages[0].topics[0].title", "must not be empty") in found
    assert ("stages[0].topics[0].requires[0]", "unknown topic id 'nope'") in found
    assert ("stages[0].topics[1].id", "duplicate topic id 'a'") in found
    assert len(problems) == len({(p.location, p.message) for p in problems})  # no repeats


def test_a_topic_with_a_stage_id_is_a_warning() -> None:
    text = (
        HEAD
        + '[[stages]]\nid = "intro"\ntitle = "Intro"\n'
        + '[[stages.topics]]\nid = "basics"\ntitle = "Basics"\n'
        + '[[stages]]\nid = "basics"\ntitle = "Basics stage"\n'
        + '[[stages.topics]]\nid = "x"\ntitle = "X"\n'
    )
    roadmap, problems = check_roadmap(text.encode())
    assert roadmap is not None
    assert [(p.severity, p.location) for p in problems] == [("warning", "stages[0].topics[0].id")]
    assert "also the id of a stage (stages[1])" in problems[0].message
