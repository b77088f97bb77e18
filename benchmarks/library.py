"""Library benchmark: does ``roadmap next`` stay fast with ten installed roadmaps?

Installs ten generated roadmaps (60 topics, 3 resources each; every third topic's paper is
shared by all of them; two topics done in each) with ``roadmap add`` into a
temporary data folder, then times child processes of the real ``roadmap`` console
script, interleaved with the import floor (``python -c "import typer, rich.console,
pydantic, platformdirs"``): ``next`` with an empty library, ``next`` with ten installed
(bundled roadmap in use, then an installed one in use; the done-elsewhere index warm),
``next`` right after a mark in another roadmap (one index entry rebuilt), ``roadmaps``
and TAB completion of ``roadmap use``. Prints a Markdown table of medians and the target
of issue 16::

    python benchmarks/library.py [--venv /work/venv] [--runs 15] [--check]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import (
    Run,
    Sample,
    Target,
    Venv,
    add_common_arguments,
    base_env,
    machine_lines,
    ms,
    print_table,
    print_targets,
    run,
    venv_of,
)

FLOOR = "import typer, rich.console, pydantic, platformdirs"
INSTALLED = 10
TOPICS = 60


def roadmap_text(number: int) -> str:
    """A generated roadmap ``lib-<number>``: 4 stages of 15 topics, 3 resources each."""
    lines = [
        "schema = 1",
        f'id = "lib-{number}"',
        f'title = "Generated roadmap {number}"',
        'language = "en"',
    ]
    for stage in range(4):
        lines += ["", "[[stages]]", f'id = "stage-{stage}"', f'title = "Stage {stage}"']
        for t in range(TOPICS // 4):
            n = stage * (TOPICS // 4) + t
            lines += ["", "[[stages.topics]]", f'id = "t-{n}"', f'title = "Topic {n}"']
            paper = n if n % 3 else 1000 + n  # every third topic: a paper all roadmaps share
            urls = [
                f"https://arxiv.org/abs/2401.{paper + number * 100 * (n % 3 != 0):05d}",
                f"https://example.org/r{number}/topic/{n}?utm_source=bench",
                f"https://www.youtube.com/watch?v=vid{number:02d}{n:06d}",
            ]
            for i, url in enumerate(urls):
                lines += [
                    "",
                    "[[stages.topics.resources]]",
                    f'title = "Resource {i}"',
                    f'url = "{url}"',
                    'kind = "article"',
                ]
    return "\n".join(lines) + "\n"


@dataclass
class Case:
    """One measured command line; ``touch`` marks a topic in another roadmap before
    each run (not timed), so its index entry is stale."""

    name: str
    argv: list[str]
    extra_env: dict[str, str] = field(default_factory=dict)
    library: bool = True
    touch: bool = False


def seed(venv: Venv, data: Path, scratch: Path) -> None:
    """Install the generated roadmaps in ``data`` and mark a few topics in each."""
    env = base_env(data, ROADMAP_CONFIG_DIR=str(scratch / "config"))
    for number in range(INSTALLED):
        source = scratch / f"lib-{number}.toml"
        source.write_text(roadmap_text(number), encoding="utf-8")
        for argv in (
            ["add", str(source)],
            ["--roadmap", f"lib-{number}", "done", f"t-{3 * number}", f"t-{3 * number + 3}"],
        ):
            result = run([venv.roadmap, *argv], env)
            if result.returncode:
                raise SystemExit(f"roadmap {' '.join(argv)} failed:\n{result.stderr.decode()}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return 1 with ``--check`` when the target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_common_arguments(parser, runs=15)
    args = parser.parse_args(argv)
    venv = venv_of(args.venv)
    rm = venv.roadmap
    cases = [
        Case("import floor", [venv.python, "-c", FLOOR]),
        Case("roadmap next, nothing installed", [rm, "next"], library=False),
        Case(f"roadmap next, {INSTALLED} installed", [rm, "next"]),
        Case(
            f"roadmap --roadmap lib-0 next, {INSTALLED} installed",
            [rm, "--roadmap", "lib-0", "next"],
        ),
        Case(
            "roadmap next after a mark elsewhere",
            [rm, "--roadmap", "lib-0", "next"],
            touch=True,
        ),
        Case(f"roadmap roadmaps, {INSTALLED + 1} roadmaps", [rm, "roadmaps"]),
        Case(
            "complete 'roadmap use <TAB>'",
            [rm],
            {"_ROADMAP_COMPLETE": "complete_bash", "COMP_WORDS": "roadmap use ", "COMP_CWORD": "2"},
        ),
    ]
    samples = {c.name: Sample(c.name) for c in cases}
    with tempfile.TemporaryDirectory(prefix="roadmap-bench-lib-") as tmp:
        scratch = Path(tmp)
        data, empty = scratch / "data", scratch / "empty"
        data.mkdir()
        empty.mkdir()
        seed(venv, data, scratch)
        toggle = ["done", "start"]

        def measure(case: Case) -> Run:
            env = base_env(
                data if case.library else empty,
                ROADMAP_CONFIG_DIR=str(scratch / "config"),
                **case.extra_env,
            )
            if case.touch:
                toggle.reverse()
                run([rm, "--roadmap", "lib-5", toggle[0], "t-1"], env)
            result = run(case.argv, env)
            if result.returncode:
                raise SystemExit(f"{case.name} failed:\n{result.stderr.decode()}")
            return result

        for case in cases:  # warm-up round, and a check that the hints are there
            measure(case)
        for _ in range(args.runs):
            for case in cases:
                samples[case.name].runs.append(measure(case))
        env = base_env(data, ROADMAP_CONFIG_DIR=str(scratch / "config"))
        hint = run([rm, "--roadmap", "lib-0", "show", "t-6"], env).stdout.decode()
        if "done in lib-1" not in hint:
            raise SystemExit(f"no done-elsewhere hint in:\n{hint}")

    floor = samples["import floor"].median
    print("\n".join(machine_lines(venv)))
    print(f"runs: {args.runs} per case, interleaved, after one warm-up round\n")
    print_table(
        ["case", "median ms", "best ms", "× floor"],
        [[n, ms(s.median), ms(s.best), f"{s.median / floor:.2f}"] for n, s in samples.items()],
    )
    print()
    lib = samples[f"roadmap --roadmap lib-0 next, {INSTALLED} installed"]
    bare = samples["roadmap next, nothing installed"]
    ok = print_targets(
        [
            Target(
                f"roadmap next with {INSTALLED} installed ≤ 1.3× floor",
                f"{lib.median / floor:.2f}×",
                lib.median <= 1.3 * floor,
            ),
            Target(
                "installed roadmaps add ≤ 10% to roadmap next",
                f"{lib.median / bare.median:.2f}×",
                lib.median <= 1.1 * bare.median,
            ),
        ]
    )
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
