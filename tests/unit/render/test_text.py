"""render/text.py's Text against rich's: the same operations give the same string and the
same spans, and render/console.py prints them byte for byte as a rich console with the
project's theme does (colour, no colour, links, hanging lines, wide characters)."""

from __future__ import annotations

import io
import re

import pytest
import rich.text
from hypothesis import given
from hypothesis import strategies as st

from roadmap_cli.render import console as console_module
from roadmap_cli.render.console import THEME, Console, make_rich_console
from roadmap_cli.render.text import Span, Style, Text

STYLES = [*THEME, "bold", "bold blue", "dim italic", "reverse", "red", Style(strike=True)]
STYLES += [Style(bold=True, link="https://example.org/a"), Style(color="blue", link="u")]
WORDS = st.sampled_from(["a", "bc", "  ", "中文", "x y", "界", "\u00a0", "é", "→", "\n", "z\n"])
STRINGS = st.lists(WORDS, max_size=6).map("".join)
STYLE = st.sampled_from(["", *STYLES])


def rich_style(style: str | Style) -> object:
    return style.to_rich() if isinstance(style, Style) else style


def as_rich_spans(text: Text) -> list[tuple[int, int, object]]:
    return [(s.start, s.end, rich_style(s.style)) for s in text.spans]


def same(ours: Text, theirs: rich.text.Text) -> None:
    assert ours.plain == theirs.plain
    assert as_rich_spans(ours) == [(s.start, s.end, s.style) for s in theirs.spans]
    assert rich_style(ours.style) == theirs.style
    assert ours.cell_len == theirs.cell_len


# one step: ("append", string, style) | ("text", string, style) | ("divide", cuts) …
STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("append"), STRINGS, STYLE),
        st.tuples(st.just("text"), STRINGS, STYLE),
        st.tuples(st.just("slice"), st.integers(0, 30), st.integers(0, 30)),
        st.tuples(st.just("plain"), STRINGS),
        st.tuples(st.just("rstrip")),
        st.tuples(st.just("highlight"), st.sampled_from(["a", "中", "y"]), STYLE),
    ),
    max_size=8,
)


@given(start=STRINGS, style=STYLE, steps=STEPS)
def test_text_operations_match_rich(start: str, style: str | Style, steps: list[tuple]) -> None:
    ours, theirs = Text(start, style), rich.text.Text(start, rich_style(style))
    for step in steps:
        if step[0] == "append":
            ours.append(step[1], step[2] or None)
            theirs.append(step[1], rich_style(step[2]) or None)
        elif step[0] == "text":
            ours.append_text(Text(step[1], step[2]))
            theirs.append_text(rich.text.Text(step[1], rich_style(step[2])))
        elif step[0] == "slice":
            ours, theirs = ours[step[1] : step[2]], theirs[step[1] : step[2]]
        elif step[0] == "plain":
            ours.plain, theirs.plain = step[1], step[1]
        elif step[0] == "rstrip":
            ours.rstrip()
            theirs.rstrip()
        else:
            if step[2]:
                ours.highlight_words([step[1]], step[2], case_sensitive=False)
                theirs.highlight_words([step[1]], rich_style(step[2]), case_sensitive=False)
        same(ours, theirs)


@given(
    text=STRINGS,
    style=STYLE,
    spans=st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20), STYLE)),
    cuts=st.lists(st.integers(0, 25), max_size=5),
)
def test_divide_and_join_match_rich(text: str, style, spans, cuts: list[int]) -> None:
    spans = [Span(a, b, s) for a, b, s in spans if s and a < b <= len(text)]
    ours = Text(text, style, spans=list(spans))
    theirs = rich.text.Text(
        text, rich_style(style), spans=[rich.text.Span(a, b, rich_style(s)) for a, b, s in spans]
    )
    offsets = sorted({min(c, len(text)) for c in cuts})
    ours_pieces, their_pieces = ours.divide(offsets), theirs.divide(offsets)
    assert len(ours_pieces) == len(their_pieces)
    for mine, other in zip(ours_pieces, their_pieces, strict=True):
        same(mine, other)
    same(Text("\n", "muted").join(ours_pieces), rich.text.Text("\n", "muted").join(their_pieces))
    same(Text.assemble(ours, ("x", "id"), "y"), rich.text.Text.assemble(theirs, ("x", "id"), "y"))
    same(ours + Text("z", "done"), theirs + rich.text.Text("z", "done"))
    same(ours, ours.__rich__())


