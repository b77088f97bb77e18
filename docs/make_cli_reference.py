"""Write docs/cli.md, the CLI reference, from the ``--help`` of every command.

Run ``python docs/make_cli_reference.py`` after changing a command's help; a test
(tests/unit/test_cli_reference.py) fails while docs/cli.md is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from typer.main import get_command
from typer.testing import CliRunner

from roadmap_cli.cli.app import app

HEADER = """# CLI reference

Generated from `roadmap … --help` by `python docs/make_cli_reference.py`; do not edit by hand.
"""
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "LANG": "C.UTF-8"}


def command_paths() -> list[list[str]]:
    """Every command path (``[]`` for the top level, ``["progress", "merge"]``…), in help order."""
    paths: list[list[str]] = [[]]
    root = get_command(app)

    def walk(command: object, prefix: list[str]) -> None:
        commands = getattr(command, "commands", None)
        if not commands:
            return
        for name in command.list_commands(None):  # type: ignore[attr-defined]
            paths.append([*prefix, name])
            walk(commands[name], [*prefix, name])

    walk(root, [])
    return paths


def render() -> str:
    """The whole reference as Markdown."""
    runner = CliRunner()
    parts = [HEADER]
    for path in command_paths():
        result = runner.invoke(app, [*path, "--help"], env=ENV)
        if result.exit_code != 0:
            raise SystemExit(f"roadmap {' '.join(path)} --help failed: {result.stderr}")
        title = " ".join(["roadmap", *path])
        body = "\n".join(line.rstrip() for line in result.stdout.strip("\n").splitlines())
        parts.append(f"## `{title}`\n\n```text\n{body}\n```\n")
    return "\n".join(parts)


def main() -> None:
    """Write docs/cli.md next to this script."""
    target = Path(__file__).with_name("cli.md")
    target.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {target}\n")


if __name__ == "__main__":
    main()
