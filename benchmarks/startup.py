"""Start-up benchmark: how long ``roadmap`` takes to answer on the bundled roadmap, what
it imports, and how much memory it uses.

Runs the real ``roadmap`` console script of a venv as child processes, interleaved with
two or three baselines: ``python -c pass``, the stack's import floor (``python -c "import
typer, rich.console, pydantic, platformdirs"``) and the standard-library minimum of ``next
--json`` (``stdlib_next.py``: the same output, checked before timing). Each round runs
every case once, in the same order; the first round is a discarded warm-up. Prints a
Markdown table of medians, ratios to the floor, CPU time, peak RSS and the heavy packages
each case imported, then the targets of issues 7 and 18 (and issue 19's against the
minimum) with pass/FAIL::

    python benchmarks/startup.py [--venv /work/venv] [--runs 21] [--check] [--only tui]

``--only TEXT`` (repeatable) measures only the cases whose name contains TEXT, with the
baselines they are judged against, and judges only their targets.

``roadmap tui`` runs in an 80x24 pseudo-terminal (:mod:`_terminal`) with
``ROADMAP_TUI_EXIT_AFTER_FIRST_FRAME=1``: the app quits once its first complete screen is
drawn (the tree with the suggested topic selected, its detail, the header and the footer's
keys). Its time is until that screen reached the terminal; the row "until exit" adds
Textual's shutdown. Its baseline is one process importing textual.app and the import
floor together. "Textual alone" (:mod:`tui_layout`) draws the same screen with fixed
text: what is left of roadmap tui's time beyond it is roadmap's own.

Progress lives in a temporary ``ROADMAP_DATA_DIR`` seeded with a few marks (three topics
done, one started); ``roadmap done`` gets a fresh copy of it on every run, so each run
really writes.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _terminal import run_in_terminal
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
    seed_progress,
    venv_of,
)

FLOOR = "import typer, rich.console, pydantic, platformdirs"
#: The standard-library minimum of ``next --json`` (same output) and the roadmap it reads.
STDLIB_NEXT = Path(__file__).resolve().parent / "stdlib_next.py"
BUNDLED = Path(__file__).resolve().parent.parent / "data" / "roadmap.toml"
TUI_FLOOR = f"{FLOOR}, textual.app"
TUI = "roadmap tui, first screen"
BASELINES = ("python -c pass", "import floor")
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
            TUI,
            [rm, "tui"],
            extra_env={"ROADMAP_TUI_EXIT_AFTER_FIRST_FRAME": "1"},
            tty=True,
        ),
        Case(
            "Textual alone, roadmap tui's screen",
            [venv.python, str(Path(__file__).resolve().parent / "tui_layout.py")],
            tty=True,
        ),
    ]


def chosen(all_cases: list[Case], only: list[str] | None) -> list[Case]:
    """The cases whose name contains one of ``only`` (all when None), with the baselines:
    ``python -c pass``, the import floor, and textual.app's floor for a terminal case."""
    if not only:
        return all_cases
    picked = {c.name for c in all_cases if any(text in c.name for text in only)}
    picked.update(BASELINES)
    if "roadmap next --json" in picked:
        picked.add("stdlib minimum of next --json")
    if any(c.tty for c in all_cases if c.name in picked):
        picked.add("import floor + textual.app")
    return [c for c in all_cases if c.name in picked]