def _outputs(text: Text, soft_wrap: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """What our console and a rich console print for ``text`` (link ids made equal)."""
    ours, theirs = io.StringIO(), io.StringIO()
    monkeypatch.setattr(console_module.sys, "stdout", ours)
    mine = console_module.make_console()
    assert mine._render(text, soft_wrap=soft_wrap) is not None or not soft_wrap
    mine.print(text, soft_wrap=soft_wrap)
    monkeypatch.setattr(console_module.sys, "stdout", theirs)
    make_rich_console().print(text.__rich__(), soft_wrap=soft_wrap)
    ids = re.compile(r"\x1b\]8;id=[0-9-]+;")
    return ids.sub("<link>", ours.getvalue()), ids.sub("<link>", theirs.getvalue())


ENVIRONMENTS = [
    {"NO_COLOR": "1"},
    {"FORCE_COLOR": "1", "TERM": "xterm"},
    {"FORCE_COLOR": "1", "TERM": "xterm-256color"},
    {"FORCE_COLOR": "1", "COLORTERM": "truecolor"},
    {"FORCE_COLOR": "1", "NO_COLOR": "1"},
    {"FORCE_COLOR": "1", "TERM": "dumb"},
    {"TTY_COMPATIBLE": "1", "TERM": "unknown", "LINES": "30"},
    {"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"},
]


@pytest.mark.parametrize(
    "env", ENVIRONMENTS, ids=lambda e: ",".join(f"{k}={v}" for k, v in e.items())
)
@given(
    text=STRINGS,
    style=STYLE,
    spans=st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20), STYLE), max_size=4),
    width=st.sampled_from([4, 10, 40, 100]),
    soft_wrap=st.booleans(),
)
def test_console_prints_as_rich_does(
    env: dict[str, str], text: str, style, spans, width: int, soft_wrap: bool
) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        for name in ("NO_COLOR", "FORCE_COLOR", "TERM", "COLORTERM", "TTY_COMPATIBLE", "LINES"):
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv("COLUMNS", str(width))
        line = Text(
            text, style, spans=[Span(a, b, s) for a, b, s in spans if s and a < b <= len(text)]
        )
        ours, theirs = _outputs(line, soft_wrap, monkeypatch)
        assert ours == theirs


def test_console_hands_rich_what_it_does_not_print_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """A line wider than the console without soft wrap, a tab, or a rich renderable go to
    the rich console (which wraps, expands, draws)."""
    monkeypatch.setenv("COLUMNS", "20")
    out = io.StringIO()
    monkeypatch.setattr(console_module.sys, "stdout", out)
    console = console_module.make_console()
    console.print(Text("a long line of words that rich folds at twenty"))
    console.print(Text("a\tb"))
    from rich.table import Table

    table = Table("h")
    table.add_row(Text("cell", "id"))
    console.print(table)
    lines = out.getvalue().splitlines()
    assert lines[:3] == ["a long line of words", "that rich folds at", "twenty"]
    assert lines[3] == "a       b"
    assert "cell" in out.getvalue() and "┃ h" in out.getvalue()


def test_width_follows_columns_then_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "57")
    assert Console(io.StringIO()).width == 57
    monkeypatch.setenv("COLUMNS", "wide")
    assert Console(io.StringIO()).width == 80  # no terminal in a test: 80
    assert Console(io.StringIO(), width=33).width == 33
