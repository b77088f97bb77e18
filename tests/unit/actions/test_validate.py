"""Locating problems in a roadmap file, and the example roadmap."""

from __future__ import annotations

from pathlib import Path

from roadmap_cli.actions.validate import example_roadmap, locate_line
from roadmap_cli.roadmap.catalog import check_roadmap

TEXT = """schema = 1
id = "x"
title = "X"

[[stages]]
id = "one"
title = "One"

[[stages.topics]]
id = "a"
title = "A"

[[stages.topics.resources]]
title = "r0"
url = "https://a"

[[stages]]
id = "two"
title = "Two"

[[stages.topics]]
id = "b"
title = "B"
requires = ["zz"]

[[stages.topics.resources]]
title = "r1"

[[stages.topics.resources]]
title = "r2"
url = "https://b"
"""


def test_top_level_key() -> None:
    assert locate_line(TEXT, "title") == 3
    assert locate_line(TEXT, "schema") == 1


def test_tables_are_counted_per_parent() -> None:
    assert locate_line(TEXT, "stages[1]") == 17
    assert locate_line(TEXT, "stages[1].id") == 18
    assert locate_line(TEXT, "stages[1].topics[0].requires[0]") == 24
    assert locate_line(TEXT, "stages[1].topics[0].resources[1].url") == 31
    assert locate_line(TEXT, "stages[0].topics[0].resources[0].url") == 15


def test_missing_key_points_at_the_table_header() -> None:
    assert locate_line(TEXT, "stages[1].topics[0].resources[0].url") == 26


def test_unknown_places_give_none() -> None:
    assert locate_line(TEXT, "stages[5].id") is None
    assert locate_line(TEXT, "(top level)") is None


def test_syntax_error_location_gives_its_line() -> None:
    assert locate_line(TEXT, "line 7, column 3") == 7


def test_example_roadmap_validates_without_problems_and_takes_its_id() -> None:
    roadmap, problems = check_roadmap(example_roadmap(Path("My Plan.toml")).encode())
    assert problems == []
    assert roadmap is not None
    assert roadmap.id == "my-plan"
    assert example_roadmap(Path("日本語.toml")).count('id = "my-roadmap"') == 1
