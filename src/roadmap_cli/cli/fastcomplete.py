"""TAB completion of topic and stage ids without starting the CLI framework.

Completing ``roadmap done fl<TAB>`` through typer means importing typer and building every
command (~70 ms on a 2-core machine); the answer itself needs only the ids in the roadmap
file. :func:`complete` answers the common cases directly from the environment the
completion scripts typer installs set (bash: ``COMP_WORDS`` / ``COMP_CWORD``; zsh:
``_TYPER_COMPLETE_ARGS``): a TOPIC argument of :data:`TOPIC_ARGS` or a STAGE argument of
:data:`STAGE_ARGS`, with no option among the words typed. Anything else (options, other
commands, other shells) is left to typer, which gives the same answers more slowly.
tests/unit/test_fastcomplete.py checks the answers against typer's for every command.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Mapping

__all__ = ["ROADMAP_ARGS", "STAGE_ARGS", "TOPIC_ARGS", "TOPIC_OR_STAGE_ARGS", "complete"]

#: Commands whose positional arguments complete topic ids: the positions (0-based) that
#: do, or None for every position (``done TOPIC…``).
TOPIC_ARGS: dict[str, int | None] = {
    "start": None,
    "done": None,
    "skip": None,
    "reset": None,
    "note": 0,
    "open": 0,
    "review": 0,
}
#: Commands whose positional arguments complete stage ids, as in :data:`TOPIC_ARGS`.
STAGE_ARGS: dict[str, int | None] = {"list": 0}
#: Commands whose positional arguments complete topic ids and then stage ids.
TOPIC_OR_STAGE_ARGS: dict[str, int | None] = {"show": 0}
#: Commands whose positional arguments complete roadmap ids (bundled and installed).
ROADMAP_ARGS: dict[str, int | None] = {"use": 0, "update": 0, "remove": 0}


def _words(env: Mapping[str, str]) -> tuple[str, list[str], str] | None:
    """``(shell, words before the cursor after the program name, word being typed)``."""
    shell = env.get("_ROADMAP_COMPLETE", "")
    try:
        if shell == "complete_bash":
            words = shlex.split(env["COMP_WORDS"])
            cword = int(env["COMP_CWORD"])
            typed = words[cword] if cword < len(words) else ""
            return shell, words[1:cword], typed
        if shell == "complete_zsh":
            line = env.get("_TYPER_COMPLETE_ARGS", "")
            words = shlex.split(line)[1:]
            if words and not line.endswith(" "):
                return shell, words[:-1], words[-1]
            return shell, words, ""
    except (KeyError, ValueError):
        return None
    return None


def _ids(kind: str, env: Mapping[str, str]) -> list[str]:
    from roadmap_cli.cli.complete import installed_ids, read_roadmap, stage_ids_of, topic_ids_of

    if kind == "roadmap":
        return installed_ids(env.get("ROADMAP_DATA_DIR") or None)
    data = read_roadmap(env.get("ROADMAP_FILE") or None, env.get("ROADMAP_DATA_DIR") or None)
    if kind == "topic":
        return topic_ids_of(data)
    if kind == "stage":
        return stage_ids_of(data)
    topics = topic_ids_of(data)
    return topics + [s for s in stage_ids_of(data) if s not in set(topics)]


def complete(env: Mapping[str, str] = os.environ) -> bool:
    """Print the completions for the command line in ``env`` and return True, or return
    False (printing nothing) when typer should answer instead."""
    parsed = _words(env)
    if parsed is None:
        return False
    shell, words, typed = parsed
    if not words or any(w.startswith("-") for w in [*words, typed]):
        return False
    command, positionals = words[0], len(words) - 1
    tables = (
        ("topic", TOPIC_ARGS),
        ("stage", STAGE_ARGS),
        ("both", TOPIC_OR_STAGE_ARGS),
        ("roadmap", ROADMAP_ARGS),
    )
    for kind, table in tables:
        if command in table:
            position = table[command]
            if position is not None and position != positionals:
                return False
            found = [i for i in _ids(kind, env) if i.startswith(typed)]
            print(_format(shell, found), flush=True)
            return True
    return False


def _format(shell: str, values: list[str]) -> str:
    """The candidates as typer's completion classes print them for ``shell``."""
    if shell == "complete_bash":
        return "\n".join(values)
    if not values:
        return "_files"

    def escape(s: str) -> str:
        return (
            s.replace('"', '""')
            .replace("'", "''")
            .replace("$", "\\$")
            .replace("`", "\\`")
            .replace(":", r"\\:")
        )

    quoted = "\n".join(f'"{escape(v)}"' for v in values)
    return f"_arguments '*: :(({quoted}))'"
