"""Extreme input: huge titles and notes, endless files, huge arguments."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.text import Text

from roadmap_cli.render.prose import fold_lines, fold_text


def roadmap_with(tmp_path: Path, title: str = "T", summary: str = "x") -> Path:
    path = tmp_path / "long.toml"
    path.write_text(
        'schema = 1\nid = "long"\ntitle = "Long"\n[[stages]]\nid = "s"\ntitle = "S"\n'
        f'[[stages.topics]]\nid = "t"\ntitle = "{title}"\nsummary = "{summary}"\n',
        encoding="utf-8",
    )
    return path


def test_a_huge_title_is_refused_by_validation_naming_the_limit(roadmap, tmp_path) -> None:
    path = roadmap_with(tmp_path, title="a" * 100_000)
    run = roadmap("--roadmap", str(path), "list")
    assert run.exit_code == 1
    assert "title: is 100,000 characters long; a title may have at most 5,000" in run.stderr
    assert len(run.stderr) < 1000


def test_a_huge_summary_is_refused(roadmap, tmp_path) -> None:
    run = roadmap("validate", str(roadmap_with(tmp_path, summary="b" * 20_001)))
    assert run.exit_code == 1
    assert "a summary may have at most 20,000" in " ".join(run.stdout.split())


def test_titles_at_the_limit_still_render(roadmap, tmp_path) -> None:
    path = roadmap_with(tmp_path, title="word " * 199 + "end")
    run = roadmap("--roadmap", str(path), "list")
    assert run.exit_code == 0, run.stderr
    assert "end" in run.stdout


def test_a_huge_note_is_refused_with_the_limit(roadmap, progress_file) -> None:
    run = roadmap("done", "numpy", "-m", "n" * 10_001)
    assert run.exit_code == 2
    assert "the limit is 10,000" in run.stderr
    assert not progress_file.exists()
    assert roadmap("note", "numpy", "n" * 10_001).exit_code == 2


@pytest.mark.parametrize(
    "args", [("--roadmap", "/dev/zero", "list"), ("progress", "merge", "/dev/zero")]
)
def test_endless_files_are_refused_without_reading_them_all(roadmap, progress_file, args) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    assert roadmap("done", "numpy").exit_code == 0
    before = progress_file.read_bytes()
    run = roadmap(*args)
    assert run.exit_code == 1
    assert "larger than 64 MB (or endless, like /dev/zero)" in run.stderr
    assert progress_file.read_bytes() == before


def test_a_huge_argument_is_cut_in_the_error(roadmap) -> None:
    run = roadmap("done", "z" * 130_000)
    assert run.exit_code == 2
    assert len(run.stderr) < 1_000
    assert "characters)" in run.stderr


@given(
    st.text(alphabet=st.sampled_from("ab 深度，。(x)\n"), max_size=400),
    st.integers(1, 30),
)
def test_fold_text_breaks_where_fold_lines_does(text: str, width: int) -> None:
    styled = Text(text)
    styled.stylize("bold", 0, len(text) // 2)
    assert [line.plain for line in fold_text(styled, width)] == fold_lines(text, width)
