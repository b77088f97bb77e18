"""The fast path (cli/fastpath.py) against typer: every command line it answers gives the
same stdout, stderr and exit status, byte for byte, as the typer app gives it
(``ROADMAP_FASTPATH=0``), on a learner's data, on no data, on a damaged progress file and
with a broken roadmap; every command line it must leave to typer, it leaves.

Each case runs the real console script twice in separate processes. A command that writes
(``done``…) runs each time on a fresh copy of the data folder, and the progress file it
leaves is compared too; in its output and file, event ids and the times of day ("now")
are the only things that may differ, so both are replaced by placeholders first.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from roadmap_cli.cli.fastpath import MARK_VERBS, recognise

SCRIPT = Path(sys.executable).with_name("roadmap")

STAGE = "llm-foundations"

#: Command lines the fast path answers ({bad}: an invalid roadmap file, {missing}: none).
ANSWERED: list[tuple[str, ...]] = [
    ("next",),
    ("next", "--json"),
    ("next", "-n", "3"),
    ("next", "-n3", "--json"),
    ("next", "--count", "1000", "--json"),
    ("next", "--count=2"),
    ("next", "--json", "--json", "-n", "007"),
    ("list",),
    ("list", "--json"),
    ("list", "-s", "done"),
    ("list", "-sin_progress", "--json"),
    ("list", "--status", "todo"),
    ("list", "--status=skipped", "--json"),
    ("list", STAGE),
    ("list", "--status", "todo", STAGE, "--json"),
    ("list", "llm-f"),
    ("list", "no-such-stage"),
    ("list", ""),
    ("show", "numpy"),
    ("show", "numpy", "--json"),
    ("show", "--json", "attention"),
    ("show", STAGE),
    ("show", STAGE, "--json"),
    ("show", "NumPy"),
    ("show", "注意力机制"),
    ("show", "no-such-topic"),
    ("show", "no-such-topic", "--json"),
    ("show", ""),
    ("search", "attention"),
    ("search", "attention", "--json"),
    ("search", "--json", "arxiv.org", "diffusion"),
    ("search", "扩散"),
    ("search", "zzz-nothing-matches"),
    ("search", ""),
    ("--lang", "zh", "next"),
    ("--lang", "zh", "next", "--json"),
    ("--lang=zh", "list"),
    ("--lang", "en", "show", "numpy"),
    ("--lang", "zh", "show", STAGE),
    ("--lang", "zh", "search", "attention"),
    ("--lang", "zh", "show", "no-such-topic"),
    ("--lang", "zh-CN", "list", "-s", "done"),
    ("--lang", "fr", "next"),
    ("--lang", "", "next"),
    ("--roadmap", "{bad}", "next"),
    ("--roadmap", "{bad}", "list", "--json"),
    ("--roadmap={missing}", "show", "numpy"),
    ("--roadmap", "no-such-roadmap-id", "next"),
    ("--roadmap", "relearn-ai", "next"),
    ("--roadmap", "", "next"),
    ("--data-dir", "", "list"),
    ("--data-dir", "{other}", "next", "--json"),
    ("--lang", "zh", "--roadmap", "{bad}", "--data-dir", "{other}", "search", "x"),
    ("done", "dl-theory"),
    ("done", "dl-theory", "--json"),
    ("done", "numpy"),
    ("done", "numpy", "--json"),
    ("done", "dl-theory", "seaborn", "attention"),
    ("done", "注意力机制", "-m", "softmax, 再来一遍"),
    ("done", "-mfirst try", "dl-theory"),
    ("done", "dl-theory", "-m", ""),
    ("done", "dl-theory", "-d", "2026-11-01", "--json"),
    ("done", "numpy", "--date", "2026-11-01"),
    ("done", "dl-theory", "--date=yesterday"),
    ("done", "dl-theory", "-d", "2999-01-01"),
    ("done", "dl-theory", "-d", "garbage"),
    ("done", "no-such-topic"),
    ("done", "dl-theory", "no-such-topic"),
    ("start", "dl-code", "--note", "lecture 1"),
    ("start", "attention", "--json"),
    ("skip", "seaborn", "-d", "2026-11-02"),
    ("skip", "numpy", "--json"),
    ("reset", "attention"),
    ("reset", "dl-code", "--json"),
    ("--lang", "zh", "done", "dl-theory"),
    ("--lang", "zh", "skip", "no-such-topic"),
    ("--roadmap", "{bad}", "done", "numpy"),
]

#: Command lines the fast path leaves to typer (help, version, typer's own errors).
DECLINED: list[tuple[str, ...]] = [
    (),
    ("--help",),
    ("-h",),
    ("--version",),
    ("next", "--help"),
    ("next", "-h"),
    ("next", "-n", "0"),
    ("next", "-n", "1001"),
    ("next", "-n", "x"),
    ("next", "-n"),
    ("next", "-n", "2", "-n", "3"),
    ("next", "extra"),
    ("next", "--json=1"),
    ("next", "--lang", "zh"),
    ("next", "--"),
    ("list", "-s", "bogus"),
    ("list", "--status", "DONE"),
    ("list", "a", "b"),
    ("show",),
    ("show", "a", "b"),
    ("show", "-x"),
    ("search",),
    ("search", "--", "-x"),
    ("--lang", "zh", "--lang", "en", "next"),
    ("--roadmap", "--json", "next"),
    ("--json", "next"),
    ("undo",),
    ("report",),
    ("show", "tab\there"),
    ("done",),
    ("reset",),
    ("done", "numpy", "-m"),
    ("done", "numpy", "-m", "a", "--note", "b"),
    ("done", "numpy", "-m", "-5 minutes"),
    ("done", "numpy", "--when", "today"),
    ("history", "--limit", "2"),
    ("show", "\udcff"),
]


@dataclass(frozen=True)
class Case:
    """One command line in one situation (the environment's changes to the base)."""

    args: tuple[str, ...]
    situation: str = "learner"
    env: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        extra = " ".join(f"{k}={v}" for k, v in self.env.items())
        return f"[{self.situation}{' ' + extra if extra else ''}] " + " ".join(self.args)


CASES: list[Case] = [
    *(Case(args) for args in ANSWERED),
    *(Case(args, "empty") for args in ANSWERED[:40:3]),
    *(Case(args, "damaged") for args in ANSWERED[:40:4]),
    *(Case(args, situation) for args in ANSWERED[-24:-2:3] for situation in ("empty", "damaged")),
    Case(("next",), env={"ROADMAP_LANG": "zh"}),
    Case(("list", "--json"), env={"ROADMAP_LANG": "xx"}),
    Case(("--lang", "en", "next"), env={"ROADMAP_LANG": "xx"}),
    Case(("next",), env={"LANG": "zh_CN.UTF-8"}),
    Case(("next",), env={"ROADMAP_FILE": "{bad}"}),
    Case(("--roadmap", "relearn-ai", "list"), env={"ROADMAP_FILE": "{bad}"}),
    Case(("next",), env={"ROADMAP_FILE": ""}),
    Case(("next",), env={"ROADMAP_FILE": " "}),
    Case(("show", "numpy"), env={"TZ": "Nowhere/Zone"}),
    Case(("next", "--json"), env={"COLUMNS": "30"}),
    Case(("list",), env={"COLUMNS": "40", "LANG": "zh_CN.UTF-8"}),
    Case(("show", "numpy"), env={"PYTHONIOENCODING": "ascii"}),
    Case(("--lang", "zh", "list"), env={"PYTHONIOENCODING": "latin-1"}),
]


#: What may differ between two runs of a command that writes: event ids, times of day.
_VARIES = re.compile(rb"[0-9a-f]{12}-[0-9a-f]{8}|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z")

Outcome = tuple[int, bytes, bytes, bytes]


def _run(case: Case, folders: dict[str, Path], base: dict[str, str], fast: bool) -> Outcome:
    """Exit status, stdout and stderr of one run, and the progress file it leaves (for a
    command that writes, run on a fresh copy of the data; varying parts replaced)."""

    def fill(text: str) -> str:
        return text.format(**{k: str(v) for k, v in folders.items()})

    data = folders[case.situation]
    writes = any(word in MARK_VERBS for word in case.args)
    if writes:
        fresh = Path(tempfile.mkdtemp(dir=data.parent))
        data = Path(shutil.copytree(data, fresh / "data"))
    env = {**base, "ROADMAP_DATA_DIR": str(data)}
    env.update({k: fill(v) for k, v in case.env.items()})
    env["ROADMAP_FASTPATH"] = "1" if fast else "0"
    done = subprocess.run(
        [str(SCRIPT), *(fill(arg) for arg in case.args)],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=120,
        check=False,
    )
    if not writes:
        return done.returncode, done.stdout, done.stderr, b""
    left = data / "relearn-ai.json"
    kept = left.read_bytes() if left.exists() else b""

    def same(text: bytes) -> bytes:
        return _VARIES.sub(b"<varies>", text.replace(bytes(data), b"<data>"))

    return done.returncode, same(done.stdout), same(done.stderr), same(kept)


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A learner's data folder (marks and a note), an empty one, one whose progress file
    is damaged, another learner's, a roadmap file that does not validate, and a path
    where there is none."""
    if not SCRIPT.is_file():
        pytest.fail(f"no console script {SCRIPT}: install the project (pip install -e .)")
    root = tmp_path_factory.mktemp("fastpath")
    made = {name: root / name for name in ("learner", "empty", "damaged", "other")}
    for folder in made.values():
        folder.mkdir()
    env = {**os.environ, "ROADMAP_DATA_DIR": str(made["learner"])}
    for argv in (
        ["done", "numpy", "pandas"],
        ["start", "attention"],
        ["skip", "llm-survey"],
        ["note", "attention", "softmax 注意"],
    ):
        subprocess.run([str(SCRIPT), *argv], env=env, check=True, capture_output=True)
    (made["damaged"] / "relearn-ai.json").write_text('{"schema": 1, "events": [', "utf-8")
    (made["other"] / "relearn-ai.json").write_text('{"schema": 1, "events": []}', "utf-8")
    bad = root / "bad.toml"
    bad.write_text('[roadmap]\nid = "Bad Id"\n[[stages]]\n', "utf-8")
    return {**made, "bad": bad, "missing": root / "missing.toml"}


@pytest.fixture(scope="module")
def base_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment both ways share: no colour, fixed width and locale, own folders."""
    root = tmp_path_factory.mktemp("fastpath-env")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("_ROADMAP", "COMP_"))}
    for name in ("ROADMAP_FILE", "ROADMAP_LANG", "LC_ALL", "LC_MESSAGES", "ROADMAP_DEBUG"):
        env.pop(name, None)
    env.update(
        ROADMAP_CACHE_DIR=str(root / "cache"),
        ROADMAP_CONFIG_DIR=str(root / "config"),
        NO_COLOR="1",
        COLUMNS="100",
        LANG="C.UTF-8",
        TZ="UTC",
    )
    return env


