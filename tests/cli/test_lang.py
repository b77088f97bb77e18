"""Language: --lang zh|en, ROADMAP_LANG, and the default from the locale; stage and topic
titles appear in that language in every command."""

from __future__ import annotations

import webbrowser

import pytest

ZH = {"stage": "大模型基础", "topic": "注意力机制"}
EN = {"stage": "LLM foundations", "topic": "Self-attention"}


@pytest.fixture(autouse=True)
def _no_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(webbrowser, "open", lambda url, new=0, autoraise=True: True)


# (arguments, how the output names the stage of 'attention': "only" in the chosen
# language, "first" in it then in the other ('show' gives both titles), or None)
COMMANDS = [
    (["list", "llm-foundations"], "only"),
    (["show", "attention"], "only"),
    (["show", "llm-foundations"], "first"),
    (["start", "attention"], None),
    (["note", "attention", "x"], None),
    (["search", "attention"], "only"),
    (["open", "attention"], None),
    (["report"], "only"),
]


@pytest.mark.parametrize(("args", "with_stage"), COMMANDS, ids=lambda a: str(a))
def test_every_command_shows_titles_in_chosen_language(roadmap, args, with_stage) -> None:
    if args[0] == "report":
        assert roadmap("start", "attention").exit_code == 0
    zh = roadmap("--lang", "zh", *args)
    assert zh.exit_code == 0, zh.stderr
    en = roadmap("--lang", "en", *args)
    assert en.exit_code == 0, en.stderr
    assert ZH["topic"] in zh.stdout
    assert EN["topic"] in en.stdout
    if with_stage == "only":
        assert ZH["stage"] in zh.stdout
        assert EN["stage"] in en.stdout
        assert EN["stage"] not in zh.stdout
        assert ZH["stage"] not in en.stdout
    elif with_stage == "first":
        assert zh.stdout.index(ZH["stage"]) < zh.stdout.index(EN["stage"])
        assert en.stdout.index(EN["stage"]) < en.stdout.index(ZH["stage"])


def test_next_in_both_languages(roadmap) -> None:
    zh = roadmap("--lang", "zh", "next")
    en = roadmap("--lang", "en", "next")
    assert zh.exit_code == en.exit_code == 0
    assert "下一步：深度学习理论" in zh.stdout
    assert "阶段：基础" in zh.stdout
    assert "Next: Deep learning lectures (Hung-yi Lee)" in en.stdout
    assert "Stage: Foundations" in en.stdout


def test_roadmap_lang_environment_variable(roadmap, monkeypatch) -> None:
    monkeypatch.setenv("ROADMAP_LANG", "zh")
    run = roadmap("list")
    assert run.exit_code == 0
    assert run.stdout.startswith("如果重学AI我会怎么学")
    assert "基础  foundations" in run.stdout
    # the option wins over the environment
    assert "Foundations  foundations" in roadmap("--lang", "en", "list").stdout


def test_locale_default_zh_cn(roadmap, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    run = roadmap("list")
    assert run.exit_code == 0
    assert "基础  foundations" in run.stdout
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # LC_ALL overrides LANG
    assert "Foundations  foundations" in roadmap("list").stdout


def test_default_is_english_for_other_locales(roadmap, monkeypatch) -> None:
    for value in ("C.UTF-8", "de_DE.UTF-8", "ja_JP.UTF-8"):
        monkeypatch.setenv("LANG", value)
        run = roadmap("list")
        assert run.exit_code == 0
        assert run.stdout.startswith("How I would relearn AI"), value


def test_lang_accepts_region_forms(roadmap) -> None:
    assert "基础  foundations" in roadmap("--lang", "zh-CN", "list").stdout
    assert "基础  foundations" in roadmap("--lang", "zh_TW", "list").stdout


def test_unknown_language_is_a_usage_error(roadmap, monkeypatch) -> None:
    run = roadmap("--lang", "fr", "list")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "unknown language 'fr'" in run.stderr
    monkeypatch.setenv("ROADMAP_LANG", "xx")
    assert roadmap("list").exit_code == 2


def test_json_carries_both_titles_whatever_the_language(roadmap) -> None:
    zh = roadmap("--lang", "zh", "show", "attention", "--json").json()
    en = roadmap("--lang", "en", "show", "attention", "--json").json()
    assert zh == en
    assert zh["topic"]["title"] == ZH["topic"]
    assert zh["topic"]["title_en"] == EN["topic"]


# a bad ROADMAP_LANG is named as such


def test_bad_roadmap_lang_names_the_variable(roadmap, monkeypatch) -> None:
    monkeypatch.setenv("ROADMAP_LANG", "xx")
    run = roadmap("list")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "ROADMAP_LANG: unknown language 'xx'" in run.stderr
    assert "--lang:" not in run.stderr
    assert roadmap("--lang", "en", "list").exit_code == 0  # --lang wins over the variable
    bad_option = roadmap("--lang", "xx", "list")
    assert bad_option.exit_code == 2
    assert "--lang: unknown language 'xx'" in bad_option.stderr


def test_lang_switches_titles(roadmap) -> None:
    zh = roadmap("--lang", "zh", "list", "foundations")
    en = roadmap("--lang", "en", "list", "foundations")
    assert "深度学习理论" in zh.stdout and "基础" in zh.stdout
    assert "Deep learning lectures (Hung-yi Lee)" in en.stdout and "Foundations" in en.stdout
    bad = roadmap("--lang", "fr", "list")
    assert bad.exit_code == 2
    assert "--lang" in bad.stderr
