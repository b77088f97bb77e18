"""'roadmap init FILE' writes a usable example; 'roadmap validate FILE' reports every
problem with its location and exits 1 on any error; '--roadmap FILE' / ROADMAP_FILE use
another roadmap whose progress is kept apart by its id."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from tests.builders import BROKEN


def test_init_writes_a_commented_example_that_validates(roadmap, tmp_path: Path) -> None:
    target = tmp_path / "Rust Lang.toml"
    run = roadmap("init", str(target))
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    assert "an example roadmap with id 'rust-lang'" in " ".join(run.stdout.split())
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# A roadmap for `roadmap`")
    data = tomllib.loads(text)
    assert data["id"] == "rust-lang"
    assert len(data["stages"]) == 2
    topics = [t for s in data["stages"] for t in s["topics"]]
    assert any(t.get("requires") for t in topics)
    assert any(t.get("optional") for t in topics)
    assert any(t.get("aliases") for t in topics)
    assert any(t.get("resources") for t in topics)
    check = roadmap("validate", str(target))
    assert check.exit_code == 0, check.stdout
    flat = " ".join(check.stdout.split())
    assert "valid roadmap 'rust-lang' (2 stages, 4 topics, 4 resources)" in flat
    assert f"roadmap --roadmap '{target}' next" in flat


def test_init_roadmap_is_usable_at_once_and_kept_apart(roadmap, tmp_path, _isolated) -> None:
    mine = tmp_path / "mine.toml"
    assert roadmap("init", str(mine)).exit_code == 0
    nxt = roadmap("--roadmap", str(mine), "next")
    assert nxt.exit_code == 0, nxt.stderr
    assert "Next: Python  (python)" in nxt.stdout
    done = roadmap("--roadmap", str(mine), "done", "python")
    assert done.exit_code == 0, done.stderr
    assert (_isolated / "mine.json").is_file()
    assert not (_isolated / "relearn-ai.json").exists()
    assert json.loads((_isolated / "mine.json").read_text())["roadmap"] == "mine"
    # the bundled roadmap's progress is untouched
    bundled = roadmap("list", "--json").json()
    assert all(t["status"] == "todo" for s in bundled["stages"] for t in s["topics"])


def test_roadmap_file_environment_variable(roadmap, tmp_path, monkeypatch) -> None:
    mine = tmp_path / "env.toml"
    assert roadmap("init", str(mine)).exit_code == 0
    monkeypatch.setenv("ROADMAP_FILE", str(mine))
    run = roadmap("list", "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["roadmap"]["id"] == "env"
    assert [s["id"] for s in run.json()["stages"]] == ["basics", "projects"]


def test_init_refuses_to_overwrite_without_force(roadmap, tmp_path: Path) -> None:
    target = tmp_path / "keep.toml"
    target.write_text("# my work\n", encoding="utf-8")
    run = roadmap("init", str(target))
    assert run.exit_code == 1
    assert run.stdout == ""
    assert "already exists" in run.stderr
    assert "--force" in run.stderr
    assert target.read_text(encoding="utf-8") == "# my work\n"
    forced = roadmap("init", str(target), "--force")
    assert forced.exit_code == 0, forced.stderr
    assert forced.stdout.startswith("Replaced")
    assert 'id = "keep"' in target.read_text(encoding="utf-8")


def test_validate_reports_every_problem_with_location_and_line(roadmap, tmp_path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        "\n".join(
            [
                "schema = 1",
                'id = "bad"',
                'title = "Bad"',
                "[[stages]]",
                'id = "s"',
                'title = "S"',
                "[[stages.topics]]",
                'id = "a"',
                'title = "A"',
                "[[stages.topics.resources]]",
                'title = "r"',
                'url = "ftp://example.com/x"',
                'kind = "paper"',
                "[[stages.topics]]",
                'id = "b"',
                'title = "B"',
                "colour = 1",
                "",
            ]
        ),
        encoding="utf-8",
    )
    run = roadmap("validate", str(bad))
    assert run.exit_code == 1
    assert run.stderr == ""
    assert run.stdout.startswith(f"{bad}: 2 errors")
    assert "line 12" in run.stdout
    assert "stages[0].topics[0].resources[0].url: URL scheme must be http or https" in (
        " ".join(run.stdout.split())
    )
    assert "line 17" in run.stdout
    assert "stages[0].topics[1].colour: unknown field" in run.stdout
    doc = roadmap("validate", str(bad), "--json")
    assert doc.exit_code == 1
    problems = doc.json()["problems"]
    assert [(p["severity"], p["location"], p["line"]) for p in problems] == [
        ("error", "stages[0].topics[0].resources[0].url", 12),
        ("error", "stages[0].topics[1].colour", 17),
    ]
    assert doc.json()["valid"] is False


def test_validate_cross_reference_errors_and_warnings(roadmap, tmp_path) -> None:
    bad = tmp_path / "refs.toml"
    bad.write_text(
        'schema = 1\nid = "r"\ntitle = "路线"\nlanguage = "zh"\n'
        '[[stages]]\nid = "s"\ntitle = "阶段"\ntitle_en = "Stage"\n'
        '[[stages.topics]]\nid = "a"\ntitle = "甲"\nrequires = ["bb"]\n',
        encoding="utf-8",
    )
    run = roadmap("validate", str(bad), "--json")
    assert run.exit_code == 1
    problems = {(p["severity"], p["location"]): p for p in run.json()["problems"]}
    assert problems[("error", "stages[0].topics[0].requires[0]")]["line"] == 12
    assert problems[("warning", "stages[0].topics[0].title_en")]["line"] == 9
    text = roadmap("validate", str(bad))
    assert "1 error, 1 warning" in text.stdout
    assert "unknown topic id 'bb'" in text.stdout


def test_validate_warnings_alone_exit_0(roadmap, tmp_path) -> None:
    warn = tmp_path / "warn.toml"
    warn.write_text(
        'schema = 1\nid = "w"\ntitle = "路线"\nlanguage = "zh"\n'
        '[[stages]]\nid = "s"\ntitle = "阶段"\n'
        '[[stages.topics]]\nid = "a"\ntitle = "甲"\ntitle_en = "A"\n',
        encoding="utf-8",
    )
    run = roadmap("validate", str(warn))
    assert run.exit_code == 0
    assert "valid roadmap 'w'" in run.stdout
    assert "1 warning" in run.stdout
    assert "stages[0].title_en: no English title" in run.stdout


def test_validate_toml_syntax_error_gives_line(roadmap, tmp_path) -> None:
    bad = tmp_path / "syntax.toml"
    bad.write_text('schema = 1\nid = "x"\ntitle = "unterminated\n', encoding="utf-8")
    run = roadmap("validate", str(bad), "--json")
    assert run.exit_code == 1
    (problem,) = run.json()["problems"]
    assert problem["line"] == 3
    assert "TOML syntax error" in problem["message"]


def test_validate_missing_file_exits_1(roadmap, tmp_path) -> None:
    run = roadmap("validate", str(tmp_path / "nope.toml"))
    assert run.exit_code == 1
    assert run.stdout == ""
    assert "no such roadmap file" in run.stderr
    assert "roadmap init" in run.stderr


def test_validate_bundled_roadmap_is_valid(roadmap) -> None:
    from roadmap_cli.roadmap.bundled import bundled_roadmap_path

    run = roadmap("validate", str(bundled_roadmap_path()), "--json")
    assert run.exit_code == 0, run.stdout
    assert run.json()["valid"] is True
    assert run.json()["roadmap"]["id"] == "relearn-ai"


def test_validate_reports_field_and_cross_reference_errors_together(roadmap, tmp_path) -> None:
    bad = tmp_path / "both.toml"
    bad.write_text(
        'schema = 1\nid = "both"\ntitle = "Both"\n'
        '[[stages]]\nid = "s"\ntitle = "S"\n'
        '[[stages.topics]]\nid = "a"\ntitle = "A"\nrequires = ["b", "zz"]\n'
        '[[stages.topics]]\nid = "b"\ntitle = "B"\nrequires = ["a"]\n'
        '[[stages.topics.resources]]\ntitle = "r"\nurl = "ftp://x.org/"\nkind = "paper"\n',
        encoding="utf-8",
    )
    run = roadmap("validate", str(bad), "--json")
    assert run.exit_code == 1
    found = [(p["line"], p["location"], p["message"]) for p in run.json()["problems"]]
    assert found == [
        (10, "stages[0].topics[0].requires[1]", "unknown topic id 'zz'"),
        (10, "stages[0].topics[0].requires", "prerequisite cycle: a → b → a"),
        (17, "stages[0].topics[1].resources[0].url", "URL scheme must be http or https, not 'ftp'"),
    ]


# every command lists the same problems of a broken roadmap as validate


def test_commands_list_every_problem_validate_finds(roadmap, tmp_path) -> None:
    path = tmp_path / "b1.toml"
    path.write_text(BROKEN, encoding="utf-8")
    check = roadmap("validate", str(path), "--json")
    assert check.exit_code == 1
    found = [f"{p['location']}: {p['message']}" for p in check.json()["problems"]]
    assert len(found) == 3
    run = roadmap("--roadmap", str(path), "next")
    assert run.exit_code == 1
    assert run.stdout == ""
    assert "invalid roadmap file (3 problems)" in run.stderr
    listed = [line.strip() for line in run.stderr.splitlines()[1:4]]
    assert listed == found  # the same problems, in the same (file) order
    assert "unknown topic id 'nope'" in run.stderr
