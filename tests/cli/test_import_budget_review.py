"""What commands must not import: heavy libraries stay out of the commands that do not
need them (start-up time). Each case runs ``roadmap`` in a fresh interpreter and lists the
modules it loaded.

| run                                   | must not import |
|---------------------------------------|-----------------|
| ``next`` on an empty progress         | fsrs            |
| ``list``                              | fsrs            |
| TAB completion of a topic id (``done``, ``review``) | fsrs, rich, pydantic, typer |

``next`` imports ``fsrs`` only once a topic in review (done and not turned off) has been
rated, to count the reviews due (before its first rating a review falls due 3 days after
the completion, no FSRS needed); the last case checks that it does then (so the test can
fail).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

_PROBE = """
import json, sys
from roadmap_cli.cli.entry import main
try:
    main()
except SystemExit:
    pass
sys.__stderr__.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
"""


def _modules(args: list[str], data: Path, **env: str) -> set[str]:
    run = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        env={**os.environ, "ROADMAP_DATA_DIR": str(data), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    line = next(x for x in run.stderr.splitlines() if x.startswith("MODULES "))
    return set(json.loads(line[len("MODULES ") :]))


def _roots(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


BUDGET = [
    (["next"], {}, {"fsrs"}),
    (["list"], {}, {"fsrs"}),
    (
        [],
        {"_ROADMAP_COMPLETE": "complete_bash", "COMP_WORDS": "roadmap done fl", "COMP_CWORD": "2"},
        {"fsrs", "rich", "pydantic", "typer"},
    ),
    (
        [],
        {
            "_ROADMAP_COMPLETE": "complete_bash",
            "COMP_WORDS": "roadmap review att",
            "COMP_CWORD": "2",
        },
        {"fsrs", "rich", "pydantic", "typer"},
    ),
]


@pytest.mark.parametrize(("args", "env", "forbidden"), BUDGET)
def test_commands_stay_within_their_import_budget(
    tmp_path: Path, args: list[str], env: dict[str, str], forbidden: set[str]
) -> None:
    loaded = _roots(_modules(args, tmp_path, **env))
    assert not loaded & forbidden


def test_next_imports_fsrs_once_a_topic_in_review_is_rated(tmp_path: Path) -> None:
    def roadmap(*args: str) -> None:
        subprocess.run(
            [sys.executable, "-m", "roadmap_cli", *args],
            env={**os.environ, "ROADMAP_DATA_DIR": str(tmp_path)},
            capture_output=True,
            check=True,
            timeout=120,
        )

    roadmap("done", "attention")
    assert "fsrs" not in _roots(_modules(["next"], tmp_path))
    roadmap("review", "attention", "good")
    assert "fsrs" in _roots(_modules(["next"], tmp_path))
