"""Start-up benchmark: how long ``roadmap`` takes to answer on the bundled roadmap, what
it imports, and how much memory it uses.

Runs the real ``roadmap`` console script of a venv as child processes, interleaved with
three baselines: ``python -c pass``, the stack's import floor (``python -c "import typer,
rich.console, pydantic, platformdirs"``) and the standard-library minimum of ``next
--json`` (``stdlib_next.py``: the same output, checked before timing). Each round runs
every case once, in the same order; the first round is a discarded warm-up. Prints a
Markdown table of medians, ratios to the floor, peak RSS and the heavy packages each case
imported, then the targets of issue 7 (and issue 19's against the minimum) with
pass/FAIL::

    python benchmarks/startup.py [--venv /work/venv] [--runs 21] [--check]

Progress lives in a temporary ``ROADMAP_DATA_DIR`` seeded with a few marks (three topics
done, one started); ``roadmap done`` gets a fresh copy of it on every run, so each run
really writes.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import (
    Run,
    Sample,
    Target,
    Venv,
    add_common_arguments,
    base_env,
    imported_modules,
    machine_lines,
    ms,
    paired_ratio,
    print_table,
    print_targets,
    run,
    venv_of,
)

FLOOR = "import typer, rich.console, pydantic, platformdirs"
#: The standard-library minimum of ``next --json`` (same output) and the roadmap it reads.
STDLIB_NEXT = Path(__file__).resolve().parent / "stdlib_next.py"
BUNDLED = Path(__file__).resolve().parent.parent / "data" / "roadmap.toml"
TUI_FLOOR = f"{FLOOR}, textual.app"
HEAVY = ("typer", "rich", "pydantic", "filelock", "platformdirs", "textual")
COMPLETION = {
    "_ROADMAP_COMPLETE": "complete_bash",
    "COMP_WORDS": "roadmap done fl",
    "COMP_CWORD": "2",
}


@dataclass
class Case:
    """One measured command line. ``fresh`` cases get a fresh copy of the seeded data
    folder for every run (they write); ``cold`` cases an empty roadmap cache (the first run
    after installing or editing a roadmap); ``extra_env`` is added to the environment."""

    name: str
    argv: list[str]
    fresh: bool = False
    cold: bool = False
    extra_env: dict[str, str] | None = None
    synced: bool = False
    tty: bool = False


def cases(venv: Venv) -> list[Case]:
    """The baselines and the measured ``roadmap`` commands."""
    rm = venv.roadmap
    return [
        Case("python -c pass", [venv.python, "-c", "pass"]),
        Case("import floor", [venv.python, "-c", FLOOR]),
        Case("roadmap next", [rm, "next"]),
        Case("roadmap next --json", [rm, "next", "--json"]),
        Case("stdlib minimum of next --json", [venv.python, str(STDLIB_NEXT), str(BUNDLED)]),
        Case("roadmap --lang zh next", [rm, "--lang", "zh", "next"]),
        Case("roadmap next, empty roadmap cache", [rm, "next"], cold=True),
        Case("roadmap next, git-synced folder", [rm, "next"], synced=True),
        Case("roadmap list", [rm, "list"]),
        Case("roadmap list --json", [rm, "list", "--json"]),
        Case("roadmap done flash-attention", [rm, "done", "flash-attention"], fresh=True),
        Case("complete 'roadmap done fl<TAB>'", [rm], extra_env=COMPLETION),
        Case("import floor + textual.app", [venv.python, "-c", TUI_FLOOR]),
        Case(
            "roadmap tui, first frame",
            [rm, "tui"],
            extra_env={"ROADMAP_TUI_EXIT_AFTER_FIRST_FRAME": "1"},
            tty=True,
        ),
    ]


def seed(venv: Venv, data_dir: Path) -> None:
    """Record a little progress in ``data_dir``: the first three ready topics done, the
    fourth started.

    Raises:
        SystemExit: a seeding command failed (the message shows its stderr).
    """
    env = base_env(data_dir)
    first = run([venv.roadmap, "next", "--json", "-n", "4"], env)
    if first.returncode:
        raise SystemExit(f"roadmap next --json failed:\n{first.stderr.decode()}")
    ids = [item["id"] for item in json.loads(first.stdout)["next"]]
    for argv in (["done", *ids[:3]], ["start", ids[3]]):
        result = run([venv.roadmap, *argv], env)
        if result.returncode:
            raise SystemExit(f"roadmap {' '.join(argv)} failed:\n{result.stderr.decode()}")


def make_synced(seeded: Path, scratch: Path) -> Path:
    """A copy of the seeded data folder as ``roadmap sync --init`` leaves it: a git work
    tree with ``.gitattributes``, ``.gitignore``, a commit, backups and another roadmap's
    progress beside it (what the conflict-copy check lists on every command)."""
    synced = scratch / "synced"
    shutil.copytree(seeded, synced)
    (synced / "backups").mkdir(exist_ok=True)
    (synced / "rust.json").write_text('{"schema": 1, "roadmap": "rust", "events": []}\n')
    (synced / ".gitattributes").write_text("/*.json merge=roadmap\n")
    (synced / ".gitignore").write_text("*.lock\n.*.tmp\nbackups/\n")
    for argv in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "roadmap: 4 events"]):
        ident = ["-c", "user.name=bench", "-c", "user.email=bench@localhost"]
        done = run(["git", *ident, *argv], base_env(synced), cwd=synced)
        if done.returncode:
            raise SystemExit(f"git {argv[0]} failed:\n{done.stderr.decode()}")
    return synced


def measure(case: Case, seeded: Path, scratch: Path, **extra: str) -> Run:
    """Run ``case`` once against the seeded data (a fresh copy if it writes; the git-synced
    copy for ``synced`` cases)."""
    data = scratch / "synced" if case.synced else seeded
    if case.fresh:
        data = Path(tempfile.mkdtemp(dir=scratch))
        shutil.copytree(seeded, data, dirs_exist_ok=True)
    env = base_env(data, **(case.extra_env or {}), **extra)
    if case.cold:
        env["ROADMAP_CACHE_DIR"] = tempfile.mkdtemp(dir=scratch)
    result = run(case.argv, env, tty=case.tty)
    if result.returncode:
        raise SystemExit(f"{case.name} failed ({result.returncode}):\n{result.stderr.decode()}")
    if case.fresh:
        shutil.rmtree(data, ignore_errors=True)
    return result


def same_as_minimum(all_cases: list[Case], seeded: Path, scratch: Path) -> None:
    """Warn on stderr unless ``roadmap next --json`` and the standard-library minimum print
    the same bytes (then the ratio between them compares unlike work)."""
    by_name = {c.name: c for c in all_cases}
    real = measure(by_name["roadmap next --json"], seeded, scratch).stdout
    minimum = measure(by_name["stdlib minimum of next --json"], seeded, scratch).stdout
    if real != minimum:
        print("warning: stdlib_next.py prints other output than next --json", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return 1 with ``--check`` when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_common_arguments(parser, runs=21)
    args = parser.parse_args(argv)
    venv = venv_of(args.venv)
    all_cases = cases(venv)
    samples = {c.name: Sample(c.name) for c in all_cases}
    imports: dict[str, set[str]] = {}
    with tempfile.TemporaryDirectory(prefix="roadmap-bench-") as tmp:
        scratch = Path(tmp)
        seeded = scratch / "seeded"
        seeded.mkdir()
        seed(venv, seeded)
        make_synced(seeded, scratch)
        completion = measure(
            next(c for c in all_cases if c.extra_env == COMPLETION), seeded, scratch
        )
        if b"flash-attention" not in completion.stdout:
            raise SystemExit(f"completion printed no candidates: {completion.stdout!r}")
        same_as_minimum(all_cases, seeded, scratch)
        for case in all_cases:  # one import-profiled run each, also the warm-up
            profiled = measure(case, seeded, scratch, PYTHONPROFILEIMPORTTIME="1")
            imports[case.name] = imported_modules(profiled.stderr)
        for _ in range(args.runs):
            for case in all_cases:
                samples[case.name].runs.append(measure(case, seeded, scratch))

    floor = samples["import floor"].median
    bare = samples["python -c pass"].median
    print("\n".join(machine_lines(venv)))
    print(f"runs: {args.runs} per case, interleaved, after one warm-up round\n")
    print_table(
        ["case", "median ms", "best ms", "× floor", "× pass", "peak RSS MiB", "imports"],
        [
            [
                name,
                ms(s.median),
                ms(s.best),
                f"{s.median / floor:.2f}",
                f"{s.median / bare:.1f}",
                f"{s.max_rss:.1f}",
                " ".join(h for h in HEAVY if h in imports[name]) or "-",
            ]
            for name, s in samples.items()
        ],
    )
    print()
    ok = print_targets(targets(samples, imports))
    return 0 if ok or not args.check else 1


def targets(samples: dict[str, Sample], imports: dict[str, set[str]]) -> list[Target]:
    """The start-up, completion and memory targets of issue 7, judged on the samples."""
    floor = samples["import floor"].median
    nxt = samples["roadmap next"]
    nxt_json = samples["roadmap next --json"]
    versus_minimum = paired_ratio(nxt_json, samples["stdlib minimum of next --json"])
    comp_name = "complete 'roadmap done fl<TAB>'"
    comp = samples[comp_name]
    readers = [
        n for n in samples if n.startswith("roadmap ") and "done" not in n and "tui" not in n
    ]
    tui = samples["roadmap tui, first frame"]
    tui_floor = samples["import floor + textual.app"]

    def without(name: str, *modules: str) -> Callable[[], bool]:
        return lambda: not any(m in imports[name] for m in modules)

    return [
        Target(
            "roadmap next ≤ 1.3× floor", f"{nxt.median / floor:.2f}×", nxt.median <= 1.3 * floor
        ),
        Target(
            "roadmap next --json < floor",
            f"{nxt_json.median / floor:.2f}×",
            nxt_json.median < floor,
        ),
        Target(
            "roadmap next --json ≤ 2× the stdlib minimum (paired)",
            f"{versus_minimum[0]:.2f}× (CPU {versus_minimum[1]:.2f}×)",
            versus_minimum[0] <= 2,
        ),
        Target(
            "roadmap next --json imports no rich",
            "rich" if "rich" in imports["roadmap next --json"] else "no rich",
            without("roadmap next --json", "rich")(),
        ),
        Target(
            "read-only commands import no filelock",
            ", ".join(n for n in readers if "filelock" in imports[n]) or "none do",
            all(without(n, "filelock")() for n in readers),
        ),
        Target(
            "completion imports neither pydantic nor rich",
            " ".join(m for m in ("pydantic", "rich") if m in imports[comp_name]) or "neither",
            without(comp_name, "pydantic", "rich")(),
        ),
        Target(
            "completion ≤ 0.5× roadmap next",
            f"{comp.median / nxt.median:.2f}×",
            comp.median <= 0.5 * nxt.median,
        ),
        Target("roadmap next peak RSS ≤ 60 MiB", f"{nxt.max_rss:.1f} MiB", nxt.max_rss <= 60),
        Target(
            "roadmap next, git-synced folder ≤ 1.3× floor",
            f"{samples['roadmap next, git-synced folder'].median / floor:.2f}×",
            samples["roadmap next, git-synced folder"].median <= 1.3 * floor,
        ),
        Target(
            "roadmap tui first frame ≤ 2× (floor + textual.app)",
            f"{tui.median / tui_floor.median:.2f}×",
            tui.median <= 2 * tui_floor.median,
        ),
        Target(
            "next, list and completion import no textual",
            ", ".join(n for n in (*readers, comp_name) if "textual" in imports[n]) or "none do",
            all(without(n, "textual")() for n in (*readers, comp_name)),
        ),
    ]


if __name__ == "__main__":
    sys.exit(main())
