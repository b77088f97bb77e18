"""The pydantic-free check of data the program built (:mod:`roadmap_cli.roadmap.quick`):
its tables are the pydantic models' fields, it agrees with pydantic where it gives a
verdict, and it gives none (so pydantic names the problem) for anything unusual."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from roadmap_cli.roadmap import quick, schema
from roadmap_cli.roadmap.checks import check_parsed
from roadmap_cli.roadmap.quick import quick_check


def _good() -> dict[str, Any]:
    return {
        "schema": 1,
        "id": "demo",
        "title": "演示",
        "title_en": "",
        "language": "zh",
        "source": "https://example.org/roadmap.md",
        "description": "关于",
        "stages": [
            {
                "id": "basics",
                "title": "基础",
                "title_en": "Basics",
                "summary": "先学这些",
                "topics": [
                    {
                        "id": "numpy",
                        "title": "numpy",
                        "title_en": "",
                        "summary": "数组",
                        "requires": [],
                        "optional": True,
                        "aliases": ["np"],
                        "duration": "2 weeks",
                        "effort": "5 hours/week",
                        "resources": [
                            {
                                "title": "NumPy",
                                "url": "https://numpy.org/doc/",
                                "kind": "docs",
                                "note": "官方文档",
                            }
                        ],
                    },
                    {"id": "pandas", "title": "pandas", "requires": ["numpy"]},
                ],
            },
            {"id": "empty-stage", "title": "空"},
        ],
    }


@pytest.mark.parametrize(
    ("table", "model"),
    [
        (quick.RESOURCE_FIELDS, schema.Resource),
        (quick.TOPIC_FIELDS, schema.Topic),
        (quick.STAGE_FIELDS, schema.Stage),
        (quick.ROADMAP_FIELDS, schema.Roadmap),
    ],
)
def test_tables_are_the_models_fields(table: dict[str, Any], model: Any) -> None:
    names = {info.alias or name for name, info in model.model_fields.items()}
    nested = {"resources", "topics", "stages", "schema"}
    assert set(table) == names - nested


def test_required_fields_and_limits_are_the_models() -> None:
    for key, model in [
        ("resource", schema.Resource),
        ("topic", schema.Topic),
        ("stage", schema.Stage),
        ("roadmap", schema.Roadmap),
    ]:
        required = {info.alias or n for n, info in model.model_fields.items() if info.is_required()}
        assert set(quick.REQUIRED[key]) == required
    assert quick.MAX_TITLE_LENGTH == schema.MAX_TITLE_LENGTH
    assert quick.MAX_SUMMARY_LENGTH == schema.MAX_SUMMARY_LENGTH


def test_valid_data_gets_the_same_verdict_as_pydantic() -> None:
    data = _good()
    result = quick_check(data)
    assert result is not None
    assert result == check_parsed(data)
    assert result[0] is not None
    assert result[0].stages[0].topics[0].resources[0].note == "官方文档"


def test_whole_roadmap_errors_are_found_too() -> None:
    data = _good()
    data["stages"][0]["topics"][1]["requires"] = ["nowhere"]
    result = quick_check(data)
    assert result is not None
    assert result == check_parsed(data)
    assert result[0] is None


def _set(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(_good())
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


_DELETE = object()
_TOPIC = ("stages", 0, "topics", 0)
_RESOURCE = (*_TOPIC, "resources", 0)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("schema",), 2),
        (("schema",), True),
        (("schema",), _DELETE),
        (("id",), "Not An Id"),
        (("id",), "x" * 81),
        (("title",), "   "),
        (("title",), "t" * 5_001),
        (("title_en",), "t" * 5_001),
        (("description",), "d" * 20_001),
        (("source",), "ftp://example.org/x"),
        (("language",), None),
        (("stages",), []),
        (("stages",), {}),
        (("extra",), 1),
        (("stages", 0, "id"), "Bad Id"),
        (("stages", 0, "topics"), "none"),
        (("stages", 0, "unknown"), ""),
        ((*_TOPIC, "id"), _DELETE),
        ((*_TOPIC, "title"), ""),
        ((*_TOPIC, "optional"), 1),
        ((*_TOPIC, "requires"), "numpy"),
        ((*_TOPIC, "aliases"), ["Bad Alias"]),
        ((*_TOPIC, "duration"), 3),
        ((*_TOPIC, "resources"), [[]]),
        ((*_RESOURCE, "url"), "https://exa mple.org"),
        ((*_RESOURCE, "url"), "/relative/path"),
        ((*_RESOURCE, "kind"), "podcast"),
        ((*_RESOURCE, "origin"), "yours"),
        ((*_RESOURCE, "note"), "n" * 20_001),
        ((*_RESOURCE, "title"), _DELETE),
        ((*_RESOURCE, "lang"), 5),
    ],
)
def test_anything_invalid_gets_no_verdict(path: tuple[Any, ...], value: Any) -> None:
    """No verdict where pydantic rejects the value: pydantic then names the problem."""
    data = _set(path, value)
    assert quick_check(data) is None
    assert check_parsed(data)[0] is None


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ((*_TOPIC, "summary"), None),
        ((*_RESOURCE, "lang"), None),
    ],
)
def test_unusual_but_valid_gets_no_verdict_either(path: tuple[Any, ...], value: Any) -> None:
    """``None`` (which no TOML file holds) is left to pydantic, which accepts it."""
    data = _set(path, value)
    assert quick_check(data) is None
    assert check_parsed(data)[0] is not None


def test_the_schema_field_by_its_python_name_is_left_to_pydantic() -> None:
    data = _good()
    data["schema_version"] = data.pop("schema")
    assert quick_check(data) is None
    assert check_parsed(data)[0] is not None


def test_a_non_dict_gets_no_verdict() -> None:
    assert quick_check({"schema": 1, "stages": [1]}) is None
    assert quick_check({}) is None
