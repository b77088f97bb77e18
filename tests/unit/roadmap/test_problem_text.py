"""Problems of a roadmap file keep their English (for ``--json``) and are translated only
where shown: :class:`~roadmap_cli.support.i18n.Msg`, the messages made of pydantic's and
tomllib's errors, URL problems, and warnings read back from the cache."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from roadmap_cli.roadmap.catalog import load_catalog
from roadmap_cli.roadmap.checks import Problem, check_roadmap
from roadmap_cli.roadmap.problem_text import pydantic_message, toml_reason
from roadmap_cli.support.i18n import Msg, get_language, set_language
from roadmap_cli.support.urls import check_url, url_problem


@pytest.fixture(autouse=True)
def _language() -> Iterator[None]:
    was = get_language()
    yield
    set_language(was)


def test_msg_keeps_english_and_translates_when_shown() -> None:
    msg = Msg("unknown topic id {id!r}", id="x")
    set_language("zh")
    assert msg.english() == str(msg) == "unknown topic id 'x'"
    assert msg.translated() == "未知的主题 id 'x'"
    set_language("en")
    assert msg.translated() == "unknown topic id 'x'"
    assert msg == Msg("unknown topic id {id!r}", id="x") != Msg("unknown topic id {id!r}", id="y")
    assert len({msg, Msg("unknown topic id {id!r}", id="x")}) == 1
    assert repr(msg) == "Msg('unknown topic id {id!r}', id='x')"
    with pytest.raises(AttributeError):
        msg.template = "other"  # type: ignore[misc]


def test_a_msg_inside_a_msg_follows_the_language() -> None:
    outer = Msg("TOML syntax error: {message}", message=Msg("Unclosed array"))
    set_language("zh")
    assert outer.english() == "TOML syntax error: Unclosed array"
    assert outer.translated() == "TOML 语法错误：数组没有闭合"


def test_an_unknown_template_is_shown_as_it_is() -> None:
    set_language("zh")
    assert Msg("{message}", message="odd {braces}").translated() == "odd {braces}"
    assert Msg("not in the catalog {n}", n=1).translated() == "not in the catalog 1"


@pytest.mark.parametrize(
    ("err", "english", "chinese"),
    [
        ({"type": "missing", "msg": "Field required"}, "required field is missing", "缺少必填字段"),
        (
            {"type": "extra_forbidden", "msg": "Extra inputs are not permitted"},
            "unknown field (check its spelling against the documented format)",
            "未知字段（请对照文档中的格式检查拼写）",
        ),
        (
            {"type": "string_type", "msg": "x"},
            "Input should be a valid string",
            "应为字符串（用引号括起的文字）",
        ),
        ({"type": "int_type", "msg": "x"}, "Input should be a valid integer", "应为整数"),
        (
            {"type": "bool_type", "msg": "x"},
            "Input should be a valid boolean",
            "应为布尔值（true 或 false）",
        ),
        ({"type": "list_type", "msg": "x"}, "Input should be a valid list", "应为列表（[...]）"),
        (
            {"type": "model_type", "msg": "x", "ctx": {"class_name": "Topic"}},
            "Input should be a valid dictionary or instance of Topic",
            "应为表（[[stages.topics]]），内容是一个主题",
        ),
        (
            {"type": "literal_error", "msg": "x", "ctx": {"expected": "'editor'"}},
            "Input should be 'editor'",
            "应为 'editor'",
        ),
        (
            {"type": "too_short", "msg": "x", "ctx": {"min_length": 1, "actual_length": 0}},
            "List should have at least 1 item after validation, not 0",
            "至少要有 1 项，现在是 0 项",
        ),
        (
            {
                "type": "value_error",
                "msg": "Value error, must not be empty",
                "ctx": {"error": ValueError(Msg("must not be empty"))},
            },
            "must not be empty",
            "不能为空",
        ),
        (
            {
                "type": "value_error",
                "msg": "Value error, something new",
                "ctx": {"error": ValueError("something new")},
            },
            "something new",
            "something new",
        ),
        (
            {"type": "greater_than", "msg": "Input should be greater than 0"},
            "Input should be greater than 0",
            "Input should be greater than 0",
        ),
    ],
)
def test_pydantic_errors_become_our_messages(err: dict, english: str, chinese: str) -> None:
    msg = pydantic_message(err)
    set_language("zh")
    assert msg.english() == english
    assert msg.translated() == chinese


def test_tomllib_reasons_become_our_messages() -> None:
    set_language("zh")
    assert toml_reason("Invalid value").translated() == "无效的值"
    assert toml_reason("Cannot declare ('a',) twice").translated() == "不能两次声明 ('a',)"
    assert toml_reason("Cannot declare ('a',) twice").english() == "Cannot declare ('a',) twice"
    assert toml_reason("Expected '=' after a key in a key/value pair").translated() == (
        "键值对中，键的后面应为 '='"
    )
    assert toml_reason("Expected '\"'").translated() == "此处应为 '\"'"
    assert toml_reason("Something tomllib says one day").translated() == (
        "Something tomllib says one day"
    )


def test_url_problems_translate_and_check_url_stays_english() -> None:
    set_language("zh")
    assert check_url("ftp://x") == "URL scheme must be http or https, not 'ftp'"
    assert check_url("x") == "URL scheme must be http or https, not 'none'"
    assert check_url("https://") == "URL has no host"
    assert check_url("") == "URL is empty"
    assert check_url("https://a b") == "URL contains spaces or control characters"
    assert check_url("https://ok.example/") is None and url_problem("https://ok.example/") is None
    problem = url_problem("ftp://x")
    assert problem is not None
    assert problem.translated() == "网址必须以 http 或 https 开头，而不是 'ftp'"


def test_problem_english_fields_and_shown_text() -> None:
    roadmap, problems = check_roadmap(b'schema = 1\nid = "r"\ntitle = "t"\nstages = []\n')
    assert roadmap is None
    (problem,) = problems
    set_language("zh")
    assert problem.location == "stages"
    assert problem.message == "List should have at least 1 item after validation, not 0"
    assert str(problem) == "stages: List should have at least 1 item after validation, not 0"
    assert problem.shown() == "stages: 至少要有 1 项，现在是 0 项"
    warning = Problem("stages[0].title_en", Msg("no English title"), "warning")
    assert str(warning) == "warning: stages[0].title_en: no English title"
    assert warning.shown() == "警告：stages[0].title_en: 没有英文标题"
    _, top = check_roadmap(b"= 1\n")
    assert top[0].place is not None
    assert top[0].location == "line 1, column 1"
    assert top[0].shown_location() == "第 1 行第 1 列"


def test_cached_warnings_keep_their_template(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text(
        'schema = 1\nid = "r"\ntitle = "图"\nlanguage = "zh"\n'
        '[[stages]]\nid = "s"\ntitle = "阶段"\nsummary = "先学基础。"\n',
        encoding="utf-8",
    )
    cache = tmp_path / "cache"
    first = load_catalog(path, cache)
    again = load_catalog(path, cache)  # from the cache
    assert [(p.location, p.message) for p in again.warnings] == [
        (p.location, p.message) for p in first.warnings
    ]
    assert [p.text for p in again.warnings] == [p.text for p in first.warnings]
    set_language("zh")
    assert "stages[0].summary_en: 有概述（summary）但没有 summary_en" in [
        f"{p.shown_location()}: {p.shown_message()}" for p in again.warnings
    ]


def test_length_limits_name_the_field_in_both_languages() -> None:
    data = (
        'schema = 1\nid = "r"\ntitle = "' + "x" * 5001 + '"\n'
        '[[stages]]\nid = "s"\ntitle = "S"\nsummary = "' + "y" * 20001 + '"\n'
    ).encode()
    _, problems = check_roadmap(data)
    set_language("zh")
    assert [(p.message, p.shown()) for p in problems] == [
        (
            "is 5,001 characters long; a title may have at most 5,000",
            "title: 有 5,001 个字符；标题最多 5,000 个字符",
        ),
        (
            "is 20,001 characters long; a summary may have at most 20,000",
            "stages[0].summary: 有 20,001 个字符；概述最多 20,000 个字符",
        ),
    ]
