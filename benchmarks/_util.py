"""Shared helpers of the benchmark scripts: running the real ``roadmap`` console script as
a child process, timing it, reading its peak memory and the modules it imported, and
printing Markdown tables.

Nothing here imports ``roadmap_cli``: the benchmarks measure the installed console script
of a venv (``--venv``), exactly as a learner runs it.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "Run",
    "Sample",
    "Target",
    "Venv",
    "add_common_arguments",
    "base_env",
    "imported_modules",
    "machine_lines",
    "print_table",
    "print_targets",
    "run",
]


@dataclass(frozen=True)
class Venv:
    """The programs of one virtual environment: ``python`` and the ``roadmap`` script."""

    bin_dir: Path

    @property
    def python(self) -> str:
        """Path of the venv's interpreter."""
        for name in ("python", "python3"):
            candidate = self.bin_dir / name
            if candidate.exists():
                return str(candidate)
        return sys.executable

    @property
    def roadmap(self) -> str:
        """Path of the venv's ``roadmap`` console script.

        Raises:
            SystemExit: the venv has no ``roadmap`` script (the project is not installed).
        """
        script = self.bin_dir / "roadmap"
        if not script.exists():
            raise SystemExit(f"{script}: no roadmap script; pip install -e . into that venv")
        return str(script)


def add_common_arguments(parser: argparse.ArgumentParser, runs: int) -> None:
    """Add ``--venv DIR`` (a venv, or its bin dir; default: this interpreter's bin dir),
    ``--runs N`` (timed runs per case, default ``runs``) and ``--check`` (exit 1 when a
    target is missed) to ``parser``."""
    parser.add_argument(
        "--venv",
        type=Path,
        default=Path(sys.executable).parent,
        help="virtual environment (or its bin folder) whose roadmap script is measured; "
        "default: the bin folder of the interpreter running this script",
    )
    parser.add_argument("--runs", type=int, default=runs, help=f"timed runs per case ({runs})")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")


def venv_of(path: Path) -> Venv:
    """The :class:`Venv` for ``--venv``: a venv folder or its ``bin`` folder."""
    path = path.expanduser().absolute()
    return Venv(path / "bin" if (path / "bin").is_dir() else path)


def base_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment every measured run gets: ours, with ``ROADMAP_DATA_DIR`` set to
    ``data_dir`` and ``ROADMAP_CACHE_DIR`` to ``roadmap-cache`` beside it, plain output
    (``NO_COLOR``, 100 columns), UTC and a UTF-8 locale; no ``ROADMAP_FILE``, import
    profiling or ``PYTHONDONTWRITEBYTECODE`` inherited from the caller (the first run
    writes the bytecode caches every later run uses, as an installed package has)."""
    env = {
        k: v
        for k, v in os.environ.items()
        # bytecode is written and used as in any installed package
        if k not in ("ROADMAP_FILE", "PYTHONPROFILEIMPORTTIME", "ROADMAP_DEBUG")
        and k != "PYTHONDONTWRITEBYTECODE"
        and not k.startswith("_ROADMAP_COMPLETE")
    }
    env.update(
        ROADMAP_DATA_DIR=str(data_dir),
        ROADMAP_CACHE_DIR=str(data_dir.parent / "roadmap-cache"),
        NO_COLOR="1",
        COLUMNS="100",
        TZ="UTC",
        LANG="C.UTF-8",
        ROADMAP_LANG="en",
    )
    env.update(extra)
    return env


@dataclass(frozen=True)
class Run:
    """One finished child process: wall time (s), peak resident memory (MiB), exit status,
    its output, and the CPU time it used (user + system, s: unlike the wall time, hardly
    affected by other processes on a busy machine). For a program run in a terminal
    (``_terminal.run_in_terminal``), ``seconds`` is the time until its screen was drawn
    and ``exit_seconds`` the time until it exited; otherwise ``exit_seconds`` is None."""

    seconds: float
    max_rss_mib: float
    returncode: int
    stdout: bytes
    stderr: bytes
    cpu_seconds: float = 0.0
    exit_seconds: float | None = None


def run(argv: Sequence[str], env: Mapping[str, str], cwd: Path | None = None) -> Run:
    """Run ``argv`` to completion and measure it.

    The wall time spans process creation to exit. The peak RSS is the child's own
    ``ru_maxrss`` from ``wait4`` (Linux reports KiB). Output goes to temporary files, so a
    full pipe never stalls the child. (A full-screen program needs a terminal:
    ``_terminal.run_in_terminal``.)
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(argv), stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=dict(env), cwd=cwd
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        factor = 1024 if sys.platform != "darwin" else 1  # macOS reports bytes
        return Run(
            seconds,
            usage.ru_maxrss * factor / 2**20,
            proc.returncode,
            out.read(),
            err.read(),
            usage.ru_utime + usage.ru_stime,
        )


