"""Layout of text output at narrow and wide consoles: URLs and paths are never folded or
cropped, Chinese titles fold between characters (never inside an English word, never
before closing or after opening punctuation), and folded lines keep their hanging
indent."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import builders

#: Punctuation that must not start a line, and marks that must not end one.
NO_LINE_START = frozenset("、，。；：！？）」』》〉】)]}”’,.;:!?%")
NO_LINE_END = frozenset("（「『《〈【([{“‘")
YOUTUBE = "https://www.youtube.com/playlist?list=PLJV_el3uVTsPM2mM-OQzJXziCGJa8nJL8"
WIDTHS = [50, 60, 80, 100, 200]

LONG_URL = "https://example.org/" + "very-long-path-segment/" * 5 + "end.html"
DATA = builders.topic(
    "data",
    "大规模语言模型的数据处理流程（llama3、deepseek v3）与评测方法综述",
    title_en="How large language models process their data (llama3, deepseek v3) and evaluation",
    summary="总结（KV cache、PagedAttention）和其他很多内容，"
    "这是一段相当长的中文摘要，用来测试折行。",
    resources=[
        builders.resource(
            LONG_URL,
            "一个非常非常长的资源标题，其中有英文单词 FlashAttention 和 deepseek",
            "blog",
            note="作者的说明也相当长，需要折行显示，其中包括 English words that must stay whole。",
        )
    ],
)
SECOND = builders.topic(
    "second",
    "第二个主题：也有一个相当长的标题（Lilian Weng）需要折行显示出来",
    title_en="The second topic also has a rather long title that must fold somewhere",
    requires=["data"],
)
ROADMAP = builders.make_roadmap(
    [
        builders.stage(
            "basics",
            [DATA, SECOND],
            "基础知识与预备课程：线性代数、概率论与最优化方法",
            title_en="Foundations: linear algebra, probability and optimisation methods",
        )
    ],
    id="layout",
    title="排版测试路线图",
    language="zh",
    title_en="Layout test roadmap",
)


@pytest.fixture
def layout_roadmap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A roadmap with long Chinese and English titles and a long URL, in use."""
    path = tmp_path / "layout.toml"
    path.write_text(ROADMAP, encoding="utf-8")
    monkeypatch.setenv("ROADMAP_FILE", str(path))
    return path


def _columns(monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))


def _assert_clean(stdout: str, width: int) -> None:
    """No trailing spaces, no punctuation on the wrong side of a break, and no line wider
    than ``width`` unless it is a URL or path left whole."""
    from rich.cells import cell_len

    for line in stdout.splitlines():
        assert line == line.rstrip(), f"trailing space: {line!r}"
        text = line.strip()
        if text and not text.isascii():
            assert text[0] not in NO_LINE_START or text.isascii(), f"starts badly: {line!r}"
        if text:
            assert text[-1] not in NO_LINE_END, f"line ends with an opening mark: {line!r}"
        if cell_len(line) > width:
            assert text.startswith(("http", "/")) or "/" in text.split()[-1], line


# 1. URLs are never folded or cropped -------------------------------------------------


@pytest.mark.parametrize("width", [50, 60, 80])
@pytest.mark.parametrize(
    "args",
    [
        ("next",),
        ("show", "dl-theory"),
        ("search", "YouTube"),
        ("open", "dl-theory", "--no-browser"),
    ],
)
def test_url_is_printed_whole_on_its_own_line(
    roadmap, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], width: int
) -> None:
    _columns(monkeypatch, width)
    run = roadmap(*args)
    assert run.exit_code == 0
    assert run.stderr == ""
    url_lines = [line for line in run.stdout.splitlines() if YOUTUBE in line]
    assert url_lines, run.stdout
    for line in url_lines:
        assert line.strip() == YOUTUBE  # alone on its line
        assert line.startswith("  ")  # indented under the resource's title
    assert "nJL8\n" in run.stdout and "\nnJL8" not in run.stdout


