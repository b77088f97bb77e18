"""roadmap review through the CLI: due topics, rating, forecast, retention, off/on,
interactive, errors; and review in next, report, history, show and undo. The clock is
pinned to 2026-12-06 09:00 UTC (TZ=UTC)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from roadmap_cli.support import clock

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _pinned() -> Iterator[None]:
    clock.pin(NOW)
    try:
        yield
    finally:
        clock.pin(None)


def test_nothing_in_review_yet(roadmap) -> None:
    run = roadmap("review")
    assert run.exit_code == 0, run.stderr
    assert "No topics in review yet." in run.stdout
    assert "mark it done" in run.stdout
    doc = roadmap("review", "--json").json()
    assert doc == {"today": "2026-12-06", "due": 0, "scheduled": 0, "topics": [], "next": None}


def test_a_done_topic_is_due_three_days_later(roadmap) -> None:
    roadmap("done", "attention", "--date", "2026-12-05")
    run = roadmap("review")
    assert "Nothing due for review today." in run.stdout
    assert "Next: Self-attention (attention) in 2 days, 2026-12-08" in run.stdout
    doc = roadmap("review", "--json").json()
    assert doc["due"] == 0 and doc["scheduled"] == 1
    assert doc["next"]["id"] == "attention" and doc["next"]["due_day"] == "2026-12-08"


def test_due_topics_most_overdue_first_with_prompt_notes_resource(roadmap) -> None:
    roadmap("done", "numpy", "--date", "2026-11-20", "--note", "broadcasting rules")
    roadmap("done", "attention", "--date", "2026-11-01")
    roadmap("done", "pandas", "--date", "2026-12-05")  # not due yet
    run = roadmap("review")
    assert run.exit_code == 0, run.stderr
    out = run.stdout
    assert out.index("(attention)") < out.index("(numpy)")
    assert "pandas" not in out
    assert "Explain Self-attention without looking, then check." in out
    assert "Your notes:" in out and "broadcasting rules" in out
    assert "https://" in out  # its first resource
    assert "not reviewed since done on 2026-11-01" in out
    assert "Rate it: roadmap review attention good" in out
    assert "2 topics due for review." in out
    assert "again (1) · hard (2) · good (3) · easy (4)" in out
    doc = roadmap("review", "--json").json()
    assert [t["id"] for t in doc["topics"]] == ["attention", "numpy"]
    first = doc["topics"][0]
    assert first["days_overdue"] == 32 and first["due_day"] == "2026-11-04"
    assert first["resource"]["url"].startswith("http")
    assert doc["topics"][1]["notes"][0]["text"] == "broadcasting rules"
    limited = roadmap("review", "--limit", "1")
    assert "showing 1; --limit N for more" in limited.stdout
    assert len(roadmap("review", "--limit", "1", "--json").json()["topics"]) == 1


def test_rating_prints_the_next_review(roadmap, progress_file: Path) -> None:
    roadmap("done", "attention", "--date", "2026-11-20")
    run = roadmap("review", "attention", "good")
    assert run.exit_code == 0, run.stderr
    assert "Reviewed Self-attention (attention): good" in run.stdout
    # 16 days after it was done and still recalled well: a long interval
    assert "next review in 30 days, 2027-01-05" in run.stdout
    events = json.loads(progress_file.read_text())["events"]
    assert events[-1]["review"] == "good" and events[-1]["topic"] == "attention"
    assert set(events[-1]) == {"id", "at", "topic", "review"}
    doc = roadmap("review", "attention", "3", "--date", "2026-12-06T10:00:00Z", "--json")
    # a date after now is refused (the clock is pinned at 09:00)
    assert doc.exit_code == 2 and "in the future" in doc.stderr
    again = roadmap("review", "attention", "3", "--json").json()
    assert again["review"]["rating"] == "good"
    assert again["next"]["reviews"] == 2 and again["next"]["days"] >= 2


def test_rating_with_date_in_the_past_and_numbers(roadmap) -> None:
    roadmap("done", "attention", "--date", "2026-11-01")
    doc = roadmap("review", "attention", "4", "--date", "2026-11-04", "--json").json()
    assert doc["review"]["at"] == "2026-11-04T12:00:00Z"
    assert doc["review"]["rating"] == "easy"
    assert doc["next"]["due_day"] == "2026-11-28"  # easy at +3 days -> 24 more days
    early = roadmap("review", "attention", "good", "--date", "2026-10-30")
    assert early.exit_code == 2
    assert "entered review when it was done" in early.stderr


def test_bad_ratings_and_topics_not_in_review(roadmap, progress_file: Path) -> None:
    roadmap("done", "attention")
    before = progress_file.read_text()
    bad = roadmap("review", "attention", "perfect")
    assert bad.exit_code == 2
    assert "unknown rating 'perfect'" in bad.stderr
    assert "again (1), hard (2), good (3) or easy (4)" in bad.stderr
    todo = roadmap("review", "numpy", "good")
    assert todo.exit_code == 2
    assert "numpy is not in review: it is not started" in todo.stderr
    assert "roadmap done numpy" in todo.stderr
    roadmap("skip", "pandas")
    before = progress_file.read_text()
    skipped = roadmap("review", "pandas", "good", "--json")
    assert skipped.exit_code == 2 and "it is skipped" in skipped.stderr
    assert skipped.stdout == ""
    missing = roadmap("review", "attention")
    assert missing.exit_code == 2 and "RATING: missing" in missing.stderr
    unknown = roadmap("review", "no-such-topic", "good")
    assert unknown.exit_code == 2
    both = roadmap("review", "--forecast", "--off", "attention")
    assert both.exit_code == 2 and "cannot be used together" in both.stderr
    assert progress_file.read_text() == before  # failed commands changed nothing
    for run in (bad, todo, skipped, missing, both):
        assert len(run.stderr.strip().splitlines()) <= 2
        assert "Traceback" not in run.stderr


def test_off_and_on(roadmap, progress_file: Path) -> None:
    roadmap("done", "attention", "--date", "2026-11-01")
    off = roadmap("review", "--off", "attention")
    assert off.exit_code == 0, off.stderr
    assert "Review of attention is off" in off.stdout
    assert roadmap("review", "--json").json()["scheduled"] == 0
    refused = roadmap("review", "attention", "good")
    assert refused.exit_code == 2
    assert "you turned its review off" in refused.stderr
    assert "roadmap review --on attention" in refused.stderr
    same = roadmap("review", "--off", "attention", "--json").json()
    assert same["changed"] is False and same["review_mode"] == "off"
    show = roadmap("show", "attention")
    assert "Review: off" in show.stdout
    on = roadmap("review", "--on", "attention", "--json").json()
    assert on["changed"] is True and on["next"]["due_day"] == "2026-11-04"
    events = json.loads(progress_file.read_text())["events"]
    modes = [e["review_mode"] for e in events if "review_mode" in e]
    assert modes == ["off", "on"]


def test_retention_setting(roadmap, progress_file: Path) -> None:
    roadmap("done", "attention", "--date", "2026-11-20")
    roadmap("review", "attention", "good", "--date", "2026-11-23")
    wide = roadmap("review", "--forecast", "--json").json()["topics"][0]["due_day"]
    run = roadmap("review", "--retention", "0.8")
    assert run.exit_code == 0, run.stderr
    assert "Desired retention set to 0.8 (was 0.9)" in run.stdout
    doc = roadmap("review", "--forecast", "--json").json()
    assert doc["retention"] == 0.8
    assert doc["topics"][0]["due_day"] > wide  # lower retention: longer interval
    events = json.loads(progress_file.read_text())["events"]
    assert events[-1]["settings"] == {"review_retention": 0.8}
    bad = roadmap("review", "--retention", "1.5")
    assert bad.exit_code == 2 and "--retention: 1.5 is out of range" in bad.stderr
    same = roadmap("review", "--retention", "0.8", "--json").json()
    assert same == {"retention": 0.8, "previous": 0.8, "changed": False}


def test_forecast(roadmap) -> None:
    roadmap("done", "attention", "--date", "2026-11-01")  # overdue
    roadmap("done", "numpy", "--date", "2026-12-05")  # due 12-08
    run = roadmap("review", "--forecast", "--days", "5")
    assert run.exit_code == 0, run.stderr
    assert "2026-12-06 Sun    1" in run.stdout and "(incl. 1 overdue)" in run.stdout
    assert "2026-12-08 Tue    1" in run.stdout
    assert "attention" in run.stdout and "numpy" in run.stdout
    doc = roadmap("review", "--forecast", "--days", "5", "--json").json()
    assert [d["due"] for d in doc["days"]] == [1, 0, 1, 0, 0]
    assert doc["overdue"] == 1 and doc["later"] == 0
    assert [t["id"] for t in doc["topics"]] == ["attention", "numpy"]
    assert 0 < doc["topics"][0]["recall"] < 0.9  # never reviewed: FSRS's first memory state
    roadmap("review", "attention", "good")
    rated = roadmap("review", "--forecast", "--json").json()
    recall = next(t for t in rated["topics"] if t["id"] == "attention")["recall"]
    assert recall == 1.0


def test_undo_reverts_a_rating(roadmap) -> None:
    roadmap("done", "attention", "--date", "2026-11-01")
    roadmap("review", "attention", "easy")
    assert roadmap("review", "--json").json()["due"] == 0
    undo = roadmap("undo")
    assert undo.exit_code == 0, undo.stderr
    assert "review: easy on attention" in undo.stdout
    assert roadmap("review", "--json").json()["due"] == 1
    history = roadmap("history")
    assert "review: easy" in history.stdout and "(undone)" in history.stdout


def test_next_report_history_show(roadmap) -> None:
    empty = roadmap("next")
    assert "due for review" not in empty.stdout
    assert roadmap("next", "--json").json()["reviews_due"] == 0
    roadmap("done", "attention", "--date", "2026-11-01")
    roadmap("done", "numpy", "--date", "2026-11-02")
    nxt = roadmap("next")
    assert "2 topics due for review · roadmap review" in nxt.stdout
    assert roadmap("next", "--json").json()["reviews_due"] == 2
    roadmap("review", "numpy", "good")
    report = roadmap("report")
    assert "Review\n" in report.stdout
    assert "Due today 0 · overdue 1 · scheduled 2 · next 7 days 0" in report.stdout
    assert "Average recall probability 83% · 1 review so far" in report.stdout
    doc = roadmap("report", "--json").json()
    assert doc["review"] == {
        "scheduled": 2,
        "due": 1,
        "due_today": 0,
        "overdue": 1,
        "next_7_days": 0,
        "average_recall": 0.828,
        "reviews": 1,
    }
    assert doc["activity"]["days"]["2026-12-06"] == 1  # the rating counts as activity
    assert doc["activity"]["streak"]["current"] == 1
    md = roadmap("report", "--format", "markdown")
    assert "## Review" in md.stdout and "scheduled 2" in md.stdout
    svg = roadmap("report", "--format", "svg")
    assert "Review" in svg.stdout
    history = roadmap("history", "--json").json()
    assert history["events"][0]["kind"] == "review" and history["events"][0]["value"] == "good"
    assert "review: good" in roadmap("history").stdout
    show = roadmap("show", "numpy")
    assert "Review: next 2027-01-14 (in 39 days) · 1 review · recall 100%" in show.stdout
    shown = roadmap("show", "numpy", "--json").json()["topic"]["review"]
    assert shown["in_review"] is True and shown["reviews"] == 1
    assert roadmap("show", "pandas", "--json").json()["topic"]["review"]["in_review"] is False


def test_orphans_keep_their_review_events(roadmap, progress_file: Path) -> None:
    roadmap("done", "attention", "--date", "2026-11-01")
    roadmap("review", "attention", "good")
    data = json.loads(progress_file.read_text())
    for event in data["events"]:
        event["topic"] = "gone-topic"
    progress_file.write_text(json.dumps(data))
    assert roadmap("review", "--json").json()["scheduled"] == 0
    roadmap("done", "numpy")  # a write keeps the orphan's events
    kept = json.loads(progress_file.read_text())["events"]
    assert any(e.get("review") == "good" and e["topic"] == "gone-topic" for e in kept)
    history = roadmap("history")
    assert "review: good  · no longer in the roadmap" in history.stdout


def test_interactive_refuses_without_a_terminal(roadmap) -> None:
    roadmap("done", "attention", "--date", "2026-11-01")
    run = roadmap("review", "--interactive")
    assert run.exit_code == 2
    assert "--interactive needs a terminal" in run.stderr
    assert "roadmap review TOPIC again|hard|good|easy" in run.stderr


def test_interactive_pass(roadmap, monkeypatch: pytest.MonkeyPatch) -> None:
    from roadmap_cli.cli.commands import review

    roadmap("done", "attention", "--date", "2026-11-01")
    roadmap("done", "numpy", "--date", "2026-11-02")
    roadmap("done", "pandas", "--date", "2026-11-03")
    keys = iter(["x", "3", "s", "q"])
    monkeypatch.setattr(review, "_is_terminal", lambda: True)
    monkeypatch.setattr(review, "_read_key", lambda: next(keys))
    run = roadmap("review", "-i")
    assert run.exit_code == 0, run.stderr
    assert "[1/3]" in run.stdout and "[3/3]" in run.stdout
    assert "press 1-4, o, s or q" in run.stdout
    assert "good: next review in " in run.stdout
    assert "Stopped: 1 topic rated." in run.stdout
    assert roadmap("review", "--json").json()["due"] == 2


def test_interactive_opens_the_first_resource(roadmap, monkeypatch: pytest.MonkeyPatch) -> None:
    from roadmap_cli.actions import open as open_action
    from roadmap_cli.cli.commands import review

    opened: list[str] = []
    roadmap("done", "attention", "--date", "2026-11-01")
    keys = iter(["o", "1"])
    monkeypatch.setattr(review, "_is_terminal", lambda: True)
    monkeypatch.setattr(review, "_read_key", lambda: next(keys))
    monkeypatch.setattr(open_action, "browser_open", lambda url: opened.append(url) or True)
    run = roadmap("review", "--interactive")
    assert run.exit_code == 0, run.stderr
    assert len(opened) == 1 and opened[0].startswith("http")
    assert "again: next review" in run.stdout
    assert "Done: 1 topic rated." in run.stdout


def test_completion_of_topics_and_ratings() -> None:
    import os
    import subprocess
    import sys

    def bash(words: str) -> list[str]:
        env = {
            **os.environ,
            "_ROADMAP_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split(" ")) - 1),
        }
        run = subprocess.run(
            [sys.executable, "-m", "roadmap_cli"], env=env, capture_output=True, text=True
        )
        return [line for line in run.stdout.splitlines() if line]

    assert "flash-attention" in bash("roadmap review flash")
    assert bash("roadmap review attention g") == ["good"]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_interactive_pass_in_a_real_terminal_without_click(tmp_path: Path) -> None:
    """The real program in a pseudo-terminal reads single keys (through typer's own copy
    of click: a fresh install has no ``click`` package, so importing it is blocked here)."""
    import os
    import pty
    import select
    import subprocess
    import time

    env = {**os.environ, "ROADMAP_DATA_DIR": str(tmp_path), "ROADMAP_CACHE_DIR": str(tmp_path)}
    env.update({"TZ": "UTC", "NO_COLOR": "1", "COLUMNS": "80", "ROADMAP_LANG": "en"})
    run = [sys.executable, "-m", "roadmap_cli"]
    subprocess.run([*run, "done", "attention", "--date", "2026-11-01"], env=env, check=True)
    code = (
        "import sys; sys.modules['click'] = None; "
        "sys.argv = ['roadmap', 'review', '--interactive']; "
        "from roadmap_cli.cli.entry import main; main()"
    )
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=env,
        close_fds=True,
    )
    os.close(secondary)
    seen = b""
    deadline = time.monotonic() + 60
    sent = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([primary], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(primary, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        if not sent and b"quit >" in seen:
            time.sleep(1.0)  # as a person would: the prompt first puts the terminal in raw mode
            os.write(primary, b"3")
            sent = True
        if process.poll() is not None and not ready:
            break
    if process.poll() is None:
        process.kill()
    process.wait(timeout=30)
    os.close(primary)
    import re

    text = re.sub(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\", "", seen.decode("utf-8", "replace"))
    assert process.returncode == 0, text
    assert "good: next review in " in text
    assert "Done: 1 topic rated." in text
    assert "Traceback" not in text and "internal error" not in text


def test_ratings_and_modes_read_in_chinese_with_the_typed_word_kept(roadmap) -> None:
    roadmap("done", "attention", "--date", "2026-11-01")
    rated = roadmap("--lang", "zh", "review", "attention", "good")
    assert rated.exit_code == 0, rated.stderr
    assert rated.stdout.startswith("已复习 注意力机制 (attention)：记得 (good)\n")
    assert roadmap("--lang", "zh", "review", "--off", "attention").exit_code == 0
    history = roadmap("--lang", "zh", "history", "--limit", "2")
    assert "复习：记得 (good)" in history.stdout and "复习 关闭" in history.stdout
    english = roadmap("--lang", "en", "history", "--limit", "2")
    assert "review: good" in english.stdout and "review off" in english.stdout
    assert (
        roadmap("--lang", "zh", "history", "--json").json()
        == roadmap("--lang", "en", "history", "--json").json()
    )
