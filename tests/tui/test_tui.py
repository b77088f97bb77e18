"""roadmap tui driven headless with Textual's Pilot: keys record the same events as the
commands, undo, filter, search, notes, outside changes, a small terminal, and the CLI's
refusal without a terminal."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from roadmap_cli.actions.context import AppContext
from roadmap_cli.cli.app import app as cli_app
from roadmap_cli.support import clock
from roadmap_cli.tui.app import RoadmapApp


@pytest.fixture(autouse=True)
def _pinned() -> object:
    clock.pin(datetime(2026, 12, 6, 9, 30, tzinfo=UTC))
    yield
    clock.pin(None)


def _events(data: Path) -> list[dict[str, object]]:
    path = data / "relearn-ai.json"
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8"))["events"]


def _app(lang: str = "en", **kwargs: object) -> RoadmapApp:
    return RoadmapApp(AppContext(lang=lang), watch_interval=0.05, **kwargs)  # type: ignore[arg-type]


async def test_opens_on_what_next_suggests_and_d_marks_it_done(_isolated: Path) -> None:
    app = _app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.selected_topic() == "dl-theory"
        await pilot.press("d")
        await pilot.pause()
        (event,) = _events(_isolated)
        assert (event["topic"], event["status"]) == ("dl-theory", "done")
        assert app.snap.status("dl-theory") == "done"
        assert "1/57 finished" in str(app.sub_title)


async def test_keys_move_start_skip_reset_and_undo(_isolated: Path) -> None:
    app = _app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("j", "s")
        await pilot.pause()
        assert app.selected_topic() == "dl-code"
        assert app.snap.status("dl-code") == "in_progress"
        await pilot.press("j", "x", "k", "r")
        await pilot.pause()
        statuses = [(e["topic"], e["status"]) for e in _events(_isolated)]
        assert statuses == [("dl-code", "in_progress"), ("numpy", "skipped"), ("dl-code", "todo")]
        await pilot.press("u")
        await pilot.pause()
        assert app.snap.status("dl-code") == "in_progress"
        assert "undo" in _events(_isolated)[-1]


async def test_the_cli_sees_what_the_screen_recorded(_isolated: Path) -> None:
    app = _app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
    run = CliRunner().invoke(cli_app, ["list", "foundations", "--json"])
    topics = json.loads(run.stdout)["stages"][0]["topics"]
    assert topics[0]["id"] == "dl-theory" and topics[0]["status"] == "done"


async def test_filter_cycles_and_search_narrows_the_tree(_isolated: Path) -> None:
    app = _app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("f")  # to do
        await pilot.pause()
        assert app.filter == "todo"
        shown = {leaf.data[1] for node in app.topics_tree.root.children for leaf in node.children}
        assert "dl-theory" not in shown and "dl-code" in shown
        await pilot.press("f", "f")  # in progress, done
        await pilot.pause()
        shown = {leaf.data[1] for node in app.topics_tree.root.children for leaf in node.children}
        assert shown == {"dl-theory"}
        await pilot.press("f", "slash")  # all, then search
        await pilot.pause()
        await pilot.press(*"flash", "enter")
        await pilot.pause()
        assert app.matches is not None and "flash-attention" in app.matches
        assert app.selected_topic() == "flash-attention"
        await pilot.press("escape")
        await pilot.pause()
        assert app.matches is None


async def test_n_adds_a_note_inline_without_an_editor(
    _isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    app = _app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n", *"ELBO", "enter")
        await pilot.pause()
    (event,) = _events(_isolated)
    assert (event["topic"], event["note"]) == ("dl-theory", "ELBO")


async def test_a_change_made_elsewhere_appears(_isolated: Path) -> None:
    app = _app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.snap.status("numpy") == "todo"
        run = CliRunner().invoke(cli_app, ["done", "numpy"])
        assert run.exit_code == 0
        for _ in range(40):
            await pilot.pause(0.05)
            if app.snap.status("numpy") == "done":
                break
        assert app.snap.status("numpy") == "done"


async def test_a_small_terminal_gets_a_message(_isolated: Path) -> None:
    app = _app()
    async with app.run_test(size=(50, 12)) as pilot:
        await pilot.pause()
        assert app.has_class("small")
        assert app.query_one("#too-small").display


async def test_chinese_titles_under_lang_zh(_isolated: Path) -> None:
    app = _app("zh")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        labels = [str(node.label) for node in app.topics_tree.root.children]
        assert labels[0].startswith("基础")


def test_without_a_terminal_the_command_refuses(roadmap_cli_runner: CliRunner) -> None:
    run = roadmap_cli_runner.invoke(cli_app, ["tui"])
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "roadmap tui needs a terminal" in run.stderr


@pytest.fixture
def roadmap_cli_runner() -> CliRunner:
    return CliRunner()


async def test_r_reviews_due_topics_and_rates_them(_isolated: Path) -> None:
    run = CliRunner().invoke(cli_app, ["done", "numpy", "--date", "2026-11-20"])
    assert run.exit_code == 0, run.stderr
    app = _app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("R")
        await pilot.pause()
        assert app.selected_topic() == "numpy"
        assert app.prompt_mode == "review"
        await pilot.press("3", "enter")
        await pilot.pause()
    ratings = [e for e in _events(_isolated) if "review" in e]
    assert [(e["topic"], e["review"]) for e in ratings] == [("numpy", "good")]


async def test_the_header_shows_this_weeks_plan(_isolated: Path) -> None:
    run = CliRunner().invoke(cli_app, ["plan", "--by", "2027-06-30"])
    assert run.exit_code == 0, run.stderr
    app = _app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "This week: 0/" in str(app.sub_title)
        assert "plan to 2027-06-30" in str(app.sub_title)


def _first_screen(size: tuple[int, int]) -> tuple[object, str]:
    """Run the app in its benchmark mode; the row selected and the screen when it quit."""
    app = _app(exit_after_first_frame=True)
    screens: list[tuple[object, str]] = []
    exit_ = app.exit

    def exit_and_record() -> None:
        screens.append((app.selected(), app.export_screenshot()))
        exit_()

    app.exit = exit_and_record  # type: ignore[method-assign]
    app.run(headless=True, size=size)
    assert app.return_code == 0
    (screen,) = screens
    return screen


def test_the_benchmark_mode_quits_once_the_first_screen_is_complete(_isolated: Path) -> None:
    row, svg = _first_screen((80, 24))
    assert row == ("topic", "dl-theory")
    for text in ("(dl-theory)", "Stage:", "0/57", "done", "search"):  # detail, header, footer
        assert text in svg


def test_the_benchmark_mode_quits_when_nothing_is_suggested_or_the_terminal_is_small(
    _isolated: Path,
) -> None:
    assert "too&#160;small" in _first_screen((50, 12))[1]
    topics = list(AppContext().catalog().topics)
    run = CliRunner().invoke(cli_app, ["skip", *topics])
    assert run.exit_code == 0, run.stderr
    row, svg = _first_screen((80, 24))
    assert row is None
    assert "57/57" in svg


async def test_the_key_that_closes_help_does_nothing_else(_isolated: Path) -> None:
    from roadmap_cli.tui.help import HelpScreen

    app = _app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("x")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        assert _events(_isolated) == []  # x closed the help; it skipped nothing
        assert app.selected_topic() == "dl-theory"


async def test_no_english_command_palette_in_the_footer(_isolated: Path) -> None:
    app = _app("zh")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert type(app.screen).__name__ != "CommandPalette"
        footer = [key.description for key in app.screen.query("FooterKey")]
        assert "退出" in footer and "palette" not in footer  # the footer: our keys only


async def test_ctrl_c_says_in_chinese_which_key_quits(_isolated: Path) -> None:
    app = _app("zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        said = [(n.title, n.message) for n in app._notifications]
        assert ("要退出吗？", "按 q 退出。") in said
        footer = [key.description for key in app.screen.query("FooterKey")]
        assert footer[:2] == ["帮助", "退出"]  # first, so a narrow terminal still shows them
