"""The typer-free completion path answers exactly as typer's completion does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer.main

from roadmap_cli.cli.app import app
from roadmap_cli.cli.fastcomplete import STAGE_ARGS, TOPIC_ARGS, complete


def _typer_answer(
    env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: Any,
) -> str:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SystemExit) as done:
        command.main(args=[], prog_name="roadmap")
    assert done.value.code in (0, None)
    return str(capsys.readouterr().out)


def _fast_answer(env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> str | None:
    handled = complete({**env, "_ROADMAP_COMPLETE": env["_ROADMAP_COMPLETE"]})
    out = str(capsys.readouterr().out)
    if not handled:
        assert out == ""
        return None
    return out


def _bash(line: str) -> dict[str, str]:
    words = line.split(" ")
    return {
        "_ROADMAP_COMPLETE": "complete_bash",
        "COMP_WORDS": line,
        "COMP_CWORD": str(len(words) - 1),
    }


COMMANDS = sorted(getattr(typer.main.get_command(app), "commands", {}))


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("before", ["", "numpy ", "numpy pandas "])
@pytest.mark.parametrize("typed", ["", "f", "fl", "zz"])
def test_bash_answers_match_typer(
    command: str,
    before: str,
    typed: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    cli_command: Any,
) -> None:
    env = _bash(f"roadmap {command} {before}{typed}")
    fast = _fast_answer(env, capsys)
    if fast is not None:
        assert fast.rstrip("\n") == _typer_answer(env, monkeypatch, capsys, cli_command).rstrip(
            "\n"
        )


@pytest.mark.parametrize("line", ["roadmap done fl", "roadmap done ", "roadmap list f"])
def test_zsh_answers_match_typer(
    line: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    cli_command: Any,
) -> None:
    env = {"_ROADMAP_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line}
    fast = _fast_answer(env, capsys)
    assert fast is not None
    assert fast.rstrip("\n") == _typer_answer(env, monkeypatch, capsys, cli_command).rstrip("\n")


def test_the_common_cases_take_the_fast_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert _fast_answer(_bash("roadmap done fl"), capsys) == (
        "flash-attention\nflow-matching\nflow-matching-diffusion\n"
    )
    assert set(TOPIC_ARGS) | set(STAGE_ARGS) <= set(COMMANDS)


@pytest.mark.parametrize(
    "env",
    [
        _bash("roadmap --roadmap x.toml done fl"),
        _bash("roadmap done -m fl"),
        _bash("roadmap report fl"),
        _bash("roadmap note numpy fl"),
        _bash('roadmap done "fl'),
        {"_ROADMAP_COMPLETE": "complete_fish", "_TYPER_COMPLETE_ARGS": "roadmap done fl"},
    ],
)
def test_everything_else_is_left_to_typer(
    env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _fast_answer(env, capsys) is None


def test_roadmap_file_is_honoured(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text('[[stages]]\nid = "s"\n[[stages.topics]]\nid = "flux"\n', encoding="utf-8")
    env = {**_bash("roadmap done fl"), "ROADMAP_FILE": str(mine)}
    assert _fast_answer(env, capsys) == "flux\n"


def test_ids_come_from_the_roadmap_cache_when_it_has_the_file(tmp_path: Path) -> None:
    """With a cache entry for the file, completion reads the ids from its JSON (no TOML
    parse); without one, from the TOML; both give the roadmap's ids in order."""
    import json

    from roadmap_cli.cli.complete import read_roadmap, topic_ids_of
    from roadmap_cli.roadmap.bundled import bundled_roadmap_path
    from roadmap_cli.roadmap.cache import cache_dir, cache_key
    from roadmap_cli.roadmap.catalog import load_catalog

    path = bundled_roadmap_path()
    from_toml = topic_ids_of(read_roadmap(str(path), tmp_path))  # the cache is empty
    assert from_toml[:2] == ["dl-theory", "dl-code"] and len(from_toml) > 50
    load_catalog(path, cache_dir())  # as any command does: the entry is written
    entry = cache_dir() / f"roadmap-{cache_key(path.read_bytes())}.json"
    assert topic_ids_of(read_roadmap(str(path), tmp_path)) == from_toml
    from roadmap_cli.roadmap.cachekey import entry_bytes, read_entry

    stored = read_entry(entry)
    assert stored is not None
    stored["roadmap"]["stages"][0]["topics"][0]["id"] = "from-the-cache"
    entry.write_bytes(entry_bytes(stored))
    assert topic_ids_of(read_roadmap(str(path), tmp_path))[0] == "from-the-cache"
    entry.write_text(json.dumps(stored), encoding="utf-8")  # edited: the CRC-32 fails
    assert topic_ids_of(read_roadmap(str(path), tmp_path)) == from_toml
    entry.write_text("{damaged", encoding="utf-8")
    assert topic_ids_of(read_roadmap(str(path), tmp_path)) == from_toml
