"""'roadmap sync' and 'roadmap progress merge-driver': two machines through a git remote.

No network: a bare repository in a temporary folder with file:// remotes, and servers on
127.0.0.1 for the authentication and network failures.
"""

from __future__ import annotations

import http.server
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import Run

pytestmark = pytest.mark.skipif(
    subprocess.run(["git", "--version"], capture_output=True).returncode != 0,
    reason="git is not installed",
)


@pytest.fixture(autouse=True)
def _git_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No user or system git configuration; an identity through the environment."""
    empty = tmp_path / "gitconfig"
    empty.write_text("", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("GIT_AUTHOR", "GIT_COMMITTER"):
        monkeypatch.setenv(f"{name}_NAME", "Test Learner")
        monkeypatch.setenv(f"{name}_EMAIL", "learner@example.org")
    monkeypatch.setenv("ROADMAP_GIT_TIMEOUT", "30")


@pytest.fixture
def remote(tmp_path: Path) -> str:
    """An empty bare repository, as a file:// URL."""
    bare = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(bare)], check=True)
    return bare.as_uri()


@pytest.fixture
def machines(tmp_path: Path, roadmap: Callable[..., Run]) -> Callable[..., Run]:
    """``on("a", "done", "x")`` runs roadmap with machine a's data folder."""

    def on(machine: str, *args: str) -> Run:
        return roadmap("--data-dir", str(tmp_path / machine), *args)

    return on


def _git(folder: Path, *args: str, check: bool = True) -> str:
    out = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=check)
    return out.stdout.strip()


def _statuses(on: Callable[..., Run], machine: str) -> dict[str, str]:
    listed = on(machine, "list", "--json")
    assert listed.exit_code == 0, listed.stderr
    return {t["id"]: t["status"] for s in listed.json()["stages"] for t in s["topics"]}


def _ok(run: Run) -> Run:
    assert run.exit_code == 0, run.stderr
    return run


def test_two_machines_with_divergent_done_note_and_undo_end_the_same(
    machines, remote, tmp_path
) -> None:
    on = machines
    a, b = tmp_path / "a", tmp_path / "b"
    _ok(on("a", "done", "dl-theory"))
    first = _ok(on("a", "sync", "--init", remote, "--json")).json()
    assert first["initialized"] and first["pushed"] and first["committed_events"] == 1
    _ok(on("b", "done", "numpy"))
    _ok(on("b", "note", "numpy", "broadcasting at last"))
    second = _ok(on("b", "sync", "--init", remote, "--json")).json()
    assert second["received_events"] == 1 and second["pushed"]
    # both go on independently
    _ok(on("a", "done", "dl-code"))
    _ok(on("a", "start", "attention"))
    _ok(on("a", "undo"))
    _ok(on("a", "note", "dl-code", "from the laptop"))
    _ok(on("b", "done", "attention"))
    _ok(on("b", "skip", "dl-code"))
    _ok(on("b", "undo"))
    text = _ok(on("a", "sync")).stdout
    assert "Committed 4 events" in text and "Received 2 events" in text and "Pushed" in text
    assert "Received 4 events" in _ok(on("b", "sync")).stdout
    assert "Received" in _ok(on("a", "sync")).stdout
    assert "Up to date" in _ok(on("b", "sync")).stdout
    file_a, file_b = a / "relearn-ai.json", b / "relearn-ai.json"
    assert file_a.read_bytes() == file_b.read_bytes()
    events = json.loads(file_a.read_text(encoding="utf-8"))["events"]
    assert len(events) == len({e["id"] for e in events}) == 10
    statuses = _statuses(on, "a")
    assert statuses == _statuses(on, "b")
    assert statuses["dl-code"] == "done" and statuses["attention"] == "done"
    assert statuses["numpy"] == "done" and statuses["dl-theory"] == "done"
    for folder in (a, b):
        assert _git(folder, "status", "--porcelain") == ""
        assert "backups" not in _git(folder, "ls-files")
    log = _git(a, "log", "--format=%s")
    assert "roadmap: 4 events" in log and "roadmap: 1 event" in log
    assert "merge=roadmap" in (a / ".gitattributes").read_text(encoding="utf-8")
    assert "-m roadmap_cli progress merge-driver" in _git(a, "config", "merge.roadmap.driver")


