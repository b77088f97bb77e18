"""Edges a user hits from the shell: closed pipes, Ctrl-C, empty path options."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from roadmap_cli.cli import entry


@pytest.mark.parametrize("command", [["list"], ["next"], ["next", "--json"], ["done", "numpy"]])
def test_a_closed_pipe_is_not_an_error(command: list[str], _isolated: Path) -> None:
    env = {**os.environ, "COLUMNS": "30"}
    with subprocess.Popen(
        [sys.executable, "-m", "roadmap_cli", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # like `| head -0`: the reader is gone before anything is printed
        stderr = proc.stderr.read().decode()
        code = proc.wait(timeout=60)
    assert code == 0, stderr
    assert stderr == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    ("command", "lang"),
    [
        (["next"], "en"),
        (["next", "--json"], "en"),
        (["list"], "zh"),
        (["report"], "en"),
        (["--help"], "zh"),
    ],
)
def test_output_to_a_full_device_is_an_io_error_not_a_bug(
    command: list[str], lang: str, _isolated: Path
) -> None:
    """``roadmap next > /dev/full``: one error and its hint, exit 1; never "internal error"
    nor Python's "Exception ignored" at exit (the fast path and typer's alike)."""
    env = {**os.environ, "ROADMAP_LANG": lang}
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "roadmap_cli", *command],
            stdout=full,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1, done.stderr
    lines = done.stderr.splitlines()
    expected = "cannot write the output" if lang == "en" else "无法写出输出"
    assert len(lines) == 2 and expected in lines[0], done.stderr
    assert "internal error" not in done.stderr and "Exception" not in done.stderr


def test_an_error_elsewhere_with_the_same_errno_is_still_a_bug() -> None:
    """Only a failing write or flush counts as the output failing: an ENOSPC raised
    anywhere else (none should reach the guard) stays an internal error."""
    import errno

    from roadmap_cli.cli.guard import _output_failed

    def write() -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    def load() -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    for body, expected in ((write, True), (load, False)):
        try:
            body()
        except OSError as exc:
            assert _output_failed(exc) is expected
    try:
        raise OSError(errno.EACCES, "Permission denied")
    except OSError as exc:
        assert not _output_failed(exc)


def test_ctrl_c_while_starting_is_one_line_and_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import roadmap_cli.cli.app

    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(roadmap_cli.cli.app, "main", interrupted)
    with pytest.raises(SystemExit) as info:
        entry.main()
    assert info.value.code == 130
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "roadmap: error: interrupted\n"


@pytest.mark.parametrize("option", ["--data-dir", "--roadmap"])
def test_an_empty_path_option_is_a_usage_error(
    roadmap, option: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = roadmap(option, "", "done", "numpy")
    assert run.exit_code == 2
    assert f"{option}: the path is empty" in run.stderr
    assert run.stdout == ""
    assert not (tmp_path / "relearn-ai.json").exists()


def test_a_closed_stdout_still_records_the_mark(_isolated: Path) -> None:
    """`roadmap done numpy >&-`: nothing can be printed, but the mark lands."""
    proc = subprocess.run(
        [sys.executable, "-c", "from roadmap_cli.cli.app import main; main()", "done", "numpy"],
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1),  # the child starts with fd 1 closed
        env=os.environ,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr == b""
    assert '"topic": "numpy"' in (_isolated / "relearn-ai.json").read_text()


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "roadmap: error: interrupted after the change was saved\n"),
        ("zh", "roadmap: 错误: 已中断，但修改已经保存\n"),
    ],
)
def test_ctrl_c_after_the_change_was_saved_says_so(
    roadmap, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    """Ctrl-C between the write and its confirmation: the change is in the file, and the
    message says it was saved and how to see or take it back (not "nothing changed")."""
    import roadmap_cli.render.mark
    from roadmap_cli.support import notices

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(roadmap_cli.render.mark, "render_mark", interrupted)
    monkeypatch.setattr(notices, "SAVED", [])
    run = roadmap("--lang", lang, "done", "numpy")
    assert run.exit_code == 130
    assert run.stdout == ""
    assert run.stderr.startswith(said)
    assert "roadmap undo" in run.stderr
    topics = roadmap("list", "--json").json()["stages"][0]["topics"]
    assert {t["id"]: t["status"] for t in topics}["numpy"] == "done"


def test_ctrl_c_before_anything_was_saved_promises_nothing_changed_in_part(
    roadmap, monkeypatch: pytest.MonkeyPatch
) -> None:
    import roadmap_cli.actions.mark
    from roadmap_cli.support import notices

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(roadmap_cli.actions.mark, "mark", interrupted)
    monkeypatch.setattr(notices, "SAVED", [])
    run = roadmap("done", "numpy")
    assert run.exit_code == 130
    assert run.stderr == "roadmap: error: interrupted (a change is saved whole or not at all)\n"


def test_ctrl_c_while_starting_speaks_the_language_asked_for(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    import roadmap_cli.cli.app

    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(roadmap_cli.cli.app, "main", interrupted)
    monkeypatch.setattr(sys, "argv", ["roadmap", "--lang", "zh", "report"])
    with pytest.raises(SystemExit) as info:
        entry.main()
    assert info.value.code == 130
    assert capsys.readouterr().err == "roadmap: 错误: 已中断\n"
