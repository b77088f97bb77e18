"""The smaller findings of issue 11's trial, each through the CLI."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from roadmap_cli.support import clock


@pytest.fixture(autouse=True)
def pinned() -> Iterator[None]:
    clock.pin(datetime(2026, 12, 1, 16, 0, tzinfo=UTC))
    yield
    clock.pin(None)


def test_list_stage_header_shows_the_whole_roadmaps_numbers(roadmap) -> None:
    whole = roadmap("list").stdout.splitlines()[0]
    one = roadmap("list", "foundations").stdout.splitlines()[0]
    assert whole == one
    assert "0/57" in one


def test_report_says_one_completion_not_1_completions(roadmap) -> None:
    assert roadmap("done", "numpy").exit_code == 0
    said = " ".join(roadmap("report").stdout.split())
    assert "1 completion, note or review" in said
    assert "1 completions" not in said
    assert roadmap("note", "numpy", "more").exit_code == 0
    assert "2 completions, notes and reviews" in " ".join(roadmap("report").stdout.split())


def test_the_svg_report_loads_nothing_remote(roadmap, tmp_path: Path) -> None:
    out = tmp_path / "r.svg"
    assert roadmap("report", "--format", "svg", "-o", str(out)).exit_code == 0
    svg = out.read_text(encoding="utf-8")
    assert "@font-face" not in svg
    import re

    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", svg)  # local #ids only
    assert "cdn" not in svg.lower()


def test_import_with_the_bundled_id_is_refused_without_force(roadmap, tmp_path: Path) -> None:
    md = tmp_path / "x.md"
    md.write_text("# My AI\n\n## Basics\n\n- [numpy](https://numpy.org)\n", encoding="utf-8")
    out = tmp_path / "x.toml"
    run = roadmap("import", str(md), "--id", "relearn-ai", "-o", str(out))
    assert run.exit_code == 2
    assert "bundled roadmap's id" in run.stderr and "--force" in run.stderr
    assert not out.exists()
    assert (
        roadmap("import", str(md), "--id", "relearn-ai", "-o", str(out), "--force").exit_code == 0
    )
    assert (
        roadmap("import", str(md), "--id", "my-ai", "-o", str(tmp_path / "y.toml")).exit_code == 0
    )


def test_note_can_be_back_dated(roadmap) -> None:
    run = roadmap("note", "pandas", "--date", "2026-11-20", "read the docs", "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["note"]["at"] == "2026-11-20T12:00:00Z"
    bad = roadmap("note", "pandas", "--date", "tomorrowish", "x")
    assert bad.exit_code == 2
    assert "--date" in bad.stderr


def test_done_with_date_and_note_stamps_the_note_that_day(roadmap) -> None:
    assert roadmap("done", "ddpm", "--date", "2026-11-01", "-m", "ELBO by hand").exit_code == 0
    notes = roadmap("show", "ddpm", "--json").json()["topic"]["notes"]
    assert [n["at"] for n in notes] == ["2026-11-01T12:00:00Z"]
