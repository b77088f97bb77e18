"""'roadmap open TOPIC [--all | --index N]': hands http(s) URLs to webbrowser, honours
BROWSER, and prints the URLs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import webbrowser
from pathlib import Path

import pytest

ATTENTION = [
    "https://www.youtube.com/watch?v=ugWDIIOHtPA",
    "https://nlp.seas.harvard.edu/annotated-transformer/",
]


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """URLs handed to webbrowser.open in this test (no browser is started)."""
    urls: list[str] = []

    def fake_open(url: str, new: int = 0, autoraise: bool = True) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", fake_open)
    monkeypatch.delenv("BROWSER", raising=False)  # else only BROWSER's commands are tried
    return urls


def test_open_opens_first_resource_and_prints_its_url(roadmap, opened) -> None:
    run = roadmap("open", "attention")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    assert opened == ATTENTION[:1]
    assert "Opening Self-attention (attention)" in run.stdout
    assert ATTENTION[0] in run.stdout
    assert ATTENTION[1] not in run.stdout


def test_open_index_and_all(roadmap, opened) -> None:
    run = roadmap("open", "attention", "--index", "2")
    assert run.exit_code == 0, run.stderr
    assert opened == ATTENTION[1:]
    assert "2. article The Annotated Transformer" in run.stdout
    opened.clear()
    every = roadmap("open", "注意力机制", "--all", "--json")
    assert every.exit_code == 0, every.stderr
    assert opened == ATTENTION
    doc = every.json()
    assert doc["launched"] is True
    assert [(r["index"], r["url"], r["opened"]) for r in doc["resources"]] == [
        (1, ATTENTION[0], True),
        (2, ATTENTION[1], True),
    ]


def test_open_bad_index_or_both_options_exit_2(roadmap, opened) -> None:
    far = roadmap("open", "attention", "--index", "9")
    assert far.exit_code == 2
    assert far.stdout == ""
    assert "has 2 resources" in far.stderr
    both = roadmap("open", "attention", "--all", "--index", "1")
    assert both.exit_code == 2
    assert "exclude each other" in both.stderr
    assert opened == []


def test_open_topic_without_resources_exits_1(roadmap, opened, tmp_path: Path) -> None:
    # every topic of the bundled roadmap has a resource, so use a roadmap of one's own
    own = tmp_path / "own.toml"
    own.write_text(
        'schema = 1\nid = "own"\ntitle = "Own"\n'
        '[[stages]]\nid = "s"\ntitle = "Stage"\n'
        '[[stages.topics]]\nid = "bare"\ntitle = "Bare"\n',
        encoding="utf-8",
    )
    run = roadmap("--roadmap", str(own), "open", "bare")
    assert run.exit_code == 1
    assert run.stdout == ""
    assert "lists no resources" in run.stderr
    assert opened == []


def test_open_unknown_topic_exits_2(roadmap, opened) -> None:
    run = roadmap("open", "atention")
    assert run.exit_code == 2
    assert "did you mean attention" in run.stderr
    assert opened == []


def test_no_browser_only_prints(roadmap, opened) -> None:
    run = roadmap("open", "attention", "--all", "--no-browser")
    assert run.exit_code == 0, run.stderr
    assert opened == []
    assert run.stdout.startswith("Resources of Self-attention")
    assert all(url in run.stdout for url in ATTENTION)


def test_no_browser_available_exits_1_and_still_prints_url(roadmap, monkeypatch) -> None:
    monkeypatch.delenv("BROWSER", raising=False)
    monkeypatch.setattr(webbrowser, "open", lambda url, new=0, autoraise=True: False)
    run = roadmap("open", "attention")
    assert run.exit_code == 1
    assert ATTENTION[0] in run.stdout
    # said once, on stderr, with the URL (stdout may be redirected: no "URL above")
    assert "browser" not in run.stdout.lower()
    assert "roadmap: error: no browser could be started here" in run.stderr
    assert run.stderr.count("no browser") == 1
    assert f"open it yourself: {ATTENTION[0]}" in run.stderr


def test_browser_environment_variable_is_honoured(tmp_path: Path) -> None:
    record = tmp_path / "opened.txt"
    browser = tmp_path / "fake-browser"
    browser.write_text(
        f"#!{sys.executable}\nimport sys\nopen({str(record)!r}, 'a').write(sys.argv[1] + '\\n')\n"
    )
    browser.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["BROWSER"] = str(browser)
    run = subprocess.run(
        [sys.executable, "-m", "roadmap_cli", "open", "attention", "--index", "2"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert record.read_text().splitlines() == [ATTENTION[1]]
    assert ATTENTION[1] in run.stdout


# open --json stays one JSON document whatever the browser prints; BROWSER alone


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
