"""Peer benchmark: ``roadmap`` beside the Python tools a learner might pick instead.

Times four everyday commands of ``roadmap`` against their nearest counterparts in two
popular Python command-line tools, on the same small workload (57 topics, a few of them
worked on), as paired, interleaved runs: each round runs every case once, in the same
order, so a busy machine slows both sides of a pair alike. Prints medians and the ratio
``roadmap / peer`` of each pair (the median of the per-round ratios)::

    roadmap next    vs  watson status   (what am I on now)
    roadmap report  vs  watson report   (what have I done)
    roadmap done X  vs  topydo do N     (record one thing as done; each run writes)
    roadmap list    vs  topydo ls       (the whole list)

Watson (PyPI ``td-watson``) and topydo live in a virtual environment of their own, never
the one measured: ``--install`` creates it (``--peers-venv``, default
``$XDG_CACHE_HOME/roadmap-bench/peers``) and installs pinned versions from PyPI; without
``--install`` an existing one is used. Every tool gets temporary folders for its data
(``WATSON_DIR``, topydo's ``-t``/``-d`` files, ``HOME``), so a learner's own data is never
read or touched::

    python benchmarks/peers.py --venv /work/venv --install --runs 21 [--check]

With ``--baseline V2`` (another venv, an earlier version of roadmap installed) each
roadmap command of that version runs in the same rounds too, right after this version's,
and a second table gives both against the same peer runs: before and after, same machine,
same run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import (
    Run,
    Target,
    Venv,
    add_common_arguments,
    base_env,
    machine_lines,
    ms,
    print_table,
    print_targets,
    run,
    seed_progress,
    venv_of,
)

#: The peers, pinned so results stay comparable between runs.
PEERS = ("td-watson==2.1.0", "topydo==0.16")
#: How many topics / tasks / projects the workload has (the bundled roadmap's count).
ITEMS = 57
#: Frames of past work Watson reports on (as many as roadmap has events below).
FRAMES = 9


def default_peers_venv() -> Path:
    """``$XDG_CACHE_HOME/roadmap-bench/peers`` (``~/.cache`` when unset)."""
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "roadmap-bench" / "peers"


def install_peers(folder: Path) -> Venv:
    """Create the peers' venv in ``folder`` (if absent) and install :data:`PEERS` into it.

    Raises:
        SystemExit: venv creation or pip failed (its output is shown).
    """
    if not (folder / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    pip = [str(folder / "bin" / "python"), "-m", "pip", "install", "-q", *PEERS]
    done = subprocess.run(pip, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"installing {' '.join(PEERS)} failed:\n{done.stderr[-2000:]}")
    return Venv(folder / "bin")


def peers_venv(folder: Path, install: bool) -> Venv:
    """The peers' venv, installed first with ``install``.

    Raises:
        SystemExit: no ``watson`` or ``topydo`` script there (run with ``--install``).
    """
    venv = install_peers(folder) if install else Venv(folder / "bin")
    for script in ("watson", "topydo"):
        if not (venv.bin_dir / script).exists():
            raise SystemExit(f"{venv.bin_dir / script}: missing; run with --install")
    return venv


@dataclass
class Workload:
    """The temporary folders each tool works in; ``fresh()`` copies one for a writing run."""

    root: Path
    roadmap_data: Path = field(init=False)
    watson_dir: Path = field(init=False)
    topydo_dir: Path = field(init=False)
    home: Path = field(init=False)

    def __post_init__(self) -> None:
        self.roadmap_data = self.root / "roadmap-data"
        self.watson_dir = self.root / "watson"
        self.topydo_dir = self.root / "topydo"
        self.home = self.root / "home"
        for folder in (self.roadmap_data, self.watson_dir, self.topydo_dir, self.home):
            folder.mkdir(parents=True)

    def fresh(self, folder: Path) -> Path:
        """A fresh copy of ``folder`` (for a run that writes), in the scratch area."""
        copy = Path(tempfile.mkdtemp(dir=self.root))
        shutil.copytree(folder, copy, dirs_exist_ok=True)
        return copy


def seed_roadmap(venv: Venv, work: Workload) -> list[str]:
    """Three topics done and one started on the bundled roadmap; returns the ids of the
    next ready topics (the first is what ``done`` marks).

    Raises:
        SystemExit: a seeding command failed.
    """
    return seed_progress(venv, work.roadmap_data, ready=6)


def seed_watson(work: Workload) -> None:
    """Watson's files: :data:`FRAMES` finished frames over the last days and a frame
    running now (``watson start``'s state), on projects named like topics."""
    now = int(time.time())
    frames = [
        [now - 86400 * (i + 1), now - 86400 * (i + 1) + 3600, f"topic-{i}", f"{i:032x}", [], now]
        for i in range(FRAMES)
    ]
    (work.watson_dir / "frames").write_text(json.dumps(frames), encoding="utf-8")
    state = {"project": "topic-9", "start": now - 600, "tags": []}
    (work.watson_dir / "state").write_text(json.dumps(state), encoding="utf-8")
    (work.watson_dir / "config").write_text("", encoding="utf-8")


def seed_topydo(work: Workload) -> None:
    """A todo.txt of :data:`ITEMS` tasks in projects, three already done."""
    lines = []
    for i in range(ITEMS):
        task = f"Study topic {i} +stage{i // 10} @learn"
        lines.append(f"x 2026-11-2{i % 9} {task}" if i < 3 else f"(B) {task}")
    (work.topydo_dir / "todo.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (work.topydo_dir / "done.txt").write_text("", encoding="utf-8")


@dataclass
class Case:
    """One measured command: ``argv`` and, for a writing command, which folder to copy
    afresh for every run (``fresh``; ``{dir}`` in argv and env is replaced by the copy)."""

    name: str
    argv: list[str]
    env: dict[str, str]
    fresh: Path | None = None


def make_cases(
    venv: Venv, peers: Venv, work: Workload, ready: list[str], baseline: Venv | None = None
) -> list[Case]:
    """The four pairs: roadmap commands and the peers' counterparts (and, with
    ``baseline``, the same roadmap commands of that venv, named ``before: roadmap …``)."""
    rm = venv.roadmap
    watson = str(peers.bin_dir / "watson")
    topydo = str(peers.bin_dir / "topydo")
    renv = base_env(work.roadmap_data)
    # a peer gets the same plain-output environment, its own HOME and no roadmap settings
    penv = base_env(work.roadmap_data, HOME=str(work.home))
    wenv = {**penv, "WATSON_DIR": str(work.watson_dir)}

    def topydo_argv(folder: str, *args: str) -> list[str]:
        return [topydo, "-t", f"{folder}/todo.txt", "-d", f"{folder}/done.txt", *args]

    cases = [
        Case("roadmap next", [rm, "next"], renv),
        Case("watson status", [watson, "status"], wenv),
        Case("roadmap report", [rm, "report"], renv),
        Case("watson report", [watson, "report"], wenv),
        Case("roadmap done", [rm, "done", ready[0]], renv, fresh=work.roadmap_data),
        Case("topydo do", topydo_argv("{dir}", "do", "5"), penv, fresh=work.topydo_dir),
        Case("roadmap list", [rm, "list"], renv),
        Case("topydo ls", topydo_argv(str(work.topydo_dir), "ls"), penv),
    ]
    if baseline is None:
        return cases
    out = []
    for case in cases:
        out.append(case)
        if case.name.startswith("roadmap"):
            argv = [baseline.roadmap, *case.argv[1:]]
            out.append(Case(f"before: {case.name}", argv, case.env, fresh=case.fresh))
    return out


PAIRS = (
    ("roadmap next", "watson status"),
    ("roadmap report", "watson report"),
    ("roadmap done", "topydo do"),
    ("roadmap list", "topydo ls"),
)


def measure(case: Case, work: Workload) -> Run:
    """Run ``case`` once (on a fresh copy of its data if it writes).

    Raises:
        SystemExit: the command failed (its stderr is shown).
    """
    argv, env = case.argv, dict(case.env)
    copy = None
    if case.fresh is not None:
        copy = work.fresh(case.fresh)
        argv = [a.replace("{dir}", str(copy)) for a in argv]
        if case.name.startswith(("roadmap", "before: roadmap")):
            env = base_env(copy)
    result = run(argv, env)
    if copy is not None:
        shutil.rmtree(copy, ignore_errors=True)
    if result.returncode:
        raise SystemExit(f"{case.name} failed ({result.returncode}):\n{result.stderr.decode()}")
    return result


def main(argv: list[str] | None = None) -> int:
    """Set up the workload, run the pairs; return 1 with ``--check`` when a target is
    missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_common_arguments(parser, runs=21)
    parser.add_argument(
        "--peers-venv",
        type=Path,
        default=default_peers_venv(),
        help="the peers' own virtual environment (default: %(default)s)",
    )
    parser.add_argument(
        "--install", action="store_true", help=f"create it and install {' '.join(PEERS)}"
    )
    parser.add_argument(
        "--baseline",
        help="another venv (an earlier roadmap) whose commands run in the same rounds",
    )
    args = parser.parse_args(argv)
    venv = venv_of(args.venv)
    baseline = venv_of(Path(args.baseline)) if args.baseline else None
    peers = peers_venv(args.peers_venv.expanduser().absolute(), args.install)
    times: dict[str, list[float]] = {}
    rss: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="roadmap-peers-") as tmp:
        work = Workload(Path(tmp))
        ready = seed_roadmap(venv, work)
        seed_watson(work)
        seed_topydo(work)
        cases = make_cases(venv, peers, work, ready, baseline)
        for case in cases:  # warm-up: bytecode caches, roadmap cache, page cache
            measure(case, work)
        for _ in range(args.runs):
            for case in cases:
                result = measure(case, work)
                times.setdefault(case.name, []).append(result.seconds)
                rss[case.name] = max(rss.get(case.name, 0.0), result.max_rss_mib)

    print("\n".join(machine_lines(venv)))
    version = subprocess.run(
        [peers.python, "-m", "pip", "list", "--format=freeze"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    pinned = [x for x in version.splitlines() if x.lower().startswith(("td-watson", "topydo"))]
    print(f"peers: {', '.join(pinned)} ({peers.python})")
    print(f"runs: {args.runs} rounds, interleaved, after one warm-up round\n")
    rows = []
    targets = []
    for ours, theirs in PAIRS:
        ratio = statistics.median(a / b for a, b in zip(times[ours], times[theirs], strict=True))
        rows.append(
            [
                f"{ours} / {theirs}",
                ms(statistics.median(times[ours])),
                ms(statistics.median(times[theirs])),
                f"{ratio:.2f}",
                f"{rss[ours]:.1f}",
                f"{rss[theirs]:.1f}",
            ]
        )
        if ours != "roadmap report":
            targets.append(Target(f"{ours} ≤ 1.0× {theirs}", f"{ratio:.2f}×", ratio <= 1.0))
    print_table(
        ["pair", "roadmap ms", "peer ms", "× (paired median)", "RSS MiB", "peer RSS MiB"], rows
    )
    print()
    if baseline is not None:
        print(f"before: {baseline.python}; after: {venv.python} (same rounds)\n")
        print_table(
            ["pair", "before ms", "after ms", "peer ms", "before ×", "after ×", "after/before"],
            [_before_after(times, ours, theirs) for ours, theirs in PAIRS],
        )
        print()
    ok = print_targets(targets)
    return 0 if ok or not args.check else 1


def _before_after(times: dict[str, list[float]], ours: str, theirs: str) -> list[str]:
    """One row of the before/after table: medians and paired-median ratios."""
    before, after, peer = times[f"before: {ours}"], times[ours], times[theirs]

    def paired(a: list[float], b: list[float]) -> str:
        return f"{statistics.median(x / y for x, y in zip(a, b, strict=True)):.2f}"

    return [
        f"{ours} / {theirs}",
        ms(statistics.median(before)),
        ms(statistics.median(after)),
        ms(statistics.median(peer)),
        paired(before, peer),
        paired(after, peer),
        paired(after, before),
    ]


if __name__ == "__main__":
    sys.exit(main())