def test_plain_git_pull_uses_the_driver_and_gives_valid_json(machines, remote, tmp_path) -> None:
    on = machines
    _ok(on("a", "done", "dl-theory"))
    _ok(on("a", "sync", "--init", remote))
    _ok(on("b", "sync", "--init", remote))
    _ok(on("a", "done", "numpy"))
    _ok(on("a", "sync"))
    _ok(on("b", "done", "dl-code"))
    b = tmp_path / "b"
    _git(b, "commit", "-qam", "by hand")
    _git(b, "pull", "--quiet", "--no-rebase", "--no-edit")  # the learner's own git
    events = json.loads((b / "relearn-ai.json").read_text(encoding="utf-8"))["events"]
    assert {e["topic"] for e in events} == {"dl-theory", "numpy", "dl-code"}


def test_sync_works_without_a_git_identity(
    machines, remote, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("NAME", "EMAIL"):
        monkeypatch.delenv(f"GIT_AUTHOR_{name}")
        monkeypatch.delenv(f"GIT_COMMITTER_{name}")
    monkeypatch.setenv("EMAIL", "")
    _ok(machines("a", "done", "dl-theory"))
    _ok(machines("a", "sync", "--init", remote))
    assert _git(tmp_path / "a", "log", "-1", "--format=%an <%ae>") == "roadmap <roadmap@localhost>"
    assert _git(tmp_path / "a", "config", "--local", "--get-regexp", "^user\\.", check=False) == ""


def test_no_git_is_one_line_and_exit_1(machines, monkeypatch, tmp_path) -> None:
    _ok(machines("a", "done", "dl-theory"))
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    run = machines("a", "sync")
    assert run.exit_code == 1
    assert run.stderr.startswith("roadmap: error: git is not installed")
    assert "hint: install git" in run.stderr


def test_not_a_repository_and_no_remote(machines, tmp_path) -> None:
    _ok(machines("a", "done", "dl-theory"))
    run = machines("a", "sync")
    assert run.exit_code == 1
    assert "the data folder is not a git repository" in run.stderr
    assert "roadmap sync --init REMOTE" in run.stderr
    _git(tmp_path / "a", "init", "--quiet")
    run = machines("a", "sync")
    assert run.exit_code == 1
    assert "no remote to sync with" in run.stderr
    assert "roadmap sync --init" in run.stderr
    # the local progress is committed all the same? no: nothing ran past the remote check
    assert json.loads((tmp_path / "a" / "relearn-ai.json").read_text(encoding="utf-8"))


def test_missing_remote_repository_keeps_progress_committed_locally(machines, tmp_path) -> None:
    _ok(machines("a", "done", "dl-theory"))
    before = (tmp_path / "a" / "relearn-ai.json").read_bytes()
    run = machines("a", "sync", "--init", (tmp_path / "nowhere.git").as_uri())
    assert run.exit_code == 1
    assert len(run.stderr.splitlines()) == 2
    assert "could not fetch from origin" in run.stderr and "no repository there" in run.stderr
    assert "your progress is committed locally" in run.stderr
    assert (tmp_path / "a" / "relearn-ai.json").read_bytes() == before
    assert _git(tmp_path / "a", "log", "--format=%s") == "roadmap: 1 event"
    assert _git(tmp_path / "a", "status", "--porcelain") == ""


class _Unauthorized(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="git"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def auth_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Unauthorized)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/me/progress.git"
    server.shutdown()
    server.server_close()


def test_auth_failure_never_prompts(machines, auth_server, tmp_path) -> None:
    _ok(machines("a", "done", "dl-theory"))
    run = machines("a", "sync", "--init", auth_server)
    assert run.exit_code == 1
    assert "authentication failed" in run.stderr
    assert "check your credentials or SSH key" in run.stderr
    assert _git(tmp_path / "a", "log", "--format=%s") == "roadmap: 1 event"


def test_network_failure(machines, tmp_path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    _ok(machines("a", "done", "dl-theory"))
    run = machines("a", "sync", "--init", f"http://127.0.0.1:{port}/progress.git")
    assert run.exit_code == 1
    assert "network failure" in run.stderr
    assert "run 'roadmap sync' again when you are online" in run.stderr


def test_a_pull_that_cannot_merge_is_aborted_and_named(machines, remote, tmp_path) -> None:
    on = machines
    _ok(on("a", "done", "dl-theory"))
    _ok(on("a", "sync", "--init", remote))
    # someone pushes a damaged progress file with plain git
    other = tmp_path / "other"
    subprocess.run(["git", "clone", "--quiet", remote, str(other)], check=True)
    (other / "relearn-ai.json").write_text('{"schema": 1, "roadmap": "relearn-ai", "ev', "utf-8")
    _git(other, "commit", "-qam", "damaged")
    _git(other, "push", "--quiet")
    _ok(on("a", "done", "numpy"))
    before = (tmp_path / "a" / "relearn-ai.json").read_bytes()
    run = on("a", "sync")
    assert run.exit_code == 1
    assert "could not merge the changes from" in run.stderr and "relearn-ai.json" in run.stderr
    assert "your progress is committed locally and unchanged" in run.stderr
    a = tmp_path / "a"
    assert (a / "relearn-ai.json").read_bytes() == before
    assert not (a / ".git" / "MERGE_HEAD").exists()
    assert _git(a, "log", "-1", "--format=%s") == "roadmap: 1 event"
    assert _git(a, "status", "--porcelain") == ""
    assert _statuses(on, "a")["numpy"] == "done"


def test_merge_driver_writes_the_union_into_ours(roadmap, tmp_path) -> None:
    def side(name: str, ids: list[int]) -> Path:
        events = [
            {
                "id": f"019ad00000{n:02d}-00000000",
                "at": f"2026-11-{n:02d}T10:00:00Z",
                "topic": f"t{n}",
                "status": "done",
            }
            for n in ids
        ]
        path = tmp_path / name
        path.write_text(json.dumps({"schema": 1, "roadmap": "r", "events": events}), "utf-8")
        return path

    base, ours, theirs = side("base", [1]), side("ours", [1, 2]), side("theirs", [1, 3])
    run = roadmap("progress", "merge-driver", str(base), str(ours), str(theirs), "r.json")
    assert run.exit_code == 0, run.stderr
    merged = json.loads(ours.read_text(encoding="utf-8"))
    assert [e["topic"] for e in merged["events"]] == ["t1", "t2", "t3"]
    again = ours.read_bytes()
    assert roadmap("progress", "merge-driver", str(base), str(ours), str(theirs)).exit_code == 0
    assert ours.read_bytes() == again  # idempotent
    theirs.write_text("{broken", encoding="utf-8")
    bad = roadmap("progress", "merge-driver", str(base), str(ours), str(theirs), "r.json")
    assert bad.exit_code == 1
    assert "theirs side" in bad.stderr and "left as a conflict" in bad.stderr
    assert ours.read_bytes() == again  # nothing lost


def test_merge_driver_takes_an_installed_roadmap_whole(roadmap, tmp_path) -> None:
    base, ours, theirs = (tmp_path / n for n in ("base", "ours", "theirs"))
    base.write_text("v1", "utf-8")
    ours.write_text("v1", "utf-8")
    theirs.write_text("v2", "utf-8")
    name = "roadmaps/rust.toml"
    assert (
        roadmap("progress", "merge-driver", str(base), str(ours), str(theirs), name).exit_code == 0
    )
    assert ours.read_text("utf-8") == "v2"
    theirs.write_text("v3", "utf-8")
    run = roadmap("progress", "merge-driver", str(base), str(ours), str(theirs), name)
    assert run.exit_code == 0 and ours.read_text("utf-8") == "v2"
    assert "changed on both machines" in run.stderr


def test_next_in_a_synced_folder_runs_no_git(machines, remote, monkeypatch) -> None:
    _ok(machines("a", "done", "dl-theory"))
    _ok(machines("a", "sync", "--init", remote))

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a subprocess was started")

    monkeypatch.setattr(subprocess, "run", refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)
    run = _ok(machines("a", "next"))
    assert run.stderr == ""


def _sync_process(folder: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "roadmap_cli", "--data-dir", str(folder), "sync"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and process groups")
def test_a_sync_killed_at_any_moment_is_completed_by_the_next(machines, remote, tmp_path) -> None:
    on = machines
    a = tmp_path / "a"
    _ok(on("a", "done", "dl-theory"))
    _ok(on("a", "sync", "--init", remote))
    _ok(on("b", "sync", "--init", remote))
    topics = ["dl-code", "numpy", "pandas", "matplotlib", "seaborn", "nanogpt"]
    # how long a sync with work to do takes here: the kills land at fractions of it
    _ok(on("a", "note", "dl-theory", "timed"))
    _ok(on("b", "note", "dl-theory", "timed too"))
    _ok(on("b", "sync"))
    started = time.monotonic()
    assert _sync_process(a).wait() == 0
    took = time.monotonic() - started
    killed = 0
    for n, part in enumerate([0.05, 0.2, 0.35, 0.5, 0.65, 0.8]):
        delay = part * took
        _ok(on("a", "note", "dl-theory", f"note {n}"))
        _ok(on("b", "note", "dl-theory", f"other {n}"))
        _ok(on("b", "sync"))
        process = _sync_process(a)
        time.sleep(delay)
        if n % 2:  # the process with every git it started
            os.killpg(process.pid, signal.SIGKILL)
        else:
            os.kill(process.pid, signal.SIGKILL)
        killed += process.wait() == -signal.SIGKILL
        _ok(on("a", "done", topics[n]))
        _ok(on("a", "sync"))
        _ok(on("b", "sync"))
    _ok(on("a", "sync"))
    assert killed >= 3  # most kills landed while the sync ran
    assert (a / "relearn-ai.json").read_bytes() == (tmp_path / "b" / "relearn-ai.json").read_bytes()
    assert _statuses(on, "a") == _statuses(on, "b")
    events = json.loads((a / "relearn-ai.json").read_text(encoding="utf-8"))["events"]
    summary = sorted(str(e.get("note") or e.get("topic")) for e in events)
    assert len(events) == 1 + 2 + 6 * 3, " ".join(summary)
    assert _git(a, "status", "--porcelain") == ""


def test_machines_with_different_default_branches_meet_on_the_remotes(
    machines, remote, tmp_path, monkeypatch
) -> None:
    on = machines
    monkeypatch.setenv("GIT_CONFIG_COUNT", "1")
    monkeypatch.setenv("GIT_CONFIG_KEY_0", "init.defaultBranch")
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", "main")
    _ok(on("a", "done", "dl-theory"))
    assert _ok(on("a", "sync", "--init", remote, "--json")).json()["branch"] == "main"
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", "master")
    _ok(on("b", "done", "numpy"))
    second = _ok(on("b", "sync", "--init", remote, "--json")).json()
    assert second["branch"] == "main" and second["received_events"] == 1
    assert _git(tmp_path / "b", "branch", "--show-current") == "main"
    _ok(on("a", "sync"))
    assert (tmp_path / "a" / "relearn-ai.json").read_bytes() == (
        tmp_path / "b" / "relearn-ai.json"
    ).read_bytes()


def test_sync_runs_when_the_roadmap_file_does_not_validate(machines, remote, tmp_path) -> None:
    _ok(machines("a", "done", "dl-theory"))
    _ok(machines("a", "sync", "--init", remote))
    broken = tmp_path / "broken.toml"
    broken.write_text('schema = 1\nid = "relearn-ai"\n[[stages]]\n', encoding="utf-8")
    run = machines("a", "--roadmap", str(broken), "sync")
    assert run.exit_code == 0, run.stderr


def test_sync_init_with_another_origin_is_refused(machines, remote, tmp_path) -> None:
    _ok(machines("a", "sync", "--init", remote))
    run = machines("a", "sync", "--init", (tmp_path / "elsewhere.git").as_uri())
    assert run.exit_code == 1
    assert "the repository's remote 'origin' is" in run.stderr
    assert "remote set-url origin" in run.stderr
    assert machines("a", "sync", "--init", "  ").exit_code == 2


def test_a_damaged_progress_file_is_never_committed(machines, remote, tmp_path) -> None:
    _ok(machines("a", "done", "dl-theory"))
    _ok(machines("a", "sync", "--init", remote))
    progress = tmp_path / "a" / "relearn-ai.json"
    progress.write_text('{"schema": 1, "roadmap": "relearn-ai", "events": [', encoding="utf-8")
    run = machines("a", "sync")
    assert run.exit_code == 1
    assert "relearn-ai.json: the progress file is not valid JSON" in run.stderr
    assert "nothing was synced" in run.stderr and "roadmap progress restore" in run.stderr
    assert _git(tmp_path / "a", "log", "--format=%s") == "roadmap: 1 event"
    assert _git(tmp_path / "a", "diff", "--cached", "--name-only") == ""


def test_lock_files_a_killed_sync_left_are_removed(machines, remote, tmp_path) -> None:
    _ok(machines("a", "done", "dl-theory"))
    _ok(machines("a", "sync", "--init", remote))
    git_dir = tmp_path / "a" / ".git"
    (git_dir / "roadmap-sync-running").write_text("12345\n", encoding="utf-8")  # killed
    (git_dir / "index.lock").write_text("", encoding="utf-8")  # by a killed git
    _ok(machines("a", "done", "numpy"))
    run = _ok(machines("a", "sync"))
    assert "removed 1 lock file(s) left by an interrupted sync (index.lock)" in run.stdout
    assert not (git_dir / "index.lock").exists()
    assert not (git_dir / "roadmap-sync-running").exists()
    assert _git(tmp_path / "a", "status", "--porcelain") == ""


def test_sync_notices_in_chinese_and_english_in_json(machines, remote, tmp_path) -> None:
    _ok(machines("a", "done", "dl-theory"))
    _ok(machines("a", "sync", "--init", remote))
    git_dir = tmp_path / "a" / ".git"
    for lang in ("zh", "en"):
        (git_dir / "roadmap-sync-running").write_text("12345\n", encoding="utf-8")  # killed
        (git_dir / "index.lock").write_text("", encoding="utf-8")
        run = _ok(machines("a", "--lang", lang, "sync", "--json"))
        assert run.json()["notices"] == [
            "removed 1 lock file(s) left by an interrupted sync (index.lock)"
        ]
    (git_dir / "roadmap-sync-running").write_text("12345\n", encoding="utf-8")
    (git_dir / "index.lock").write_text("", encoding="utf-8")
    zh = _ok(machines("a", "--lang", "zh", "sync"))
    assert zh.stdout.startswith("删除了中断的同步留下的 1 个锁文件（index.lock）\n")


def test_a_lock_file_of_a_running_git_is_not_removed(machines, remote, tmp_path) -> None:
    _ok(machines("a", "sync", "--init", remote))
    (tmp_path / "a" / ".git" / "index.lock").write_text("", encoding="utf-8")
    _ok(machines("a", "done", "numpy"))
    run = machines("a", "sync")
    assert run.exit_code == 1
    assert "index.lock" in run.stderr
    assert (tmp_path / "a" / ".git" / "index.lock").exists()


def test_an_unfinished_merge_is_aborted_and_redone(machines, remote, tmp_path) -> None:
    on = machines
    _ok(on("a", "done", "dl-theory"))
    _ok(on("a", "sync", "--init", remote))
    _ok(on("b", "sync", "--init", remote))
    _ok(on("b", "done", "numpy"))
    _ok(on("b", "sync"))
    _ok(on("a", "done", "pandas"))
    a = tmp_path / "a"
    _git(a, "commit", "-qam", "by hand")
    _git(a, "fetch", "--quiet")
    # a merge stopped half-way (here: the driver missing, so git leaves a conflict)
    _git(a, "-c", "merge.roadmap.driver=false", "merge", "origin/master", check=False)
    assert (a / ".git" / "MERGE_HEAD").exists()
    run = _ok(on("a", "sync"))
    assert "aborted a merge an interrupted sync left unfinished" in run.stdout
    assert not (a / ".git" / "MERGE_HEAD").exists()
    _ok(on("b", "sync"))
    assert (a / "relearn-ai.json").read_bytes() == (tmp_path / "b" / "relearn-ai.json").read_bytes()
    topics = {e["topic"] for e in json.loads((a / "relearn-ai.json").read_text("utf-8"))["events"]}
    assert topics == {"dl-theory", "numpy", "pandas"}
