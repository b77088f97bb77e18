"""Problems a new-user trial found, each pinned by the command line that showed it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from datetime import timedelta
from pathlib import Path

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


# 2. an imported topic never gets the id of a stage

MARKDOWN = """# Agents

## Overview
- Planning
- Memory

## Planning
- [CoT](https://arxiv.org/abs/2201.11903)

## Memory
- [MemGPT](https://arxiv.org/abs/2310.08560)
"""


def _ids(path: Path) -> tuple[list[str], list[str], dict[str, list[str]]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    stages = [s["id"] for s in data["stages"]]
    topics = [t["id"] for s in data["stages"] for t in s.get("topics", [])]
    aliases = {t["id"]: t.get("aliases", []) for s in data["stages"] for t in s["topics"]}
    return stages, topics, aliases


def test_import_gives_no_topic_a_stage_id_and_keeps_its_choice(roadmap, tmp_path) -> None:
    source = tmp_path / "agents.md"
    source.write_text(MARKDOWN, encoding="utf-8")
    out = tmp_path / "agents.toml"
    run = roadmap("import", str(source), "-o", str(out))
    assert run.exit_code == 0, run.stderr
    stages, topics, _ = _ids(out)
    assert stages == ["overview", "planning", "memory"]
    assert topics[:2] == ["planning-overview", "memory-overview"]
    assert not set(stages) & set(topics)
    first = out.read_text(encoding="utf-8").split("\nschema")[1]
    again = roadmap("import", str(source), "-o", str(out), "--force")
    assert again.exit_code == 0, again.stderr
    assert out.read_text(encoding="utf-8").split("\nschema")[1] == first  # stable
    check = roadmap("validate", str(out), "--json")
    assert check.exit_code == 0, check.stdout
    assert not [p for p in check.json()["problems"] if "also the id of a stage" in p["message"]]


def test_reimport_renames_an_old_clashing_topic_id_and_progress_follows(roadmap, tmp_path) -> None:
    source = tmp_path / "agents.md"
    source.write_text(MARKDOWN, encoding="utf-8")
    out = tmp_path / "agents.toml"
    assert roadmap("import", str(source), "-o", str(out)).exit_code == 0
    old = out.read_text(encoding="utf-8").replace('id = "planning-overview"', 'id = "planning"')
    out.write_text(old, encoding="utf-8")  # as an older roadmap-cli wrote it
    warned = roadmap("validate", str(out), "--json")
    assert warned.exit_code == 0  # a warning, not an error
    clash = [p for p in warned.json()["problems"] if "also the id of a stage" in p["message"]]
    assert [(p["severity"], p["location"]) for p in clash] == [
        ("warning", "stages[0].topics[0].id")
    ]
    assert roadmap("--roadmap", str(out), "done", "planning").exit_code == 0
    run = roadmap("import", str(source), "-o", str(out), "--force")
    assert run.exit_code == 0, run.stderr
    _, topics, aliases = _ids(out)
    assert "planning" not in topics
    assert aliases["planning-overview"] == ["planning"]
    shown = roadmap("--roadmap", str(out), "show", "planning-overview", "--json")
    assert shown.exit_code == 0, shown.stderr
    assert shown.json()["topic"]["status"] == "done"


# 3. every command lists the same problems of a broken roadmap as validate

BROKEN = """schema = 1
id = "b1"
title = "B1"
colour = "red"

[[stages]]
id = "s"
title = "S"

[[stages.topics]]
id = "a"
title = "A"
requires = ["nope"]

[[stages.topics.resources]]
title = "r"
url = "ftp://example.com/x"
kind = "site"
"""


def test_commands_list_every_problem_validate_finds(roadmap, tmp_path) -> None:
    path = tmp_path / "b1.toml"
    path.write_text(BROKEN, encoding="utf-8")
    check = roadmap("validate", str(path), "--json")
    assert check.exit_code == 1
    found = [f"{p['location']}: {p['message']}" for p in check.json()["problems"]]
    assert len(found) == 3
    run = roadmap("--roadmap", str(path), "next")
    assert run.exit_code == 1
    assert run.stdout == ""
    assert "invalid roadmap file (3 problems)" in run.stderr
    listed = [line.strip() for line in run.stderr.splitlines()[1:4]]
    assert listed == found  # the same problems, in the same (file) order
    assert "unknown topic id 'nope'" in run.stderr


def test_doctor_checks_progress_though_the_roadmap_is_broken(roadmap, tmp_path, _isolated):
    path = tmp_path / "b1.toml"
    path.write_text(BROKEN.replace('colour = "red"\n', "").replace('"nope"', '"a"'), "utf-8")
    path.write_text(path.read_text("utf-8").replace('requires = ["a"]\n', ""), "utf-8")
    path.write_text(path.read_text("utf-8").replace("ftp://", "https://"), "utf-8")
    assert roadmap("--roadmap", str(path), "done", "a").exit_code == 0
    path.write_text(BROKEN, encoding="utf-8")
    run = roadmap("--roadmap", str(path), "doctor", "--json")
    assert run.exit_code == 1
    doc = run.json()
    assert len(doc["roadmap"]["errors"]) == 3
    assert doc["roadmap"]["id"] == "b1"
    assert doc["progress"]["file"] == str(_isolated / "b1.json")
    assert doc["progress"]["readable"] is True
    assert doc["progress"]["events"] == 1
    (_isolated / "b1.json").write_text("{oops", encoding="utf-8")
    damaged = roadmap("--roadmap", str(path), "doctor")
    assert damaged.exit_code == 1
    assert "not valid JSON" in _flat(damaged.stdout)
    no_id = tmp_path / "b2.toml"
    no_id.write_text(BROKEN.replace('id = "b1"', 'id = "B 1"'), encoding="utf-8")
    unknown = roadmap("--roadmap", str(no_id), "doctor", "--json")
    assert unknown.exit_code == 1
    assert unknown.json()["progress"]["file"] is None


# 4. a Markdown file given as the roadmap


@pytest.mark.parametrize("name", ["agents.md", "Agents.MARKDOWN"])
def test_markdown_roadmap_gets_an_import_hint(roadmap, tmp_path, name: str) -> None:
    path = tmp_path / name
    path.write_text(MARKDOWN, encoding="utf-8")
    run = roadmap("--roadmap", str(path), "next")
    assert run.exit_code == 1
    assert run.stdout == ""
    assert "TOML syntax error" in run.stderr
    toml = path.with_suffix(".toml")
    assert (
        f"hint: this looks like Markdown: turn it into a roadmap with 'roadmap import {path} "
        f"-o {toml}'"
    ) in _flat(run.stderr)
    plain = tmp_path / "broken.toml"
    plain.write_text(MARKDOWN, encoding="utf-8")
    assert "Markdown" not in roadmap("--roadmap", str(plain), "next").stderr


# 1. open --json stays one JSON document whatever the browser prints; BROWSER alone


def _open(*args: str, browser: str, **more: str) -> subprocess.CompletedProcess[str]:
    """``roadmap open`` in a real process (real file descriptors), with ``BROWSER`` (and
    the ``more`` environment variables)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(BROWSER=browser, **more)
    return subprocess.run(
        [sys.executable, "-m", "roadmap_cli", "open", *args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )


URL = "https://www.youtube.com/watch?v=ugWDIIOHtPA"


def test_open_json_is_one_document_though_the_browser_prints() -> None:
    run = _open("attention", "--json", browser="echo")
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)  # the browser's output is not mixed in
    assert doc["resources"][0]["opened"] is True
    assert run.stderr.strip() == URL  # echo printed the URL: on stderr
    text = _open("attention", browser="echo")
    assert text.returncode == 0, text.stderr
    assert text.stdout.count(URL) == 1  # printed once, by roadmap
    assert text.stderr.strip() == URL


def test_failing_browser_exits_1_prints_urls_and_tries_nothing_else(tmp_path) -> None:
    record = tmp_path / "tried.txt"
    other = tmp_path / "lynx"
    other.write_text(f"#!/bin/sh\necho lynx >> {record}\n")
    other.chmod(0o755)
    env_path = f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}"
    run = _open("attention", "--json", browser="false", PATH=env_path)
    assert run.returncode == 1
    doc = json.loads(run.stdout)
    assert [(r["url"], r["opened"]) for r in doc["resources"]] == [(URL, False)]
    assert "no browser could be started: BROWSER='false' failed" in run.stderr
    assert not record.exists()  # no fallback to a text browser
    text = _open("attention", browser="false")
    assert text.returncode == 1
    assert URL in text.stdout
    assert "no browser could be started" in text.stderr


# 5. a copy with events from the future is refused


def test_merge_refuses_events_from_the_future(roadmap, progress_file, tmp_path) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    before = progress_file.read_bytes()
    copy = tmp_path / "laptop.json"
    assert roadmap("progress", "export", str(copy)).exit_code == 0
    data = json.loads(copy.read_text(encoding="utf-8"))
    data["events"].append(
        {"id": "future-1", "at": "2099-11-30T10:00:00Z", "topic": "attention", "status": "done"}
    )
    data["events"].append(
        {"id": "future-2", "at": "2100-01-02T10:00:00Z", "topic": "ddpm", "status": "done"}
    )
    copy.write_text(json.dumps(data), encoding="utf-8")
    run = roadmap("progress", "merge", str(copy))
    assert run.exit_code == 1
    assert run.stdout == ""
    message = _flat(run.stderr)
    assert str(copy) in message
    assert "2 events dated in the future (the first on 2099-11-30)" in message
    assert "check that machine's clock" in message
    assert progress_file.read_bytes() == before
    assert roadmap("show", "attention", "--json").json()["topic"]["status"] == "todo"


def test_merge_accepts_events_a_few_hours_ahead(roadmap, progress_file, tmp_path) -> None:
    from roadmap_cli.progress.events import format_time
    from roadmap_cli.support.clock import now_utc

    copy = tmp_path / "laptop.json"
    ahead = format_time(now_utc() + timedelta(hours=20))
    event = {"id": "ahead-1", "at": ahead, "topic": "attention", "status": "done"}
    copy.write_text(
        json.dumps({"schema": 1, "roadmap": "relearn-ai", "events": [event]}), encoding="utf-8"
    )
    run = roadmap("progress", "merge", str(copy))
    assert run.exit_code == 0, run.stderr
    assert "1 new event" in run.stdout


# 6. export - prints the copy on stdout


def test_export_dash_writes_the_document_to_stdout(roadmap, progress_file, tmp_path) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    for extra in ([], ["--json"]):
        run = roadmap("progress", "export", "-", *extra)
        assert run.exit_code == 0, run.stderr
        assert run.stderr == ""
        assert run.stdout == progress_file.read_text(encoding="utf-8")
        assert json.loads(run.stdout)["events"][0]["topic"] == "dl-theory"
    assert not Path("-").exists()
    assert not (tmp_path / "-").exists()


# 7. restore refuses to roll back a readable file unless --force


def test_restore_refuses_a_readable_file_without_force(roadmap, progress_file) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    assert roadmap("done", "dl-code").exit_code == 0
    current = progress_file.read_bytes()
    run = roadmap("progress", "restore")
    assert run.exit_code == 1
    assert run.stdout == ""
    message = _flat(run.stderr)
    assert "the progress file is readable" in message
    assert "--force" in message and "keeping it as a backup" in message
    assert progress_file.read_bytes() == current
    forced = roadmap("progress", "restore", "--force")
    assert forced.exit_code == 0, forced.stderr
    assert [e["topic"] for e in json.loads(progress_file.read_text("utf-8"))["events"]] == [
        "dl-theory"
    ]


def test_restore_calls_a_newer_file_newer_not_damaged(roadmap, progress_file) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    assert roadmap("done", "dl-code").exit_code == 0
    newer = {"schema": 99, "roadmap": "relearn-ai", "events": []}
    progress_file.write_text(json.dumps(newer), encoding="utf-8")
    run = roadmap("progress", "restore")
    assert run.exit_code == 1
    assert "written by a newer roadmap-cli" in _flat(run.stderr)
    assert "damaged" not in run.stderr
    assert json.loads(progress_file.read_text("utf-8")) == newer
    forced = roadmap("progress", "restore", "--force")
    assert forced.exit_code == 0, forced.stderr
    assert "The unreadable file was kept as" in _flat(forced.stdout)
    assert "damaged file" not in forced.stdout
