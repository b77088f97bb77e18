"""Import benchmark: ``roadmap import`` of generated awesome-lists and the shared documents.

Generates awesome-list Markdown files (a title, a badge, a table of contents, sections of
50 ``- [Tool N](https://github.com/…?utm_source=list) - Does thing N.`` items): one of
200 KB (issue 15: it must import in under 1 s), and ones with 2,000 and 20,000 links;
imports each with the real console script (``roadmap import FILE -o OUT``, a first import:
no earlier output to read), and
prints the median wall time; the shared example roadmaps beside the repository
(``../shared/``) are timed too when present. For the 200 KB list it also prints the time
of the import itself, in one process (without the interpreter's start-up)::

    python benchmarks/import_speed.py [--venv /work/venv] [--runs 3] [--check]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import (
    Sample,
    Target,
    add_common_arguments,
    base_env,
    machine_lines,
    ms,
    print_table,
    print_targets,
    run,
    venv_of,
)

#: Link counts of the generated lists.
SIZES = (2_000, 20_000)
PER_SECTION = 50
#: The import floor of the stack, measured in the same run (so a slow machine shows).
FLOOR = "import typer, rich.console, pydantic, platformdirs"

#: The 200 KB list must import faster than this, seconds (start-up included).
LIMIT_SECONDS = 1.0
#: Size of the list the limit applies to, bytes.
TARGET_BYTES = 200 * 1024
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def awesome_list(links: int) -> str:
    """An awesome-list Markdown document with ``links`` links in sections of 50."""
    sections = (links + PER_SECTION - 1) // PER_SECTION
    lines = [
        "# Awesome Tools",
        "",
        "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
    ]
    lines += ["", "## Contents", ""]
    lines += [f"- [Section {s}](#section-{s})" for s in range(sections)]
    for n in range(links):
        if n % PER_SECTION == 0:
            lines += ["", f"## Section {n // PER_SECTION}", "", "Tools of this kind.", ""]
        url = f"https://github.com/owner{n % 13}/tool-{n}?utm_source=list"
        lines.append(f"- [Tool {n}]({url}) - Does thing {n}.")
    return "\n".join(lines) + "\n"


def list_of_bytes(size: int) -> str:
    """The smallest generated awesome-list (in steps of 50 links) of at least ``size``
    bytes of UTF-8."""
    links = PER_SECTION
    while len(awesome_list(links).encode("utf-8")) < size:
        links += PER_SECTION
    return awesome_list(links)


def in_process_seconds(path: Path, runs: int) -> float:
    """The best time of ``run_import(path)`` in this process, seconds (after one warm-up
    run that imports the modules)."""
    import time

    try:
        from roadmap_cli.actions.import_ import run_import
    except ImportError:  # run by an interpreter without the package: not measured
        return float("nan")
    run_import(path)
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        run_import(path)
        best = min(best, time.perf_counter() - start)
    return best


def _cpu(sample: Sample) -> float:
    """Median CPU time (user + system) of the runs, seconds."""
    import statistics

    return statistics.median(run.cpu_seconds for run in sample.runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_common_arguments(parser, runs=3)
    args = parser.parse_args()
    venv = venv_of(args.venv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = base_env(folder / "data")
        cases: list[tuple[str, Path]] = []
        target = folder / "awesome-200k.md"
        target.write_text(list_of_bytes(TARGET_BYTES), "utf-8")
        cases.append((f"awesome list, {target.stat().st_size / 1024:.0f} KB", target))
        core = in_process_seconds(target, args.runs)
        for size in SIZES:
            path = folder / f"awesome-{size}.md"
            path.write_text(awesome_list(size), "utf-8")
            cases.append((f"awesome list, {size:,} links", path))
        examples = sorted((SHARED / "examples" / "markdown-roadmaps").glob("*.md"))
        for path in [SHARED / "source" / "ai-roadmap.zh.md", *examples]:
            if path.is_file():
                cases.append((path.name, path))
        samples = []
        floor = Sample("import floor")
        for _ in range(args.runs):
            floor.runs.append(run([venv.python, "-c", FLOOR], env))
        for name, path in cases:
            sample = Sample(name)
            out = folder / "out.toml"
            argv = [venv.roadmap, "import", str(path), "-o", str(out)]
            for _ in range(args.runs):
                out.unlink(missing_ok=True)  # a first import: no earlier file to read
                done = run(argv, env)
                if done.returncode != 0:
                    print(done.stderr.decode(errors="replace"), file=sys.stderr)
                    return 1
                sample.runs.append(done)
            samples.append(sample)
        again = Sample(f"{cases[0][0]}, re-import (--force)")
        out = folder / "again.toml"
        argv = [venv.roadmap, "import", str(target), "-o", str(out), "--force"]
        run(argv, env)  # the earlier output that each timed run reads and replaces
        for _ in range(args.runs):
            again.runs.append(run(argv, env))
        samples.insert(1, again)
    for line in machine_lines(venv):
        print(line)
    print()
    print_table(
        ["case", "median ms", "best ms", "median CPU ms", "× floor", "peak RSS MiB"],
        [
            [
                s.name,
                ms(s.median),
                ms(s.best),
                ms(_cpu(s)),
                f"{s.median / floor.median:.2f}",
                f"{s.max_rss:.0f}",
            ]
            for s in [floor, *samples]
        ],
    )
    print()
    print(f"{samples[0].name}: the import itself (one process, best): {core * 1000:.0f} ms")
    print()
    ok = print_targets(
        [
            Target(
                f"200 KB awesome-list under {LIMIT_SECONDS:.0f} s",
                f"{samples[0].median:.2f} s (CPU {_cpu(samples[0]):.2f} s)",
                samples[0].median < LIMIT_SECONDS,
            )
        ]
    )
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    raise SystemExit(main())
