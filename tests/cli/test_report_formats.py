"""``roadmap report --format markdown|json|svg|html|text`` and ``--output FILE``."""

from __future__ import annotations

import json
import os
import re
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.builders import make_roadmap, resource, stage, topic

NOW = datetime(2026, 11, 30, 4, 0, tzinfo=UTC)


@pytest.fixture
def studied(roadmap, monkeypatch: pytest.MonkeyPatch):
    """Clock and zone pinned; dl-theory done, seaborn skipped, attention in progress."""
    import roadmap_cli.support.clock

    monkeypatch.setattr(roadmap_cli.support.clock, "now_utc", lambda: NOW)
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    for args in (
        ("done", "dl-theory", "--date", "2026-11-20"),
        ("skip", "seaborn"),
        ("start", "attention", "--date", "2026-11-25"),
    ):
        assert roadmap(*args).exit_code == 0
    return roadmap


def test_markdown_is_a_github_checklist_of_the_whole_roadmap(studied) -> None:
    run = studied("report", "--format", "markdown")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    md = run.stdout
    lines = md.splitlines()
    assert lines[0] == "# How I would relearn AI"
    # the author's struck-through aside under the title, in English, still struck
    assert lines[2] == "~~I wouldn't: better to learn front-end development and get a job~~"
    assert lines[4].startswith("Progress: **2/57 (4%)** — 1 done · 1 in progress · 1 skipped")
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == [
        "## Foundations",
        "## LLM foundations",
        "## Advanced LLM topics?",
        "## Extras",
        "## Diffusion models",
        "## Review",  # spaced review (roadmap review), after the stages
    ]
    dl_theory = "- [x] **Deep learning lectures \\(Hung-yi Lee\\)** (`dl-theory`) — done 2026-11-20"
    assert dl_theory in lines
    assert "- [x] ~~seaborn~~ (`seaborn`) — skipped" in lines
    assert "- [ ] Karpathy's Neural Networks: Zero to Hero (`zero-to-hero`) *(optional)*" in lines
    assert "- [ ] **Self-attention** (`attention`) — *in progress since 2026-11-25*" in lines
    assert "- [ ] Dive into Deep Learning (`dl-code`)" in lines
    topics = [line for line in lines if re.match(r"- \[[ x]\] ", line)]
    assert len(topics) == 57
    # the summary and the editor's note quoted under the topic, in the chosen language,
    # then the resources nested under it, as links
    start = lines.index(dl_theory)
    assert lines[start + 1].startswith("  > Called machine learning, it is really deep learning.")
    assert lines[start + 1].endswith("\\")  # a hard line break before the editor's note
    assert lines[start + 2].startswith('  > *Editor\'s note:* "Theory" in the source means')
    assert lines[start + 3] == (
        "  - [【機器學習2022】 - YouTube]"
        "(https://www.youtube.com/playlist?list=PLJV_el3uVTsPM2mM-OQzJXziCGJa8nJL8)"
    )
    assert "\x1b" not in md


def test_markdown_titles_in_chinese(studied) -> None:
    md = studied("--lang", "zh", "report", "--format", "markdown").stdout
    assert md.startswith("# 如果重学AI我会怎么学\n")
    assert "## 基础" in md
    assert "- [x] **深度学习理论** (`dl-theory`)" in md
    assert md.splitlines()[2] == "~~不学，不如学前端就业~~"
    assert "  > 名为机器学习实则是深度学习。" in md  # the author's words as written
    assert "  > Infra/MLsys：CUDA。~~独一家是吧~~\n" in md
    assert "Called machine learning" not in md


