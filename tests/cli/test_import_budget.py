"""What each command may import: the console script ``roadmap`` run in a real process
with ``PYTHONPROFILEIMPORTTIME=1``, its imports read from that report. A dependency
upgrade or a stray top-level import cannot silently undo the start-up work: the hot forms
the fast path answers (``next``, ``list``, ``show``, ``search``, ``done``…) never import
typer, ``next --json`` needs neither pydantic nor rich, TAB completion neither typer nor
pydantic, a command that only reads never loads the write lock, and on Linux no command
on the hot path, reading or writing, pays for the standard and third-party modules a lock,
a temporary file, a hash or the user's folders would otherwise pull in (filelock, logging,
tempfile, hashlib, platformdirs: see support/locking.py, support/atomic.make_temp,
roadmap/cachekey.digest_hex, support/userdirs.py).

To budget a new dependency (fsrs, textual, icalendar, ...), add its module to the rows of
:data:`BUDGET` that must stay free of it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("roadmap")

#: A read-only command must not import these (they exist for writing).
WRITE_ONLY = frozenset({"filelock"})
#: Start-up costs the hot forms, reads and writes alike, do without on Linux (filelock
#: ~24 ms with logging and threading, tempfile ~4 ms, hashlib ~3 ms, platformdirs ~7 ms):
#: elsewhere the fallbacks import the libraries.
LEAN = (
    frozenset({"filelock", "logging", "tempfile", "hashlib", "platformdirs"})
    if sys.platform == "linux"
    else frozenset()
)
#: Only the command that needs it imports each of these (tui: textual; plan --ics: icalendar).
ONE_COMMAND = frozenset({"textual", "icalendar"})
#: TAB completion reads the ids from the roadmap cache's JSON entry (warm in these runs),
#: not the TOML, and makes no data class (dataclasses imports inspect, ast, dis...).
COMPLETION = frozenset({"tomllib", "dataclasses", "inspect"})
#: The everyday text commands print through render/console.py's own console, not rich
#: (only report's tables, the tui and prints it hands over load rich).
TEXT = frozenset({"rich"})
#: The hot forms the fast path answers (cli/fastpath.py) build no typer app: no typer, and
#: so no pydantic either.
FAST = frozenset({"typer", "pydantic"})


@dataclass(frozen=True)
class Budget:
    """One command line (``{mine}`` stands for a roadmap file of the learner's own) and
    the top-level modules it must not import (a module counts with all of its submodules)."""

    args: tuple[str, ...]
    forbidden: frozenset[str]
    env: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        name = " ".join(self.args) or self.env.get("COMP_WORDS", "?") + "<TAB>"
        return name + " (FORCE_COLOR)" if "FORCE_COLOR" in self.env else name


def _tab(line: str) -> dict[str, str]:
    """The environment bash's completion function gives the console script for ``line``
    with the cursor on its last word (see ``roadmap --install-completion``)."""
    return {
        "_ROADMAP_COMPLETE": "complete_bash",
        "COMP_WORDS": line,
        "COMP_CWORD": str(len(line.split(" ")) - 1),
    }


#: Every budget, one row per command line: the one table to extend.
BUDGET: list[Budget] = [
    # a done topic is in review, but before its first rating next counts it without fsrs
    Budget(
        ("next", "--json"), frozenset({"rich", "fsrs"}) | FAST | WRITE_ONLY | LEAN | ONE_COMMAND
    ),
    Budget(
        (),
        frozenset({"typer", "pydantic", "rich"}) | COMPLETION | WRITE_ONLY | ONE_COMMAND,
        _tab("roadmap done fl"),
    ),
    Budget(
        (),
        frozenset({"typer", "pydantic", "rich"}) | COMPLETION | WRITE_ONLY,
        _tab("roadmap show dif"),
    ),
    Budget(("next",), frozenset({"fsrs"}) | TEXT | FAST | WRITE_ONLY | LEAN | ONE_COMMAND),
    Budget(("next",), TEXT | FAST | WRITE_ONLY | LEAN, {"FORCE_COLOR": "1", "NO_COLOR": ""}),
    Budget(("--lang", "zh", "next", "-n", "2"), TEXT | FAST | WRITE_ONLY | LEAN | ONE_COMMAND),
    Budget(("list",), TEXT | FAST | WRITE_ONLY | LEAN | ONE_COMMAND),
    Budget(("list", "--json"), frozenset({"rich"}) | FAST | WRITE_ONLY | LEAN | ONE_COMMAND),
    Budget(("show", "numpy"), TEXT | FAST | WRITE_ONLY | LEAN),
    Budget(("show", "numpy", "--json"), frozenset({"rich"}) | FAST | WRITE_ONLY | LEAN),
    Budget(("skip", "seaborn"), TEXT | FAST | LEAN | ONE_COMMAND),
    # a write: the lock, the temporary file and the folders without their libraries
    Budget(("done", "pandas"), TEXT | FAST | LEAN | ONE_COMMAND),
    Budget(
        ("done", "matplotlib"), TEXT | FAST | LEAN, {"ROADMAP_DATA_DIR": "", "XDG_DATA_HOME": ""}
    ),
    Budget(("report",), WRITE_ONLY),
    Budget(("report", "--json"), WRITE_ONLY),
    Budget(("history",), TEXT | WRITE_ONLY),
    Budget(("search", "attention"), TEXT | FAST | WRITE_ONLY | LEAN),
    Budget(("search", "attention", "--json"), frozenset({"rich"}) | FAST | WRITE_ONLY | LEAN),
    Budget(("open", "attention", "--json"), WRITE_ONLY),
    Budget(("validate", "{mine}"), WRITE_ONLY),
    Budget(("doctor", "--json"), WRITE_ONLY),
    Budget(("paths",), WRITE_ONLY),
    Budget(("progress", "export", "-"), WRITE_ONLY),
]


def _environment(data: Path, cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("_ROADMAP", "COMP_"))}
    env.pop("_MINE", None)
    for name in ("ROADMAP_FILE", "ROADMAP_LANG", "PYTHONPROFILEIMPORTTIME", "ROADMAP_CONFIG_DIR"):
        env.pop(name, None)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env.pop(name, None)
    env.update(
        HOME=str(data.parent / "home"),  # the default folders (config, a row's data) there
        ROADMAP_DATA_DIR=str(data),
        ROADMAP_CACHE_DIR=str(cache),
        BROWSER="true",  # open hands the URL to a browser that does nothing
        NO_COLOR="1",
        COLUMNS="100",
        LANG="C.UTF-8",
    )
    return env


@pytest.fixture(scope="module")
def learner(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A data folder with some progress and a warm roadmap cache, as a learner has after
    the first command (a cold cache validates the roadmap, which needs pydantic)."""
    if not SCRIPT.is_file():
        pytest.fail(f"no console script {SCRIPT}: install the project (pip install -e .)")
    root = tmp_path_factory.mktemp("budget")
    env = _environment(root / "data", root / "cache")
    done = subprocess.run(
        [str(SCRIPT), "done", "numpy"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    mine = root / "mine.toml"
    init = subprocess.run(
        [str(SCRIPT), "init", str(mine)], env=env, capture_output=True, text=True, timeout=60
    )
    assert init.returncode == 0, init.stderr
    return {**env, "_MINE": str(mine)}


def _run(args: tuple[str, ...], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The console script run for ``args`` with Python's import-time report on."""
    return subprocess.run(
        [str(SCRIPT), *(arg.replace("{mine}", env["_MINE"]) for arg in args)],
        env={**env, "PYTHONPROFILEIMPORTTIME": "1"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )


def imported_modules(run: subprocess.CompletedProcess[str]) -> set[str]:
    """The modules a run of the console script imported, from the import-time report on
    its stderr."""
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout, "the command printed nothing"
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in run.stderr.splitlines()
        if line.startswith("import time:") and line.count("|") == 2
    }
    modules.discard("imported package")  # the report's header
    assert "roadmap_cli.cli.entry" in modules  # the report is there and is about roadmap
    return modules


@pytest.fixture(scope="module")
def runs(learner: dict[str, str]) -> dict[str, subprocess.CompletedProcess[str]]:
    """Every row of :data:`BUDGET` run once, two processes at a time (each is a separate
    interpreter: they do not share imports)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = pool.map(lambda b: _run(b.args, {**learner, **b.env}), BUDGET)
        return {budget.name: run for budget, run in zip(BUDGET, done, strict=True)}


@pytest.mark.parametrize("budget", BUDGET, ids=lambda b: b.name)
def test_command_stays_within_its_import_budget(
    budget: Budget, runs: dict[str, subprocess.CompletedProcess[str]]
) -> None:
    modules = imported_modules(runs[budget.name])
    over = sorted(m for m in modules if m.split(".")[0] in budget.forbidden)
    assert not over, f"roadmap {budget.name} imported {over}"


def test_the_budget_check_sees_what_a_command_imports(learner: dict[str, str]) -> None:
    """The check is not vacuous: a command that writes loads the write lock, the typer
    path loads typer, and report (a rich table) loads rich."""
    modules = imported_modules(_run(("note", "pandas", "a note"), learner))
    assert "typer" in {m.split(".")[0] for m in modules}
    assert "roadmap_cli.support.locking" in modules
    assert "rich" in {m.split(".")[0] for m in imported_modules(_run(("report",), learner))}
