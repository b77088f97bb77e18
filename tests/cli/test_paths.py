"""'roadmap paths': the roadmap in use, the progress file and its backups."""

from __future__ import annotations

from pathlib import Path


def test_paths_of_bundled_roadmap_before_any_change(roadmap, _isolated: Path) -> None:
    run = roadmap("paths", "--json")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    doc = run.json()
    assert doc["roadmap"]["bundled"] is True
    assert doc["roadmap"]["id"] == "relearn-ai"
    assert Path(doc["roadmap"]["file"]).name == "roadmap.toml"
    assert doc["data_dir"] == str(_isolated)
    assert doc["progress"] == {"file": str(_isolated / "relearn-ai.json"), "exists": False}
    assert doc["lock_file"] == str(_isolated / "relearn-ai.json.lock")
    assert doc["backups"] == {"folder": str(_isolated / "backups"), "files": []}
    text = roadmap("paths")
    assert text.exit_code == 0
    flat = " ".join(text.stdout.split())
    assert "(bundled)" in flat
    assert f"Progress {_isolated / 'relearn-ai.json'} (not written yet" in flat


def test_paths_lists_backups_newest_first(roadmap, _isolated: Path) -> None:
    for topic in ("dl-theory", "dl-code", "numpy"):
        assert roadmap("done", topic).exit_code == 0
    doc = roadmap("paths", "--json").json()
    assert doc["progress"]["exists"] is True
    names = [Path(p).name for p in doc["backups"]["files"]]
    assert names == ["relearn-ai.json.1", "relearn-ai.json.2"]
    text = roadmap("paths").stdout
    assert "2 kept" in text
    assert str(_isolated / "backups" / "relearn-ai.json.2") in text


def test_paths_follows_roadmap_and_data_dir_options(roadmap, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    assert roadmap("init", str(mine)).exit_code == 0
    elsewhere = tmp_path / "sync"
    run = roadmap("--roadmap", str(mine), "--data-dir", str(elsewhere), "paths", "--json")
    assert run.exit_code == 0, run.stderr
    doc = run.json()
    assert doc["roadmap"] == {"file": str(mine), "bundled": False, "id": "mine"}
    assert doc["progress"]["file"] == str(elsewhere / "mine.json")


def test_paths_still_works_with_an_invalid_roadmap(roadmap, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('schema = 1\nid = "broken"\ntitle = "B"\nstages = []\n', encoding="utf-8")
    assert roadmap("--roadmap", str(broken), "list").exit_code == 1
    run = roadmap("--roadmap", str(broken), "paths", "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["progress"]["file"].endswith("broken.json")
    missing = roadmap("--roadmap", str(tmp_path / "nope.toml"), "paths")
    assert missing.exit_code == 1
    assert "no such roadmap file" in missing.stderr


def test_paths_works_when_the_roadmap_is_not_even_valid_toml(roadmap, tmp_path: Path) -> None:
    """A TOML syntax error after a well-formed ``id`` line: ``paths`` still names the
    progress file (to repair or restore it); no id line before the error: an error."""
    broken = tmp_path / "syntax.toml"
    broken.write_text('schema = 1\nid = "mine"  # mine\ntitle = [\n', encoding="utf-8")
    assert roadmap("--roadmap", str(broken), "list").exit_code == 1
    run = roadmap("--roadmap", str(broken), "paths", "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["progress"]["file"].endswith("mine.json")
    nameless = tmp_path / "nameless.toml"
    nameless.write_text('schema = 1\ntitle = [\n[stages]\nid = "not-top-level"\n', "utf-8")
    failed = roadmap("--roadmap", str(nameless), "paths")
    assert failed.exit_code == 1
    assert failed.stdout == ""
    assert "nameless.toml" in failed.stderr