def run_ok(argv: Sequence[str], env: Mapping[str, str], what: str) -> Run:
    """:func:`run`, ending the benchmark (``SystemExit`` with ``what`` and the end of the
    child's stderr) when the command fails."""
    result = run(argv, env)
    if result.returncode:
        raise SystemExit(f"{what} failed ({result.returncode}):\n{result.stderr.decode()[-2000:]}")
    return result


def seed_progress(venv: Venv, data_dir: Path, ready: int = 4) -> list[str]:
    """Record a little progress in ``data_dir`` on the bundled roadmap: the first three
    ready topics done, the fourth started. Returns the ids of the next ``ready`` - 4
    topics that were ready (what a ``done`` run can mark).

    Raises:
        SystemExit: a seeding command failed (the message shows its stderr).
    """
    import json

    env = base_env(data_dir)
    first = run_ok([venv.roadmap, "next", "--json", "-n", str(ready)], env, "roadmap next --json")
    ids = [item["id"] for item in json.loads(first.stdout)["next"]]
    for argv in (["done", *ids[:3]], ["start", ids[3]]):
        run_ok([venv.roadmap, *argv], env, f"roadmap {' '.join(argv)}")
    return ids[4:]


def imported_modules(stderr: bytes) -> set[str]:
    """Top-level package names in ``python -X importtime`` output (stderr of a run with
    ``PYTHONPROFILEIMPORTTIME=1``): {"typer", "pydantic", …}."""
    names = set()
    for line in stderr.decode("utf-8", "replace").splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            name = line.rsplit("|", 1)[1].strip()
            if name != "imported package":
                names.add(name.split(".")[0])
    return names


@dataclass
class Sample:
    """Repeated runs of one benchmark case."""

    name: str
    runs: list[Run] = field(default_factory=list)

    @property
    def median(self) -> float:
        """Median wall time, seconds."""
        return statistics.median(r.seconds for r in self.runs)

    @property
    def best(self) -> float:
        """Fastest wall time, seconds."""
        return min(r.seconds for r in self.runs)

    @property
    def max_rss(self) -> float:
        """Largest peak RSS over the runs, MiB."""
        return max(r.max_rss_mib for r in self.runs)


def paired_ratio(ours: Sample, theirs: Sample) -> tuple[float, float]:
    """The median of the per-round ratios of two samples run in the same interleaved
    rounds: of wall time, and of CPU time (user + system; hardly affected by a busy
    machine)."""
    pairs = list(zip(ours.runs, theirs.runs, strict=True))
    wall = statistics.median(a.seconds / b.seconds for a, b in pairs)
    cpu = statistics.median(a.cpu_seconds / max(b.cpu_seconds, 1e-6) for a, b in pairs)
    return wall, cpu


@dataclass(frozen=True)
class Target:
    """One target: what it says, the measured value as shown, and whether it was met."""

    text: str
    measured: str
    met: bool


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Print a Markdown table (numbers right-aligned) on stdout."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    numeric = [all(r[i][:1].isdigit() for r in rows) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        padded = [
            c.rjust(w) if right else c.ljust(w)
            for c, w, right in zip(cells, widths, numeric, strict=True)
        ]
        return "| " + " | ".join(padded) + " |"

    print(line(headers))
    print(
        "|"
        + "|".join(
            "-" * (w + 1) + (":" if r else "-") for w, r in zip(widths, numeric, strict=True)
        )
        + "|"
    )
    for row in rows:
        print(line(row))


def print_targets(targets: Sequence[Target]) -> bool:
    """Print the targets as a table; return whether all were met."""
    print_table(
        ["target", "measured", "result"],
        [[t.text, t.measured, "pass" if t.met else "FAIL"] for t in targets],
    )
    return all(t.met for t in targets)


def machine_lines(venv: Venv) -> list[str]:
    """Lines describing where the benchmark ran: ``uname -a``, CPU model and count,
    Python, and the load average (other work on the machine skews the times)."""
    cpu = platform.processor() or "unknown CPU"
    try:
        for entry in Path("/proc/cpuinfo").read_text().splitlines():
            if entry.startswith("model name"):
                cpu = entry.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    version = subprocess.run(
        [venv.python, "-c", "import sys; print(sys.version.split()[0])"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    uname = subprocess.run(["uname", "-a"], capture_output=True, text=True, check=False)
    return [
        f"machine: {uname.stdout.strip() or ' '.join(platform.uname()).strip()}",
        f"cpu: {cpu}, {os.cpu_count()} logical CPUs",
        f"python: {version} ({venv.python})",
        "load average (1, 5, 15 min) at the end: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()),
    ]


def ms(seconds: float) -> str:
    """Seconds as milliseconds, for a table cell."""
    return f"{seconds * 1000:.0f}"