def test_markdown_escapes_special_characters(roadmap, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    paper = resource("https://example.org/a_(b)?q=<1>", "Paper [v2] (pdf)", "paper")
    make_roadmap(
        [stage("s", [topic("a", "a_b **c** `d` ~~e~~ | f", resources=[paper])], "Stage [one] <b>")],
        id="mine",
        title="My *roadmap* #1",
        path=mine,
    )
    run = roadmap("--roadmap", str(mine), "report", "--format", "markdown")
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == r"# My \*roadmap\* \#1"
    assert r"## Stage \[one\] \<b\>" in lines
    assert r"- [ ] a\_b \*\*c\*\* \`d\` \~\~e\~\~ \| f (`a`)" in lines
    assert r"  - [Paper \[v2\] \(pdf\)](https://example.org/a_%28b%29?q=%3C1%3E)" in lines


def test_json_format_equals_json_alias_and_lists_topics(studied) -> None:
    by_format = studied("report", "--format", "json")
    by_alias = studied("report", "--json")
    assert by_format.exit_code == by_alias.exit_code == 0
    assert by_format.stdout == by_alias.stdout
    doc = by_format.json()
    stage = doc["stages"][0]
    assert stage["id"] == "foundations"
    assert stage["required"]["total"] + stage["optional"]["total"] == stage["progress"]["total"]
    statuses = {t["id"]: t["status"] for t in stage["topics"]}
    assert statuses["dl-theory"] == "done" and statuses["seaborn"] == "skipped"
    assert doc["time_zone"] == "Asia/Shanghai"
    assert doc["activity"]["weeks"] == 16
    assert doc["pace"]["since"] == "2026-11-20T04:00:00Z"


@pytest.mark.parametrize(
    ("fmt", "start", "marker"),
    [
        ("svg", "<svg", "Self-attention"),
        ("html", "<!DOCTYPE html>", "Self-attention"),
        ("markdown", "# How I would relearn AI", "`attention`"),
        ("json", "{", '"attention"'),
        ("text", "How I would relearn AI", "Streak"),
    ],
)
def test_output_writes_the_file_and_keeps_stdout_clean(
    studied, tmp_path: Path, fmt: str, start: str, marker: str
) -> None:
    target = tmp_path / f"report.{fmt}"
    run = studied("report", "--format", fmt, "--output", str(target))
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    assert run.stderr == f"roadmap: wrote the report ({fmt}) to {target}\n"
    text = target.read_text(encoding="utf-8")
    assert text.lstrip().startswith(start)
    assert marker in text
    assert not list(tmp_path.glob(".report.*.tmp")), "temporary file left behind"


def test_svg_is_a_picture_of_the_report(studied, tmp_path: Path) -> None:
    target = tmp_path / "r.svg"
    assert studied("report", "-f", "svg", "-o", str(target)).exit_code == 0
    svg = target.read_text(encoding="utf-8")
    assert svg.rstrip().endswith("</svg>")
    assert "roadmap&#160;report&#160;·&#160;How&#160;I" in svg  # the window title
    assert "Activity&#160;·&#160;last&#160;16&#160;weeks" in svg
    assert "fill: #" in svg  # coloured even though NO_COLOR is set for the terminal


def test_svg_to_stdout_without_output(studied) -> None:
    run = studied("report", "--format", "svg")
    assert run.exit_code == 0
    assert run.stdout.startswith("<svg")
    assert run.stderr == ""


def test_text_file_has_no_escape_codes(studied, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    target = tmp_path / "r.txt"
    assert studied("report", "-o", str(target)).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "\x1b" not in text
    assert "Stages" in text and "Streak: 0 days now · longest 1 day" in text


def test_output_replaces_an_existing_file_keeping_its_mode(studied, tmp_path: Path) -> None:
    target = tmp_path / "progress.md"
    target.write_text("old\n")
    target.chmod(0o640)
    refused = studied("report", "-f", "markdown", "-o", str(target))
    assert refused.exit_code == 1
    assert "already exists" in refused.stderr and "--force" in refused.stderr
    assert refused.stdout == ""
    assert target.read_text() == "old\n"
    assert studied("report", "-f", "markdown", "-o", str(target), "--force").exit_code == 0
    assert target.read_text().startswith("# How I would relearn AI")
    assert target.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "fresh.md"
    assert studied("report", "-f", "markdown", "-o", str(fresh)).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask


def test_output_in_a_missing_folder_exits_1(studied, tmp_path: Path) -> None:
    target = tmp_path / "nope" / "r.svg"
    run = studied("report", "--format", "svg", "--output", str(target))
    assert run.exit_code == 1
    assert run.stdout == ""
    assert f"the folder {target.parent} does not exist" in run.stderr
    assert "hint:" in run.stderr and "Traceback" not in run.stderr
    assert not target.parent.exists()


def test_output_to_a_folder_exits_1(studied, tmp_path: Path) -> None:
    run = studied("report", "--output", str(tmp_path))
    assert run.exit_code == 1
    assert "is a folder" in run.stderr
    assert run.stdout == ""


def test_unknown_format_and_conflicting_json_exit_2(studied) -> None:
    bad = studied("report", "--format", "pdf")
    assert bad.exit_code == 2
    assert bad.stdout == ""
    assert "unknown format 'pdf'" in bad.stderr and "markdown" in bad.stderr
    clash = studied("report", "--json", "--format", "svg")
    assert clash.exit_code == 2
    assert "--json conflicts with --format svg" in clash.stderr
    assert studied("report", "--json", "--format", "json").exit_code == 0


def test_json_file_is_the_same_document(studied, tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    assert studied("report", "-f", "json", "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text()) == studied("report", "--json").json()


def test_output_never_writes_into_the_progress_folder(studied, _isolated: Path) -> None:
    progress = _isolated / "relearn-ai.json"
    before = progress.read_bytes()
    for args in (["--force"], []):
        run = studied("report", "-f", "markdown", "-o", str(progress), *args)
        assert run.exit_code == 1
        assert "is in your progress folder" in run.stderr
        assert run.stdout == ""
    assert progress.read_bytes() == before
    backup = studied("report", "-o", str(_isolated / "backups" / "x.txt"))
    assert backup.exit_code == 1
    assert studied("next").exit_code == 0


def test_output_never_replaces_a_special_file(studied, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    run = studied("report", "-f", "markdown", "-o", str(fifo), "--force")
    assert run.exit_code == 1
    assert "is not a regular file" in run.stderr
    assert run.stdout == ""
    assert fifo.is_fifo()


def test_output_dash_is_stdout(studied, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = studied("report", "-f", "markdown", "-o", "-")
    assert run.exit_code == 0
    assert run.stdout.startswith("# How I would relearn AI")
    assert not (tmp_path / "-").exists()