def seed(venv: Venv, data_dir: Path) -> None:
    """Record a little progress in ``data_dir``: the first three ready topics done, the
    fourth started.

    Raises:
        SystemExit: a seeding command failed (the message shows its stderr).
    """
    seed_progress(venv, data_dir)


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
    result = run_in_terminal(case.argv, env) if case.tty else run(case.argv, env)
    if result.returncode:
        message = result.stderr.decode("utf-8", "replace")[-4000:]
        raise SystemExit(f"{case.name} failed ({result.returncode}):\n{message}")
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
    parser.add_argument(
        "--only",
        action="append",
        metavar="TEXT",
        help="measure only the cases whose name contains TEXT (repeatable), with their baselines",
    )
    args = parser.parse_args(argv)
    venv = venv_of(args.venv)
    all_cases = chosen(cases(venv), args.only)
    samples = {c.name: Sample(c.name) for c in all_cases}
    imports: dict[str, set[str]] = {}
    with tempfile.TemporaryDirectory(prefix="roadmap-bench-") as tmp:
        scratch = Path(tmp)
        seeded = scratch / "seeded"
        seeded.mkdir()
        seed(venv, seeded)
        make_synced(seeded, scratch)
        for case in (c for c in all_cases if c.extra_env == COMPLETION):
            completion = measure(case, seeded, scratch)
            if b"flash-attention" not in completion.stdout:
                raise SystemExit(f"completion printed no candidates: {completion.stdout!r}")
        names = {c.name for c in all_cases}
        if {"roadmap next --json", "stdlib minimum of next --json"} <= names:
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
    rows = dict(samples)
    for name, s in samples.items():  # a terminal program: also its time until it exited
        if s.runs[0].exit_seconds is not None:
            until_exit = [replace(r, seconds=r.exit_seconds or r.seconds) for r in s.runs]
            rows[f"{name}, until exit"] = Sample(name, until_exit)
    print_table(
        ["case", "median ms", "best ms", "× floor", "× pass", "CPU ms", "peak RSS MiB", "imports"],
        [
            [
                name,
                ms(s.median),
                ms(s.best),
                f"{s.median / floor:.2f}",
                f"{s.median / bare:.1f}",
                ms(statistics.median(r.cpu_seconds for r in s.runs)),
                f"{s.max_rss:.1f}",
                " ".join(h for h in HEAVY if h in imports[s.name]) or "-",
            ]
            for name, s in rows.items()
        ],
    )
    print()
    ok = print_targets(targets(samples, imports))
    return 0 if ok or not args.check else 1


def targets(samples: dict[str, Sample], imports: dict[str, set[str]]) -> list[Target]:
    """The start-up, completion and memory targets of issues 7 and 18, judged on the
    samples; a target whose cases were not measured (``--only``) is left out."""
    floor = samples["import floor"].median
    comp = "complete 'roadmap done fl<TAB>'"
    readers = [
        n for n in samples if n.startswith("roadmap ") and "done" not in n and "tui" not in n
    ]

    def have(*names: str) -> bool:
        return all(n in samples for n in names)

    def none_import(text: str, names: list[str], *modules: str) -> Target:
        offenders = [n for n in names if any(m in imports[n] for m in modules)]
        return Target(text, ", ".join(offenders) or "none do", not offenders)

    found: list[Target] = []
    if have("roadmap next"):
        nxt = samples["roadmap next"].median
        found.append(Target("roadmap next ≤ 1.3× floor", f"{nxt / floor:.2f}×", nxt <= 1.3 * floor))
    if have("roadmap next --json"):
        nxt_json = samples["roadmap next --json"].median
        found.append(
            Target("roadmap next --json < floor", f"{nxt_json / floor:.2f}×", nxt_json < floor)
        )
        rich = "rich" in imports["roadmap next --json"]
        found.append(
            Target("roadmap next --json imports no rich", "rich" if rich else "no rich", not rich)
        )
    if have("roadmap next --json", "stdlib minimum of next --json"):
        versus = paired_ratio(
            samples["roadmap next --json"], samples["stdlib minimum of next --json"]
        )
        found.append(
            Target(
                "roadmap next --json ≤ 2× the stdlib minimum (paired)",
                f"{versus[0]:.2f}× (CPU {versus[1]:.2f}×)",
                versus[0] <= 2,
            )
        )
    if readers:
        found.append(none_import("read-only commands import no filelock", readers, "filelock"))
    if have(comp):
        heavy = [m for m in ("pydantic", "rich") if m in imports[comp]]
        found.append(
            Target(
                "completion imports neither pydantic nor rich",
                " ".join(heavy) or "neither",
                not heavy,
            )
        )
    if have(comp, "roadmap next"):
        part = samples[comp].median / samples["roadmap next"].median
        found.append(Target("completion ≤ 0.5× roadmap next", f"{part:.2f}×", part <= 0.5))
    if have("roadmap next"):
        rss = samples["roadmap next"].max_rss
        found.append(Target("roadmap next peak RSS ≤ 60 MiB", f"{rss:.1f} MiB", rss <= 60))
    if have("roadmap next, git-synced folder"):
        synced = samples["roadmap next, git-synced folder"].median / floor
        found.append(
            Target("roadmap next, git-synced folder ≤ 1.3× floor", f"{synced:.2f}×", synced <= 1.3)
        )
    if have(TUI, "import floor + textual.app"):
        tui = samples[TUI].median / samples["import floor + textual.app"].median
        found.append(
            Target("roadmap tui first screen ≤ 2× (floor + textual.app)", f"{tui:.2f}×", tui <= 2)
        )
    checked = [n for n in (*readers, comp) if n in samples]
    if checked:
        found.append(none_import("next, list and completion import no textual", checked, "textual"))
    return found


if __name__ == "__main__":
    sys.exit(main())
