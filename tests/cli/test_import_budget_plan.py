"""What each command must not import when a plan exists (plan, next, report, log): icalendar
only on the calendar path. Each row runs the command in a fresh interpreter and lists the
top-level packages it loaded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

_PROBE = """
import json, sys
out, args = sys.argv[1], sys.argv[2:]
sys.argv = ["roadmap", *args]
from roadmap_cli.cli.entry import main
try:
    main()
except SystemExit:
    pass
with open(out, "w") as handle:
    json.dump(sorted({name.split(".")[0] for name in sys.modules}), handle)
"""

#: (command, packages it must not import)
BUDGET: list[tuple[list[str], set[str]]] = [
    (["next"], {"icalendar"}),
    (["next", "--json"], {"icalendar", "rich"}),
    (["report"], {"icalendar"}),
    (["plan"], {"icalendar"}),
    (["plan", "--json"], {"icalendar", "rich"}),
    (["log", "numpy", "30m", "--json"], {"icalendar", "rich"}),
]


def _loaded(args: list[str], tmp_path: Path) -> set[str]:
    out = tmp_path / "modules.json"
    subprocess.run(
        [sys.executable, "-c", _PROBE, str(out), *args],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return set(json.loads(out.read_text(encoding="utf-8")))


@pytest.mark.parametrize(("args", "forbidden"), BUDGET, ids=[" ".join(a) for a, _ in BUDGET])
def test_command_does_not_import(
    args: list[str], forbidden: set[str], tmp_path: Path, progress_file: Path
) -> None:
    # a plan exists, so the plan's code paths run
    plan = {"by": "2099-12-31", "from": "2026-11-30", "weekly": None, "hours": None}
    event = {"id": "019ad0b1c2e0-3f2a9c1b", "at": "2026-11-30T12:00:00Z", "plan": plan}
    progress_file.parent.mkdir(parents=True, exist_ok=True)
    progress_file.write_text(
        json.dumps({"schema": 1, "roadmap": "relearn-ai", "events": [event]}), encoding="utf-8"
    )
    assert _loaded(args, tmp_path) & forbidden == set()


def test_the_calendar_path_does_import_icalendar(tmp_path: Path) -> None:
    """The probe sees imports: writing a calendar loads icalendar."""
    loaded = _loaded(["plan", "--by", "2099-12-31", "--ics", str(tmp_path / "p.ics")], tmp_path)
    assert "icalendar" in loaded
