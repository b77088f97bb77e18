"""``roadmap add``, ``use``, ``roadmaps``, ``update``, ``remove`` and the "done in another
roadmap" hints, through the CLI. Downloads come from a local HTTP server on 127.0.0.1
(pytest-httpserver); nothing touches the network."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.cli.conftest import Run

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
EXAMPLES = SHARED / "examples" / "markdown-roadmaps"

PLAN = """# Study plan

## Basics

- [Python tutorial](https://docs.python.org/3/tutorial/?utm_source=x): learn the language
- [NumPy guide](https://numpy.org/doc/stable/user/): arrays
- [Go roadmap](Go.md): the sibling roadmap
- [Linear algebra](https://example.org/linear-algebra)
- [Probability](https://example.org/probability)

## Models

- [Attention is all you need](https://arxiv.org/abs/1706.03762)
- [Karpathy: Let's build GPT](https://www.youtube.com/watch?v=kCc8FmEb1nY)
"""

SIBLING = """schema = 1
id = "sibling"
title = "Sibling"
language = "en"

[[stages]]
id = "papers"
title = "Papers"

[[stages.topics]]
id = "transformer"
title = "The Transformer"

[[stages.topics.resources]]
title = "Attention (PDF, v7)"
url = "https://arxiv.org/pdf/1706.03762v7"
kind = "paper"

[[stages.topics]]
id = "gpt-video"
title = "GPT from scratch"

[[stages.topics.resources]]
title = "Video"
url = "https://youtu.be/kCc8FmEb1nY?si=tracking"
kind = "video"
"""


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """No proxy between the tests and 127.0.0.1."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "*")


@pytest.fixture
def served(httpserver: HTTPServer) -> Iterator[HTTPServer]:
    """The example roadmaps under ``/examples/NAME`` and the study plan under
    ``/plans/plan.md``."""
    for path in sorted(EXAMPLES.glob("*.md")):
        httpserver.expect_request(f"/examples/{path.name}").respond_with_data(
            path.read_bytes(), content_type="text/markdown; charset=utf-8"
        )
    httpserver.expect_request("/plans/plan.md").respond_with_data(PLAN)
    httpserver.expect_request("/sibling.toml").respond_with_data(SIBLING)
    yield httpserver


def installed(data: Path) -> list[str]:
    """The files in the library folder, without its lock and index (dot files)."""
    folder = data / "roadmaps"
    names = [p.name for p in folder.iterdir()] if folder.is_dir() else []
    return sorted(n for n in names if not n.startswith("."))


# --- add -------------------------------------------------------------------------------


def test_add_a_url_installs_the_roadmap_with_its_source_record(
    roadmap: Callable[..., Run], served: HTTPServer, _isolated: Path
) -> None:
    url = served.url_for("/plans/plan.md")
    run = roadmap("add", url)
    assert run.exit_code == 0, run.stderr
    assert "Added plan: Study plan" in run.stdout
    assert "1 relative link made absolute" in run.stdout
    assert "roadmap use plan" in run.stdout
    toml = (_isolated / "roadmaps" / "plan.toml").read_text(encoding="utf-8")
    # the relative link resolved against the original address
    assert f'url = "{served.url_for("/plans/Go.md")}"' in toml
    record = json.loads((_isolated / "roadmaps" / "plan.source.json").read_text())
    assert record["source"] == url
    assert record["kind"] == "markdown"
    import hashlib

    assert record["sha256"] == hashlib.sha256(PLAN.encode()).hexdigest()
    assert record["fetched_at"].endswith("Z") and "T" in record["fetched_at"]
    assert roadmap("--roadmap", "plan", "validate", str(_isolated / "roadmaps" / "plan.toml"))


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.md")))
def test_add_every_example_roadmap_from_the_server(
    roadmap: Callable[..., Run], served: HTTPServer, name: str
) -> None:
    run = roadmap("add", served.url_for(f"/examples/{name}"), "--json")
    assert run.exit_code == 0, run.stderr
    doc = run.json()
    assert doc["counts"]["topics"] > 0
    listed = roadmap("--roadmap", doc["id"], "list", "--json")
    assert listed.exit_code == 0, listed.stderr
    assert sum(len(s["topics"]) for s in listed.json()["stages"]) == doc["counts"]["topics"]


def test_add_a_local_markdown_and_toml_file(
    roadmap: Callable[..., Run], tmp_path: Path, _isolated: Path
) -> None:
    md = tmp_path / "notes.md"
    md.write_text(PLAN, encoding="utf-8")
    toml = tmp_path / "sib.toml"
    toml.write_text(SIBLING, encoding="utf-8")
    assert roadmap("add", str(md), "--id", "mine").exit_code == 0
    run = roadmap("add", str(toml))
    assert run.exit_code == 0, run.stderr
    assert "Added sibling: Sibling" in run.stdout
    record = json.loads((_isolated / "roadmaps" / "mine.source.json").read_text())
    assert record["source"] == str(md.resolve())
    assert installed(_isolated) == [
        "mine.source.json",
        "mine.toml",
        "sibling.source.json",
        "sibling.toml",
    ]


def test_add_toml_with_another_id_renames_it(
    roadmap: Callable[..., Run], served: HTTPServer, _isolated: Path
) -> None:
    run = roadmap("add", served.url_for("/sibling.toml"), "--id", "sib2")
    assert run.exit_code == 0, run.stderr
    assert 'id = "sib2"' in (_isolated / "roadmaps" / "sib2.toml").read_text()
    assert roadmap("--roadmap", "sib2", "next", "--json").exit_code == 0


def test_add_refuses_an_id_clash_with_a_hint(
    roadmap: Callable[..., Run], served: HTTPServer, _isolated: Path
) -> None:
    url = served.url_for("/plans/plan.md")
    assert roadmap("add", url).exit_code == 0
    before = (_isolated / "roadmaps" / "plan.toml").read_bytes()
    run = roadmap("add", url)
    assert run.exit_code == 2
    assert "'plan' is already installed" in run.stderr
    assert "--id" in run.stderr
    assert (_isolated / "roadmaps" / "plan.toml").read_bytes() == before
    bundled = roadmap("add", url, "--id", "relearn-ai")
    assert bundled.exit_code == 2
    assert "bundled roadmap" in bundled.stderr and "--id" in bundled.stderr


def test_add_follows_a_chain_of_redirects(roadmap: Callable[..., Run], served: HTTPServer) -> None:
    for src, dst in (("/a", "/b"), ("/b", "/c"), ("/c", "/plans/plan.md")):
        served.expect_request(src).respond_with_data(
            "", status=301, headers={"Location": served.url_for(dst)}
        )
    run = roadmap("add", served.url_for("/a"), "--id", "redirected", "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["source"]["fetched_from"] == served.url_for("/plans/plan.md")


def _fails(run: Run, url: str, reason: str, data: Path) -> None:
    assert run.exit_code == 1, run.stderr
    lines = run.stderr.strip().splitlines()
    assert lines[0].startswith(f"roadmap: error: {url}: "), run.stderr
    assert reason in lines[0]
    assert "Traceback" not in run.stderr
    assert installed(data) == []


def test_add_http_errors(roadmap: Callable[..., Run], served: HTTPServer, _isolated: Path) -> None:
    served.expect_request("/missing.md").respond_with_data("not found", status=404)
    url = served.url_for("/missing.md")
    _fails(roadmap("add", url), url, "HTTP error 404", _isolated)
    served.expect_request("/boom.md").respond_with_data("no", status=500)
    url = served.url_for("/boom.md")
    _fails(roadmap("add", url), url, "HTTP error 500", _isolated)


def test_add_redirect_loop_and_redirect_out_of_http(
    roadmap: Callable[..., Run], served: HTTPServer, _isolated: Path
) -> None:
    served.expect_request("/loop").respond_with_data(
        "", status=301, headers={"Location": served.url_for("/loop")}
    )
    url = served.url_for("/loop")
    _fails(roadmap("add", url), url, "redirect", _isolated)
    served.expect_request("/ftp").respond_with_data(
        "", status=302, headers={"Location": "ftp://example.org/x.md"}
    )
    url = served.url_for("/ftp")
    _fails(roadmap("add", url), url, "non-http(s)", _isolated)


def test_refused_redirects_in_chinese(
    roadmap: Callable[..., Run], served: HTTPServer, _isolated: Path
) -> None:
    served.expect_request("/ftp").respond_with_data(
        "", status=302, headers={"Location": "ftp://example.org/x.md"}
    )
    url = served.url_for("/ftp")
    zh = roadmap("--lang", "zh", "add", url)
    assert zh.exit_code == 1 and zh.stdout == ""
    assert zh.stderr.splitlines()[0] == (
        f"roadmap: 错误: {url}: 重定向到了非 http(s) 地址（ftp://example.org/x.md）"
    )
    en = roadmap("--lang", "en", "add", url)
    assert en.stderr.splitlines()[0] == (
        f"roadmap: error: {url}: redirect to a non-http(s) address (ftp://example.org/x.md)"
    )
    served.expect_request("/loop").respond_with_data(
        "", status=301, headers={"Location": served.url_for("/loop")}
    )
    url = served.url_for("/loop")
    zh = roadmap("--lang", "zh", "add", url)
    assert zh.exit_code == 1
    assert zh.stderr.splitlines()[0] == f"roadmap: 错误: {url}: 重定向次数太多（HTTP 301）"
    assert installed(_isolated) == []


def test_add_times_out_on_a_slow_server(
    roadmap: Callable[..., Run],
    served: HTTPServer,
    _isolated: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def slow(request: Request) -> Response:
        time.sleep(1.5)
        return Response(PLAN)

    served.expect_request("/slow.md").respond_with_handler(slow)
    monkeypatch.setenv("ROADMAP_FETCH_TIMEOUT", "0.4")
    url = served.url_for("/slow.md")
    started = time.monotonic()
    _fails(roadmap("add", url), url, "timed out after 0.4 s", _isolated)
    assert time.monotonic() - started < 1.4


def test_add_times_out_on_a_body_that_trickles(
    roadmap: Callable[..., Run],
    served: HTTPServer,
    _isolated: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def trickle(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            for _ in range(8):
                yield b"- a topic\n"
                time.sleep(0.25)

        return Response(body(), direct_passthrough=True)

    served.expect_request("/trickle.md").respond_with_handler(trickle)
    monkeypatch.setenv("ROADMAP_FETCH_TIMEOUT", "0.6")
    url = served.url_for("/trickle.md")
    _fails(roadmap("add", url), url, "timed out after 0.6 s", _isolated)


def test_add_refuses_an_oversized_body(
    roadmap: Callable[..., Run], served: HTTPServer, _isolated: Path
) -> None:
    big = b"- item\n" * (5 * 1024 * 1024 // 7 + 2)
    served.expect_request("/big.md").respond_with_data(big)
    url = served.url_for("/big.md")
    _fails(roadmap("add", url), url, "larger than 5 MB", _isolated)

    def streamed(request: Request) -> Response:  # no Content-Length: counted while read
        return Response(iter([b"- item\n" * 100_000] * 10), direct_passthrough=True)

    served.expect_request("/stream.md").respond_with_handler(streamed)
    url = served.url_for("/stream.md")
    _fails(roadmap("add", url), url, "larger than 5 MB", _isolated)


def test_add_refuses_text_that_is_not_utf8(
    roadmap: Callable[..., Run], served: HTTPServer, _isolated: Path
) -> None:
    served.expect_request("/latin1.md").respond_with_data("# Über\n\n- Straße\n".encode("latin-1"))
    url = served.url_for("/latin1.md")
    _fails(roadmap("add", url), url, "not UTF-8", _isolated)
    served.expect_request("/utf16.md").respond_with_data("# Plan\n\n- a\n".encode("utf-16"))
    url = served.url_for("/utf16.md")
    _fails(roadmap("add", url), url, "not UTF-8", _isolated)


def test_add_refuses_what_is_not_a_roadmap(
    roadmap: Callable[..., Run], served: HTTPServer, _isolated: Path
) -> None:
    served.expect_request("/empty.md").respond_with_data("   \n")
    url = served.url_for("/empty.md")
    _fails(roadmap("add", url), url, "not a roadmap", _isolated)
    served.expect_request("/bad.toml").respond_with_data('schema = 1\nid = "x"\n[[stages]]\n')
    url = served.url_for("/bad.toml")
    _fails(roadmap("add", url), url, "not a roadmap", _isolated)


def test_add_unreachable_host(roadmap: Callable[..., Run], _isolated: Path) -> None:
    import socket

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/plan.md"
    _fails(roadmap("add", url), url, "cannot reach the host", _isolated)


def test_add_bad_sources_are_usage_errors(roadmap: Callable[..., Run], tmp_path: Path) -> None:
    run = roadmap("add", "ftp://example.org/plan.md")
    assert run.exit_code == 2 and "only http(s)" in run.stderr
    other = tmp_path / "plan.txt"
    other.write_text("x")
    run = roadmap("add", str(other))
    assert run.exit_code == 2 and "not a .md or .toml file" in run.stderr
    run = roadmap("add", str(tmp_path / "missing.md"))
    assert run.exit_code == 1 and "no such file" in run.stderr
    run = roadmap("add", str(other), "--id", "Bad Id")
    assert run.exit_code == 2 and "--id" in run.stderr


def test_add_progress_flag_is_checked_before_anything_is_written(
    roadmap: Callable[..., Run], served: HTTPServer, _isolated: Path
) -> None:
    run = roadmap("add", served.url_for("/sibling.toml"), "--progress")
    assert run.exit_code == 2
    assert "--progress" in run.stderr
    assert installed(_isolated) == []


# --- use, --roadmap ID, roadmaps --------------------------------------------------------


def test_use_switches_every_command_and_back(
    roadmap: Callable[..., Run], served: HTTPServer, _isolated: Path, tmp_path: Path
) -> None:
    assert roadmap("add", served.url_for("/plans/plan.md")).exit_code == 0
    run = roadmap("use", "plan")
    assert run.exit_code == 0, run.stderr
    assert "Now using plan: Study plan" in run.stdout
    config = json.loads((tmp_path / "config" / "config.json").read_text())
    assert config == {"roadmap": "plan"}
    assert roadmap("next", "--json").json()["next"][0]["id"] == "python-tutorial"
    done = roadmap("done", "numpy-guide")
    assert done.exit_code == 0
    assert (_isolated / "plan.json").is_file()
    assert roadmap("paths", "--json").exit_code == 0
    # --roadmap (an id or a path) and ROADMAP_FILE still win
    assert roadmap("--roadmap", "relearn-ai", "next", "--json").json()["next"][0]["id"]
    assert "plan" not in json.dumps(
        roadmap("--roadmap", "relearn-ai", "list", "--json").json()["roadmap"]
    )
    back = roadmap("use", "relearn-ai")
    assert back.exit_code == 0 and "bundled roadmap relearn-ai" in back.stdout
    assert json.loads((tmp_path / "config" / "config.json").read_text()) == {}
    assert roadmap("list", "--json").json()["roadmap"]["id"] == "relearn-ai"


def test_roadmap_option_accepts_an_installed_id(
    roadmap: Callable[..., Run], served: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert roadmap("add", served.url_for("/sibling.toml")).exit_code == 0
    assert roadmap("--roadmap", "sibling", "list", "--json").json()["roadmap"]["id"] == "sibling"
    monkeypatch.setenv("ROADMAP_FILE", "sibling")
    assert roadmap("show", "transformer", "--json").exit_code == 0
    monkeypatch.delenv("ROADMAP_FILE")
    run = roadmap("--roadmap", "sibbling", "next")
    assert run.exit_code == 2
    assert "no installed roadmap 'sibbling'" in run.stderr and "sibling" in run.stderr


def test_use_update_remove_of_an_unknown_id_suggest_installed_ones(
    roadmap: Callable[..., Run], served: HTTPServer
) -> None:
    assert roadmap("add", served.url_for("/sibling.toml")).exit_code == 0
    for command in ("use", "update", "remove"):
        run = roadmap(command, "siblings")
        assert run.exit_code == 2, command
        assert "no installed roadmap 'siblings'" in run.stderr
        assert "did you mean sibling" in run.stderr
    run = roadmap("use", "zzz")
    assert "installed: sibling" in run.stderr


def test_a_default_that_was_deleted_by_hand_names_the_fix(
    roadmap: Callable[..., Run], served: HTTPServer, _isolated: Path
) -> None:
    assert roadmap("add", served.url_for("/sibling.toml")).exit_code == 0
    assert roadmap("use", "sibling").exit_code == 0
    (_isolated / "roadmaps" / "sibling.toml").unlink()
    run = roadmap("next")
    assert run.exit_code == 1
    assert "'sibling', is not installed" in run.stderr and "roadmap use" in run.stderr


def test_roadmaps_lists_every_roadmap_with_its_progress(
    roadmap: Callable[..., Run], served: HTTPServer
) -> None:
    assert roadmap("add", served.url_for("/sibling.toml")).exit_code == 0
    assert roadmap("add", served.url_for("/plans/plan.md")).exit_code == 0
    assert (
        roadmap("--roadmap", "sibling", "done", "transformer", "--date", "2026-11-20").exit_code
        == 0
    )
    assert roadmap("--roadmap", "sibling", "start", "gpt-video").exit_code == 0
    assert roadmap("use", "sibling").exit_code == 0
    run = roadmap("roadmaps")
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("  relearn-ai ")
    assert lines[1].startswith("  plan ")
    sibling = next(line for line in lines if "sibling" in line)
    assert sibling.startswith("* sibling")
    assert "1/2" in sibling and "1 in progress" in sibling and "Sibling" in sibling
    doc = roadmap("roadmaps", "--json").json()
    assert doc["in_use"] == "sibling"
    row = next(r for r in doc["roadmaps"] if r["id"] == "sibling")
    assert row["progress"] == {
        "topics": 2,
        "done": 1,
        "skipped": 0,
        "in_progress": 1,
        "percent": 50.0,
    }
    assert row["source"] == served.url_for("/sibling.toml")
    assert row["last_activity"].endswith("Z")
    assert [r["id"] for r in doc["roadmaps"]] == ["relearn-ai", "plan", "sibling"]
    assert doc["roadmaps"][0]["bundled"] is True


# --- update ----------------------------------------------------------------------------


def _serve_plan(server: HTTPServer, text: str) -> None:
    server.clear()
    server.expect_request("/plans/plan.md").respond_with_data(text)


def test_update_unchanged_source_writes_nothing(
    roadmap: Callable[..., Run], served: HTTPServer, _isolated: Path
) -> None:
    assert roadmap("add", served.url_for("/plans/plan.md")).exit_code == 0
    path = _isolated / "roadmaps" / "plan.toml"
    before = path.stat().st_mtime_ns, (_isolated / "roadmaps" / "plan.source.json").read_text()
    run = roadmap("update", "plan")
    assert run.exit_code == 0, run.stderr
    assert "unchanged; nothing was written" in run.stdout
    after = path.stat().st_mtime_ns, (_isolated / "roadmaps" / "plan.source.json").read_text()
    assert before == after


def test_update_reports_added_removed_renamed_and_orphaned_marks(
    roadmap: Callable[..., Run], served: HTTPServer, _isolated: Path
) -> None:
    assert roadmap("add", served.url_for("/plans/plan.md")).exit_code == 0
    assert roadmap("--roadmap", "plan", "done", "numpy-guide", "probability").exit_code == 0
    changed = (
        PLAN.replace("[NumPy guide]", "[NumPy user guide]")  # renamed: same link
        .replace(
            "- [Probability](https://example.org/probability)\n", ""
        )  # removed (marked done: an orphan)
        .replace(
            "## Models\n", "## Models\n\n- [Flash attention](https://arxiv.org/abs/2205.14135)\n"
        )
    )
    _serve_plan(served, changed)
    run = roadmap("update", "plan")
    assert run.exit_code == 0, run.stderr
    assert "Added (1): flash-attention" in run.stdout
    assert "Removed (1): probability" in run.stdout
    assert "numpy-guide: NumPy guide → NumPy user guide" in run.stdout
    assert "Marks now orphaned (1): probability" in run.stdout
    doc = roadmap("--roadmap", "plan", "list", "--json").json()
    ids = [t["id"] for s in doc["stages"] for t in s["topics"]]
    assert "numpy-guide" in ids and "flash-attention" in ids and "probability" not in ids
    statuses = {t["id"]: t["status"] for s in doc["stages"] for t in s["topics"]}
    assert statuses["numpy-guide"] == "done"  # the mark followed the kept id
    again = roadmap("update", "plan", "--json")
    assert again.json()["unchanged"] is True and again.json()["written"] is False


def test_update_losing_over_a_fifth_of_topics_asks_for_yes(
    roadmap: Callable[..., Run], served: HTTPServer, _isolated: Path
) -> None:
    assert roadmap("add", served.url_for("/plans/plan.md")).exit_code == 0
    path = _isolated / "roadmaps" / "plan.toml"
    before = path.read_bytes()
    _serve_plan(served, "# Study plan\n\n## Basics\n\n- Linear algebra\n- Probability\n")
    run = roadmap("update", "plan")
    assert run.exit_code == 1
    assert "would remove 5 of 7 topics (more than a fifth); nothing was written" in run.stderr
    assert "--yes" in run.stderr
    assert path.read_bytes() == before
    run = roadmap("update", "plan", "--yes", "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["written"] is True and len(run.json()["removed"]) == 5
    assert path.read_bytes() != before


def test_update_rereads_a_local_source_and_fails_cleanly(
    roadmap: Callable[..., Run], tmp_path: Path, served: HTTPServer, _isolated: Path
) -> None:
    md = tmp_path / "mine.md"
    md.write_text(PLAN, encoding="utf-8")
    assert roadmap("add", str(md)).exit_code == 0
    md.write_text(PLAN + "- [Statistics](https://example.org/statistics)\n", encoding="utf-8")
    run = roadmap("update", "mine")
    assert run.exit_code == 0, run.stderr
    assert "Added (1): statistics" in run.stdout
    assert roadmap("add", served.url_for("/plans/plan.md")).exit_code == 0
    served.clear()
    before = (_isolated / "roadmaps" / "plan.toml").read_bytes()
    url = served.url_for("/plans/plan.md")
    run = roadmap("update", "plan")
    assert run.exit_code == 1 and run.stderr.startswith(f"roadmap: error: {url}: HTTP error")
    assert (_isolated / "roadmaps" / "plan.toml").read_bytes() == before
    bundled = roadmap("update", "relearn-ai")
    assert bundled.exit_code == 2 and "bundled" in bundled.stderr


# --- remove ----------------------------------------------------------------------------


def test_remove_keeps_progress_and_add_brings_the_marks_back(
    roadmap: Callable[..., Run], served: HTTPServer, _isolated: Path
) -> None:
    url = served.url_for("/sibling.toml")
    assert roadmap("add", url).exit_code == 0
    assert roadmap("use", "sibling").exit_code == 0
    assert roadmap("done", "transformer").exit_code == 0
    run = roadmap("remove", "sibling")
    assert run.exit_code == 0, run.stderr
    assert "Removed sibling" in run.stdout
    compact = "".join(run.stdout.split())  # long paths are folded
    assert str(_isolated / "sibling.json") in compact
    assert f"'roadmapadd{url}'" in compact and "marks back" in run.stdout
    assert "relearn-ai is in use again" in run.stdout
    assert installed(_isolated) == []
    assert (_isolated / "sibling.json").is_file()
    assert roadmap("list", "--json").json()["roadmap"]["id"] == "relearn-ai"
    again = roadmap("add", url)
    assert "1 topic already marked" in again.stdout
    assert (
        roadmap("--roadmap", "sibling", "show", "transformer", "--json").json()["topic"]["status"]
        == "done"
    )
    assert roadmap("remove", "relearn-ai").exit_code == 2


# --- done elsewhere --------------------------------------------------------------------


def test_done_elsewhere_hints_in_next_show_and_list(
    roadmap: Callable[..., Run], served: HTTPServer
) -> None:
    assert roadmap("add", served.url_for("/sibling.toml")).exit_code == 0
    assert roadmap("add", served.url_for("/plans/plan.md")).exit_code == 0
    assert (
        roadmap("--roadmap", "sibling", "done", "transformer", "--date", "2026-11-20").exit_code
        == 0
    )
    assert roadmap("use", "plan").exit_code == 0
    assert (
        roadmap(
            "done", "python-tutorial", "numpy-guide", "go-roadmap", "linear-algebra", "probability"
        ).exit_code
        == 0
    )
    nxt = roadmap("next")
    assert "attention-is-all-you-need" in nxt.stdout
    assert "done in sibling on 2026-11-20 (transformer)" in nxt.stdout
    hits = roadmap("next", "--json").json()["next"][0]["done_elsewhere"]
    assert hits == [{"roadmap": "sibling", "topic": "transformer", "at": "2026-11-20T12:00:00Z"}]
    show = roadmap("show", "attention-is-all-you-need")
    assert "Already done in sibling on 2026-11-20 (transformer)" in show.stdout
    listed = roadmap("list")
    assert "attention-is-all-you-need: done in sibling on 2026-11-20" in listed.stdout
    # never marked automatically
    status = roadmap("show", "attention-is-all-you-need", "--json").json()["topic"]["status"]
    assert status == "todo"
    # a YouTube video with another address form, marked after the index was built
    assert (
        roadmap("--roadmap", "sibling", "done", "gpt-video", "--date", "2026-11-21").exit_code == 0
    )
    doc = roadmap("list", "--json").json()
    video = next(
        t for s in doc["stages"] for t in s["topics"] if t["id"] == "karpathy-lets-build-gpt"
    )
    assert video["done_elsewhere"][0]["topic"] == "gpt-video"
    # and the other way round: the bundled roadmap is one of the others
    back = roadmap("--roadmap", "sibling", "show", "transformer", "--json").json()
    assert back["topic"]["done_elsewhere"] == []


def test_no_hints_and_no_index_without_installed_roadmaps(
    roadmap: Callable[..., Run], _isolated: Path
) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    doc = roadmap("next", "--json").json()
    assert all(item["done_elsewhere"] == [] for item in doc["next"])
    assert not (_isolated / "roadmaps").exists()


# --- completion ------------------------------------------------------------------------


def test_completion_of_installed_ids(
    roadmap: Callable[..., Run],
    served: HTTPServer,
    _isolated: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from roadmap_cli.cli.fastcomplete import complete

    assert roadmap("add", served.url_for("/sibling.toml")).exit_code == 0
    assert roadmap("add", served.url_for("/plans/plan.md")).exit_code == 0
    capsys.readouterr()
    env = {
        "_ROADMAP_COMPLETE": "complete_bash",
        "COMP_WORDS": "roadmap use ",
        "COMP_CWORD": "2",
        "ROADMAP_DATA_DIR": str(_isolated),
    }
    assert complete(env)
    assert capsys.readouterr().out.split() == ["relearn-ai", "plan", "sibling"]
    for command in ("update", "remove"):
        assert complete({**env, "COMP_WORDS": f"roadmap {command} s"})
        assert capsys.readouterr().out.split() == ["sibling"]
    # topic completion follows 'roadmap use'
    assert roadmap("use", "sibling").exit_code == 0
    capsys.readouterr()
    assert complete({**env, "COMP_WORDS": "roadmap done ", "COMP_CWORD": "2"})
    assert capsys.readouterr().out.split() == ["transformer", "gpt-video"]
    assert complete(
        {**env, "COMP_WORDS": "roadmap done ", "COMP_CWORD": "2", "ROADMAP_FILE": "plan"}
    )
    assert "python-tutorial" in capsys.readouterr().out.split()


def test_add_progress_records_the_ticked_boxes_an_importer_reports(
    roadmap: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An importer that reports ticked boxes (``ImportResult.ticked``, as ``import
    --progress`` brings) gets them recorded as done, in one batch ``undo`` reverts."""
    from roadmap_cli.actions import import_

    real = import_.run_import

    def ticking(*args: object, **kwargs: object) -> import_.ImportResult:
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        result.ticked = ["numpy-guide", "probability"]  # type: ignore[attr-defined]
        return result

    monkeypatch.setattr(import_, "run_import", ticking)
    md = tmp_path / "plan.md"
    md.write_text(PLAN, encoding="utf-8")
    run = roadmap("add", str(md), "--progress", "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["recorded_done"] == ["numpy-guide", "probability"]
    doc = roadmap("--roadmap", "plan", "list", "--json").json()
    done = sorted(t["id"] for s in doc["stages"] for t in s["topics"] if t["status"] == "done")
    assert done == ["numpy-guide", "probability"]
    assert roadmap("--roadmap", "plan", "undo").exit_code == 0
    doc = roadmap("--roadmap", "plan", "list", "--json").json()
    assert all(t["status"] == "todo" for s in doc["stages"] for t in s["topics"])


def test_roadmap_option_completes_installed_ids_and_leaves_paths_to_the_shell(
    roadmap: Callable[..., Run], served: HTTPServer
) -> None:
    """Through typer (an option is among the words): ``--roadmap <TAB>`` offers the ids;
    once a path is being typed, nothing (the shell completes file names); topic ids follow
    ``--roadmap ID``."""
    from tests.cli.test_completion import _bash

    assert roadmap("add", served.url_for("/sibling.toml")).exit_code == 0
    assert _bash("roadmap --roadmap ") == ["relearn-ai", "sibling"]
    assert _bash("roadmap --roadmap s") == ["sibling"]
    assert _bash("roadmap --roadmap ./s") == []
    assert _bash("roadmap --roadmap sibling done ") == ["transformer", "gpt-video"]
