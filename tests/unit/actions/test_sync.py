"""The pieces of 'roadmap sync': git's failures told apart, the set-up written once, the
driver command."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from roadmap_cli.actions.merge_driver import merge_driver
from roadmap_cli.actions.sync_git import _set_up, driver_command
from roadmap_cli.actions.sync_remote import _network_error
from roadmap_cli.errors import ProgressFileError
from roadmap_cli.support.git import GitOutput


def _out(stderr: str) -> GitOutput:
    return GitOutput(("fetch",), 128, "", stderr)


@pytest.mark.parametrize(
    ("stderr", "kind"),
    [
        ("fatal: could not read Username for 'https://x': terminal prompts disabled", "auth"),
        (
            "git@github.com: Permission denied (publickey).\nfatal: Could not read from remote",
            "auth",
        ),
        ("remote: Invalid username or password.\nfatal: Authentication failed for 'x'", "auth"),
        ("fatal: unable to access 'https://x/': Could not resolve host: x", "network"),
        ("ssh: connect to host x port 22: Connection refused", "network"),
        ("fatal: '/nowhere.git' does not appear to be a git repository", "missing"),
        ("remote: Repository not found.", "missing"),
        ("fatal: the remote end hung up unexpectedly", "other"),
    ],
)
def test_failures_are_told_apart(stderr: str, kind: str) -> None:
    error = _network_error("fetch from", "origin", "URL", _out(stderr))
    expected = {
        "auth": "authentication failed",
        "network": "network failure",
        "missing": "no repository there",
        "other": "hung up unexpectedly",
    }[kind]
    assert expected in error.message
    assert error.message.startswith("could not fetch from origin (URL)")
    assert error.hint is not None and "committed locally" in error.hint
    assert "\n" not in error.message


def test_set_up_writes_its_lines_once_keeping_the_learners(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "--quiet", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("notes/", encoding="utf-8")  # no final newline
    _set_up(tmp_path)
    first = (tmp_path / ".gitignore").read_text(encoding="utf-8")
    assert first.startswith("notes/\n") and "backups/\n" in first and "*.lock\n" in first
    attributes = (tmp_path / ".gitattributes").read_text(encoding="utf-8")
    assert "/*.json merge=roadmap\n" in attributes
    _set_up(tmp_path)
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == first
    assert (tmp_path / ".gitattributes").read_text(encoding="utf-8") == attributes
    driver = subprocess.run(
        ["git", "config", "merge.roadmap.driver"], cwd=tmp_path, capture_output=True, text=True
    ).stdout.strip()
    assert driver == driver_command()


def test_driver_command_names_this_python_absolutely() -> None:
    words = shlex.split(driver_command())
    assert words[0] == sys.executable and Path(words[0]).is_absolute()
    assert words[1:5] == ["-m", "roadmap_cli", "progress", "merge-driver"]
    assert words[5:] == ["%O", "%A", "%B", "%P"]


def test_driver_refuses_two_roadmaps(tmp_path: Path) -> None:
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    ours.write_text('{"schema": 1, "roadmap": "a", "events": []}', encoding="utf-8")
    theirs.write_text('{"schema": 1, "roadmap": "b", "events": []}', encoding="utf-8")
    before = ours.read_bytes()
    with pytest.raises(ProgressFileError, match="different roadmaps"):
        merge_driver(tmp_path / "none", ours, theirs, "a.json")
    assert ours.read_bytes() == before
