"""Line folding (render/prose.py): CJK-aware breaks, punctuation that keeps to its
neighbour, whole Latin words, no-break spaces, hanging indents, styles kept."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from roadmap_cli.render import prose
from roadmap_cli.render.prose import NBSP, fold_indented, fold_lines, fold_text, hang
from roadmap_cli.render.text import Style, Text

# the tokens as a regular expression gave them before render/prose.py split runs itself
_WIDE = (
    "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
)
_TOKENS = re.compile(f"[{_WIDE}]|(?:[^\\s{_WIDE}]|{NBSP})+")
EDGES = "\u1100\u115f\u1160\u2e7f\u2e80\u3000\u303e\u303f\u3040\u3041\u33ff\u3400\u4dbf\u4dc0"
EDGES += "\u4e00\u9fff\ua000\uac00\ud7a3\ud7a4\uff60\uff61\uffe6\uffe7 \u00a0\t\n、（a1.é"


@given(st.text(alphabet=st.sampled_from(EDGES) | st.characters(), max_size=40))
def test_tokens_are_those_of_the_old_expression(text: str) -> None:
    assert list(prose._tokens(text)) == [m.span() for m in _TOKENS.finditer(text)]


def test_breaks_between_cjk_characters() -> None:
    assert fold_lines("一二三四五六", 6) == ["一二三", "四五六"]


def test_breaks_at_spaces_and_drops_them() -> None:
    assert fold_lines("alpha beta gamma", 10) == ["alpha beta", "gamma"]


def test_latin_word_next_to_cjk_moves_whole() -> None:
    assert fold_lines("数据处理（llama3、deepseek v3）", 22) == [
        "数据处理（llama3、",
        "deepseek v3）",
    ]


def test_opening_bracket_never_ends_a_line() -> None:
    lines = fold_lines("优质博客：科学空间（苏剑林）", 20)
    assert lines == ["优质博客：科学空间", "（苏剑林）"]
    assert fold_lines("优质博客：Lil'Log（Lilian Weng）", 22) == [
        "优质博客：Lil'Log",
        "（Lilian Weng）",
    ]


@pytest.mark.parametrize("mark", list("（「『《〈【([{“‘"))
def test_no_opening_mark_ends_a_line(mark: str) -> None:
    text = f"一二三四{mark}五六"
    for width in range(4, 16):
        assert all(line[-1] != mark for line in fold_lines(text, width) if line)


@pytest.mark.parametrize("mark", list("、，。；：！？）」』》〉】)]}”’"))
def test_no_closing_mark_starts_a_line(mark: str) -> None:
    text = f"一二三{mark}四五六"
    for width in range(4, 16):
        assert all(line[0] != mark for line in fold_lines(text, width) if line)


def test_enumeration_comma_stays_with_its_word() -> None:
    assert fold_lines("KV cache（MQA、GQA、MLA、PagedAttention）", 31) == [
        "KV cache（MQA、GQA、MLA、",
        "PagedAttention）",
    ]


def test_word_wider_than_the_line_is_folded() -> None:
    assert fold_lines("abcdefghijklmnopqrstuvwxyz", 10) == ["abcdefghij", "klmnopqrst", "uvwxyz"]


def test_split_long_false_keeps_a_long_word_whole() -> None:
    url = "https://example.org/a/very/long/path"
    assert fold_lines(f"see {url} now", 10, split_long=False) == ["see", url, "now"]


def test_no_break_space_joins_and_prints_as_space() -> None:
    text = f"[{NBSP}]{NBSP}ddim, [{NBSP}]{NBSP}controlnet"
    assert fold_lines(text, 14) == ["[ ] ddim,", "[ ] controlnet"]


def test_newlines_kept_and_blank_lines_kept() -> None:
    assert fold_lines("one\n\ntwo three", 5) == ["one", "", "two", "three"]


def test_lines_never_wider_than_width() -> None:
    text = "李宏毅的课程，名为机器学习实则是深度学习。适合大多数人，老师风趣幽默 MLP 到生成模型"
    for width in range(2, 40):
        assert all(cell_len(line) <= width for line in fold_lines(text, width))


def test_fold_text_keeps_styles_and_links() -> None:
    text = Text("hello ")
    text.append("big world", style=Style(bold=True, link="https://x.org"))
    lines = fold_text(text, 6)
    assert [line.plain for line in lines] == ["hello", "big", "world"]
    assert [(s.start, s.end, s.style.link) for s in lines[2].spans] == [(0, 5, "https://x.org")]
    assert lines[2].__rich__().get_style_at_offset(_console(), 0).link == "https://x.org"


def test_hang_indents_continuation_lines() -> None:
    text = hang("Next: ", "alpha beta gamma delta", 18)
    assert text.plain == "Next: alpha beta\n      gamma delta"


def test_hang_with_explicit_indent_and_paragraphs() -> None:
    text = hang("  12:00  ", "multi\nline", 40)
    assert text.plain == "  12:00  multi\n         line"


def test_fold_indented_keeps_leading_spaces() -> None:
    assert fold_indented("    one two three", 12).plain == "    one two\n    three"


def _console():  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console()


def test_indented_paragraph_keeps_its_indentation() -> None:
    assert fold_lines("list:\n  - one two three", 12) == ["list:", "  - one two", "three"]


def test_note_with_indented_line_keeps_it_under_hang() -> None:
    text = hang("  12:00  ", "steps:\n  1. read", 40)
    assert text.plain == "  12:00  steps:\n           1. read"
