"""Import benchmark: ``roadmap import`` of generated awesome-lists and the shared documents.

Generates awesome-list Markdown files (a title, a badge, a table of contents, sections of
50 ``- [Tool N](https://github.com/…?utm_source=list) - Does thing N.`` items) with 2,000
and 20,000 links, imports each with the real console script (``roadmap import FILE -o
OUT --force``), and prints the median wall time; the shared example roadmaps beside the
repository (``../shared/``) are timed too when present, interleaved with the stack's import
floor (``python -c "import typer, rich.console, pydantic, platformdirs"``), so each time is
also printed as a multiple of the floor measured in the same run; and the peak memory. The
2,000-link list should import within a few seconds (issue 6)::

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
#: The 2,000-link list must import faster than this, seconds.
LIMIT_SECONDS = 3.0
FLOOR = "import typer, rich.console, pydantic, platformdirs"
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_common_arguments(parser, runs=3)
    args = parser.parse_args()
    venv = venv_of(args.venv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = base_env(folder / "data")
        cases: list[tuple[str, Path]] = []
        for size in SIZES:
            path = folder / f"awesome-{size}.md"
            path.write_text(awesome_list(size), "utf-8")
            cases.append((f"awesome list, {size:,} links", path))
        examples = sorted((SHARED / "examples" / "markdown-roadmaps").glob("*.md"))
        for path in [SHARED / "source" / "ai-roadmap.zh.md", *examples]:
            if path.is_file():
                cases.append((path.name, path))
        samples = [Sample(name) for name, _ in cases]
        floor = Sample("import floor")
        for _ in range(args.runs):  # interleaved rounds: floor, then every case
            floor.runs.append(run([venv.python, "-c", FLOOR], env))
            for sample, (_, path) in zip(samples, cases, strict=True):
                out = str(folder / "out.toml")
                done = run([venv.roadmap, "import", str(path), "-o", out, "--force"], env)
                if done.returncode != 0:
                    print(done.stderr.decode(errors="replace"), file=sys.stderr)
                    return 1
                sample.runs.append(done)
    for line in machine_lines(venv):
        print(line)
    print()
    print_table(
        ["case", "median ms", "best ms", "× floor", "peak RSS MiB"],
        [
            [s.name, ms(s.median), ms(s.best), f"{s.median / floor.median:.2f}", f"{s.max_rss:.0f}"]
            for s in [floor, *samples]
        ],
    )
    print()
    ok = print_targets(
        [
            Target(
                f"2,000 links under {LIMIT_SECONDS:.0f} s",
                f"{samples[0].median:.2f} s",
                samples[0].median < LIMIT_SECONDS,
            )
        ]
    )
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    raise SystemExit(main())