def test_long_url_of_a_custom_roadmap_runs_past_the_edge(
    roadmap, layout_roadmap: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _columns(monkeypatch, 50)
    run = roadmap("show", "data")
    assert run.exit_code == 0
    assert run.stderr == ""
    (line,) = [line for line in run.stdout.splitlines() if "example.org" in line]
    assert line.strip() == LONG_URL
    assert line.startswith(" " * 10)


# 2. Chinese titles fold between characters, not inside words -------------------------


def test_zh_list_at_50_keeps_english_words_and_brackets_whole(
    roadmap, monkeypatch: pytest.MonkeyPatch
) -> None:
    _columns(monkeypatch, 50)
    run = roadmap("--lang", "zh", "list", "llm-advanced")
    assert run.exit_code == 0
    assert run.stderr == ""
    pad = " " * 29
    assert "数据处理（llama3、\n" + pad + "deepseek v3）\n" in run.stdout
    assert "优质博客：Lil'Log\n" + pad + "（Lilian Weng）\n" in run.stdout
    assert "KV cache（MQA、GQA、\n" + pad + "MLA、PagedAttention）\n" in run.stdout
    _assert_clean(run.stdout, 50)


def test_zh_list_at_60_does_not_cut_paged_attention(
    roadmap, monkeypatch: pytest.MonkeyPatch
) -> None:
    _columns(monkeypatch, 60)
    run = roadmap("--lang", "zh", "list", "llm-advanced")
    assert run.exit_code == 0
    assert run.stderr == ""
    assert "KV cache（MQA、GQA、MLA、\n" + " " * 29 + "PagedAttention）\n" in run.stdout
    assert "\n" + " " * 29 + "KV\n" not in run.stdout
    _assert_clean(run.stdout, 60)


# 3. folded lines keep their hanging indent --------------------------------------------


def test_report_next_section_folds_under_its_item(
    roadmap, layout_roadmap: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _columns(monkeypatch, 60)
    run = roadmap("--lang", "zh", "report")
    assert run.exit_code == 0
    assert run.stderr == ""
    section = run.stdout.split("\n接下来\n")[1].split("\n\n")[0].splitlines()
    assert len(section) > 1  # the long title folds
    assert section[0].startswith("  data  大规模语言模型")
    for line in section[1:]:
        assert line.startswith(" " * 8), section
    _assert_clean(run.stdout, 60)


@pytest.mark.parametrize(
    ("args", "first", "indent"),
    [
        (("next",), "下一步：", 8),
        (("list",), "  [ ] data   ", 13),
        (("show", "basics"), "[ ] data   ", 11),
    ],
)
def test_long_titles_keep_their_hanging_indent(
    roadmap,
    layout_roadmap: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    first: str,
    indent: int,
) -> None:
    _columns(monkeypatch, 50)
    run = roadmap("--lang", "zh", *args)
    assert run.exit_code == 0
    assert run.stderr == ""
    lines = run.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    assert lines[start + 1].startswith(" " * indent)
    assert not lines[start + 1].startswith(" " * (indent + 1))
    assert "llama3、" in run.stdout and "deepseek v3" in run.stdout
    _assert_clean(run.stdout, 50)


def test_history_folds_under_its_column(
    roadmap, layout_roadmap: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert roadmap("done", "data").exit_code == 0
    _columns(monkeypatch, 50)
    run = roadmap("--lang", "en", "history")
    assert run.exit_code == 0
    assert run.stderr == ""
    lines = run.stdout.splitlines()
    assert lines[0].startswith("20") and "done  · How large" in lines[0]
    assert lines[1].startswith(" " * 24) and lines[1][24] != " "  # time, id, gaps
    _assert_clean(run.stdout, 50)


# 4. a status mark stays with its id -----------------------------------------------------


@pytest.mark.parametrize("width", [50, 60, 80])
def test_required_by_keeps_each_mark_with_its_id(
    roadmap, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    _columns(monkeypatch, width)
    run = roadmap("show", "ddpm")
    assert run.exit_code == 0
    assert run.stderr == ""
    block = run.stdout.split("Required by: ")[1].split("\n\n")[0]
    lines = block.splitlines()
    for line in lines:
        assert not line.rstrip().endswith(("[ ]", "[", ",")) or line.endswith(","), line
        assert not line.strip().startswith(("]", "ddpm"))
    for topic in ("ddim", "score-sde", "dreambooth", "controlnet", "ip-adapter"):
        assert f"[ ] {topic}" in block
    for line in lines[1:]:
        assert line.startswith(" " * 13)  # under the first mark


# 5. doctor prints paths whole ------------------------------------------------------------


def test_doctor_prints_a_long_path_whole(
    roadmap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "a-rather-long-folder-name" / "and-another-long-folder-name"
    monkeypatch.setenv("ROADMAP_DATA_DIR", str(data))
    _columns(monkeypatch, 80)
    assert roadmap("done", "numpy").exit_code == 0
    run = roadmap("doctor")
    assert run.exit_code == 0
    assert run.stderr == ""
    progress = str(data / "relearn-ai.json")
    assert len(progress) > 80 - 14
    assert f"ok   Progress {progress}\n" in run.stdout
    assert "(1 event)" in run.stdout


# 6. multi-line notes stay indented --------------------------------------------------------

NOTE = "multi\nline\r\nnote\ttab"


def test_note_confirmation_indents_every_line(roadmap) -> None:
    run = roadmap("note", "numpy", NOTE)
    assert run.exit_code == 0
    assert run.stderr == ""
    assert "\n  multi\n  line\n  note    tab\n" in run.stdout


def test_change_confirmation_indents_the_note(roadmap) -> None:
    run = roadmap("done", "numpy", "--note", NOTE)
    assert run.exit_code == 0
    assert run.stderr == ""
    pad = " " * len("Note added: ")
    assert f"Note added: multi\n{pad}line\n{pad}note    tab\n" in run.stdout


def test_show_notes_indent_every_line(roadmap) -> None:
    assert roadmap("note", "numpy", NOTE).exit_code == 0
    run = roadmap("show", "numpy")
    assert run.exit_code == 0
    assert run.stderr == ""
    notes = run.stdout.split("\nNotes\n")[1].splitlines()
    assert notes[0].endswith("  multi")
    pad = " " * (len(notes[0]) - len("multi"))
    assert notes[1:] == [pad + "line", pad + "note    tab"]


def test_history_still_flattens_a_note(roadmap) -> None:
    assert roadmap("note", "numpy", NOTE).exit_code == 0
    run = roadmap("history")
    assert run.exit_code == 0
    assert "note: multi line note tab" in run.stdout


# every command at every width ------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("next",),
        ("show", "ddpm"),
        ("show", "diffusion"),
        ("search", "attention"),
        ("report",),
        ("history",),
        ("doctor",),
        ("open", "ddpm", "--all", "--no-browser"),
    ],
)
def test_every_command_is_clean_at_every_width(
    roadmap, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], lang: str, width: int
) -> None:
    assert roadmap("start", "llm-data").exit_code == 0
    assert roadmap("note", "llm-data", "看完了（第一部分），deepseek v3 还没看").exit_code == 0
    _columns(monkeypatch, width)
    run = roadmap("--lang", lang, *args)
    assert run.exit_code == 0
    assert run.stderr == ""
    _assert_clean(run.stdout, width)
