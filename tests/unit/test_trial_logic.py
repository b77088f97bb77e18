"""Logic behind the new-user trial fixes: shared day parsing, language sources, the
whole-roadmap checks on a file whose fields are wrong, stage/topic id clashes."""

from __future__ import annotations

from datetime import date

import pytest

from roadmap_cli.actions.context import check_language
from roadmap_cli.errors import UsageError
from roadmap_cli.roadmap.catalog import check_roadmap
from roadmap_cli.support.dates import parse_day

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("today", TODAY),
        (" Yesterday ", date(2026, 11, 29)),
        ("2026-11-01", date(2026, 11, 1)),
        ("2026-13-01", None),
        ("2026-11-01T10:00", None),
        ("last week", None),
    ],
)
def test_parse_day(text: str, day: date | None) -> None:
    assert parse_day(text, TODAY, "--since") == day


@pytest.mark.parametrize("text", ["", " \t"])
def test_parse_day_refuses_an_empty_value(text: str) -> None:
    with pytest.raises(UsageError, match="--since: the date is empty"):
        parse_day(text, TODAY, "--since")


def test_check_language_names_its_source() -> None:
    assert check_language("zh_CN.UTF-8", "ROADMAP_LANG") == "zh"
    with pytest.raises(UsageError, match=r"^ROADMAP_LANG: unknown language 'xx'$") as info:
        check_language("xx", "ROADMAP_LANG")
    assert "ROADMAP_LANG" in (info.value.hint or "")
    with pytest.raises(UsageError, match=r"^--lang: "):
        check_language("xx")


HEAD = 'schema = 1\nid = "r"\ntitle = "R"\n'


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
