"""The store of installed roadmaps, the config file, the choice of roadmap, raw GitHub
addresses and the id rewrite of a TOML roadmap."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roadmap_cli.actions.library_source import with_roadmap_id
from roadmap_cli.errors import RoadmapError, UsageError
from roadmap_cli.library.config import read_default, write_default
from roadmap_cli.library.fetch import TIMEOUT, fetch_timeout, raw_url
from roadmap_cli.library.select import as_roadmap_id, resolve_roadmap
from roadmap_cli.library.store import BUNDLED_ID, Library, SourceRecord
from roadmap_cli.roadmap.bundled import bundled_roadmap_path
from roadmap_cli.roadmap.catalog import raw_roadmap_id


def test_the_bundled_id_is_the_bundled_roadmaps() -> None:
    assert raw_roadmap_id(bundled_roadmap_path()) == BUNDLED_ID


def test_raw_url_of_github_pages() -> None:
    assert (
        raw_url("https://github.com/TIC-DLUT/roadmap/blob/main/Agent.md")
        == "https://raw.githubusercontent.com/TIC-DLUT/roadmap/main/Agent.md"
    )
    assert (
        raw_url("https://github.com/o/r/blob/v1.2/docs/a%20b.md?plain=1")
        == "https://raw.githubusercontent.com/o/r/v1.2/docs/a%20b.md?plain=1"
    )
    for same in ("https://github.com/o/r", "https://example.com/o/r/blob/main/a.md"):
        assert raw_url(same) == same


def test_fetch_timeout_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert fetch_timeout() == TIMEOUT == 20.0
    monkeypatch.setenv("ROADMAP_FETCH_TIMEOUT", "0.5")
    assert fetch_timeout() == 0.5
    for bad in ("-1", "soon", "0"):
        monkeypatch.setenv("ROADMAP_FETCH_TIMEOUT", bad)
        assert fetch_timeout() == TIMEOUT


def test_library_install_list_and_uninstall(tmp_path: Path) -> None:
    library = Library(tmp_path)
    assert library.ids() == []
    record = SourceRecord("https://x.org/a.md", "https://x.org/a.md", "markdown", "T", "ab")
    library.install("b-road", "text", record, replace=False)
    library.install("a-road", "text", record, replace=False)
    (library.folder / "Not-An-Id.toml").write_text("")
    assert library.ids() == ["a-road", "b-road"]
    assert library.read_source("a-road") == record
    with pytest.raises(RoadmapError, match="already exists"):
        library.install("a-road", "text", record, replace=False)
    library.uninstall("a-road")
    assert library.ids() == ["b-road"] and library.read_source("a-road") is None
    error = library.unknown("b-roda")
    assert isinstance(error, UsageError) and "did you mean b-road" in (error.hint or "")


def test_config_keeps_other_keys_and_refuses_a_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "config.json"
    assert read_default(path) is None
    write_default("agent", path)
    assert read_default(path) == "agent"
    data = json.loads(path.read_text())
    data["theme"] = {"dark": True}
    path.write_text(json.dumps(data))
    write_default(None, path)
    assert json.loads(path.read_text()) == {"theme": {"dark": True}}
    path.write_text("[1, 2]")
    with pytest.raises(RoadmapError, match="not a JSON object"):
        read_default(path)


def test_resolve_roadmap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library = Library(tmp_path)
    record = SourceRecord("s", "s", "toml", "t", "h")
    library.install("agent", "x", record, replace=False)
    bundled = bundled_roadmap_path()
    assert as_roadmap_id(Path("agent")) == "agent"
    assert as_roadmap_id(Path("agent.toml")) is None and as_roadmap_id(Path("./x/agent")) is None
    assert resolve_roadmap(None, tmp_path) == bundled
    assert resolve_roadmap(Path("agent"), tmp_path) == library.path("agent")
    assert resolve_roadmap(Path(BUNDLED_ID), tmp_path) == bundled
    assert resolve_roadmap(Path("mine.toml"), tmp_path) == Path("mine.toml")
    with pytest.raises(UsageError, match="no installed roadmap 'agnet'"):
        resolve_roadmap(Path("agnet"), tmp_path)
    assert resolve_roadmap(Path("agnet"), tmp_path, strict=False) == bundled
    write_default("agent")
    assert resolve_roadmap(None, tmp_path) == library.path("agent")
    library.uninstall("agent")
    with pytest.raises(RoadmapError, match="is not installed"):
        resolve_roadmap(None, tmp_path)
    assert resolve_roadmap(None, tmp_path, strict=False) == bundled


def test_with_roadmap_id_replaces_only_the_top_level_id() -> None:
    text = '# c\nschema = 1\nid = "old"  # note\n\n[[stages]]\nid = "old"\n'
    assert (
        with_roadmap_id(text, "new")
        == '# c\nschema = 1\nid = "new"  # note\n\n[[stages]]\nid = "old"\n'
    )
    assert with_roadmap_id("id = 'x'\n", "y") == 'id = "y"\n'
    assert with_roadmap_id('[[stages]]\nid = "a"\n', "y") is None


def test_going_back_to_the_bundled_roadmap_makes_no_config_file(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "config.json"
    assert write_default(None, path) == path
    assert not path.exists() and not path.parent.exists()