@pytest.fixture(scope="module")
def outcomes(
    folders: dict[str, Path], base_env: dict[str, str]
) -> dict[str, tuple[Outcome, Outcome]]:
    """Every case run the fast way and the typer way, two processes at a time."""
    _run(Case(("next",)), folders, base_env, fast=False)  # fill the roadmap cache first
    with ThreadPoolExecutor(max_workers=2) as pool:
        fast = pool.map(lambda c: _run(c, folders, base_env, True), CASES)
        slow = pool.map(lambda c: _run(c, folders, base_env, False), CASES)
        return {c.name: pair for c, pair in zip(CASES, zip(fast, slow, strict=True), strict=True)}


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_fast_path_answers_exactly_as_typer_does(
    case: Case, outcomes: dict[str, tuple[Outcome, Outcome]]
) -> None:
    (fast_code, fast_out, fast_err, fast_kept), (code, out, err, kept) = outcomes[case.name]
    assert fast_err.decode(errors="replace") == err.decode(errors="replace")
    assert fast_out.decode(errors="replace") == out.decode(errors="replace")
    assert (fast_out, fast_err, fast_code) == (out, err, code)
    assert fast_kept == kept


def test_the_table_covers_output_and_errors(
    outcomes: dict[str, tuple[Outcome, Outcome]],
) -> None:
    """The comparison is not vacuous: the answered forms include successes with output,
    usage errors (2) and data errors (1)."""
    codes = {outcomes[Case(args).name][0][0] for args in ANSWERED}
    assert {0, 1, 2} <= codes
    assert all(outcomes[Case(args).name][0][1] for args in ANSWERED[:10])


@pytest.mark.parametrize("args", ANSWERED, ids=" ".join)
def test_the_fast_path_recognises_the_hot_forms(args: tuple[str, ...]) -> None:
    assert recognise(args) is not None


@pytest.mark.parametrize("args", DECLINED, ids=" ".join)
def test_the_fast_path_leaves_everything_else_to_typer(args: tuple[str, ...]) -> None:
    assert recognise(args) is None
