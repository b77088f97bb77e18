"""`roadmap show <TAB>` offers stage ids as well as topic ids, since show takes both."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    ("words", "cword"),
    [("roadmap show dif", "2"), ("roadmap --lang en show dif", "4")],  # fast path, typer path
)
def test_show_completes_stage_ids(words: str, cword: str) -> None:
    env = {**os.environ, "_ROADMAP_COMPLETE": "complete_bash", "COMP_WORDS": words}
    env["COMP_CWORD"] = cword
    code = "from roadmap_cli.cli.entry import main; main()"
    run = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["diffusion"]
