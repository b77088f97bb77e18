"""Problems a new-user trial found, each pinned by the command line that showed it."""

from __future__ import annotations

import pytest


def _flat(text: str) -> str:
    return " ".join(text.split())


# 8. an empty --date is not "now"; --since reads the same words as --date


@pytest.mark.parametrize("value", ["", "  "])
def test_empty_date_is_a_usage_error(roadmap, progress_file, value: str) -> None:
    run = roadmap("done", "attention", "--date", value)
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "--date: the date is empty" in run.stderr
    assert "yesterday" in run.stderr
    assert not progress_file.exists()


def test_history_since_reads_today_and_yesterday(roadmap) -> None:
    assert roadmap("done", "attention", "--date", "yesterday").exit_code == 0
    assert roadmap("start", "ddpm").exit_code == 0
    today = roadmap("history", "--since", "today", "--json")
    assert today.exit_code == 0, today.stderr
    assert [e["topic"] for e in today.json()["events"]] == ["ddpm"]
    yesterday = roadmap("history", "--since", "Yesterday", "--json")
    assert yesterday.exit_code == 0, yesterday.stderr
    assert [e["topic"] for e in yesterday.json()["events"]] == ["ddpm", "attention"]
    assert today.json()["since"] > yesterday.json()["since"]


@pytest.mark.parametrize("value", ["", "last week", "2026-13-01"])
def test_history_since_refuses_what_it_cannot_read(roadmap, value: str) -> None:
    run = roadmap("history", "--since", value)
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr.startswith("roadmap: error: --since:")
    assert "yesterday" in run.stderr


# 9. history's footer counts in the singular too


def test_history_footer_says_one_event(roadmap) -> None:
    assert roadmap("done", "attention").exit_code == 0
    run = roadmap("history")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    assert "1 event; times in UTC" in run.stdout
    assert "1 events" not in run.stdout
    assert roadmap("done", "ddpm").exit_code == 0
    assert "2 events; times in UTC" in roadmap("history").stdout


# 10. a bad ROADMAP_LANG is named as such


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
