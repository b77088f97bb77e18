"""Tables in an imported Markdown roadmap: one topic per row.

A table of courses, chapters or papers lists things to study one per row. The row's
topic is named by its *name column*: the first column whose header says it names
something (Course, Name, Title, Paper, Chapter, 课程, 章节, 名称…), else the first column
whose cells hold links, else the first column; a row whose name cell is empty takes its
first non-empty cell. Links in any cell are the topic's resources; images in cells are
not resources (left out, counted). Columns headed Duration/Length/Time/时长 and
Effort/Workload/Hours/工作量 fill the topic's ``duration`` and ``effort`` fields; the other
cells go into its summary as ``header: value`` lines.
"""

from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING

from roadmap_cli.importing.inline import InlineText, tidy, tidy_title
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from roadmap_cli.importing.tree import Node

__all__ = ["TableRow", "column_roles", "table_rows"]

_NAME_HEADERS = (
    "course",
    "courses",
    "name",
    "title",
    "paper",
    "papers",
    "chapter",
    "chapters",
    "topic",
    "topics",
    "subject",
    "module",
    "lesson",
    "lecture",
    "book",
    "project",
    "resource",
    "课程",
    "章节",
    "名称",
    "标题",
    "论文",
    "主题",
    "内容",
    "书名",
    "项目",
    "模块",
)
_DURATION_HEADERS = ("duration", "length", "time", "weeks", "时长", "时间", "学时", "周期")
_EFFORT_HEADERS = ("effort", "workload", "hours", "hours/week", "工作量", "投入")
_SKIP_HEADERS = ("status", "状态", "#", "no", "no.", "序号")


@record(frozen=False)
class TableRow:
    """One body row: its name, the inline text of each cell, and the fields it gives."""

    line: int
    name: str
    cells: list[InlineText]
    duration: str = ""
    effort: str = ""
    remarks: list[str] = field(default_factory=list)


def _key(header: str) -> str:
    return " ".join(header.casefold().split()).strip(" :：")


def column_roles(headers: list[str], rows: list[list[InlineText]]) -> tuple[int, int, int]:
    """``(name, duration, effort)`` column indexes (-1 when absent) for a table with the
    given header texts and body cells."""
    keys = [_key(h) for h in headers]
    name = next((i for i, k in enumerate(keys) if k in _NAME_HEADERS), -1)
    if name < 0:
        name = next(
            (i for i in range(len(keys)) if any(i < len(r) and r[i].links for r in rows)), 0
        )
    duration = next((i for i, k in enumerate(keys) if k in _DURATION_HEADERS), -1)
    effort = next(
        (i for i, k in enumerate(keys) if k in _EFFORT_HEADERS or k.startswith("effort")), -1
    )
    return name, duration, effort


def table_rows(table: Node, read: Callable[[Node], InlineText]) -> list[TableRow]:
    """The body rows of ``table`` as :class:`TableRow`; ``read`` flattens one cell."""
    headers: list[str] = []
    body: list[tuple[int, list[InlineText]]] = []
    for part in table.children:
        for row in part.children:
            cells = [read(cell) for cell in row.children]
            if part.type == "thead":
                headers = [tidy_title(c.text) for c in cells]
            else:
                body.append((row.map[0] + 1 if row.map else 0, cells))
    name_col, duration_col, effort_col = column_roles(headers, [c for _, c in body])
    rows = []
    for line, cells in body:
        texts = [tidy_title(c.text) for c in cells]
        name = texts[name_col] if name_col < len(texts) else ""
        if not name:
            name = next((t for t in texts if t), "")
        out = TableRow(line, name, cells)
        for index, text in enumerate(texts):
            header = headers[index] if index < len(headers) else ""
            if index == name_col or not text or _key(header) in _SKIP_HEADERS:
                continue
            if index == duration_col:
                out.duration = text
            elif index == effort_col:
                out.effort = text
            elif text != name and _beyond_links(cells[index]):
                cell = tidy(cells[index].text)
                out.remarks.append(f"{header}: {cell}" if header else cell)
        rows.append(out)
    return rows


def _beyond_links(cell: InlineText) -> bool:
    """True when the cell holds text besides its links' own."""
    text = cell.text
    for start, end in sorted([(k.start, k.end) for k in cell.links] + cell.spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return bool(tidy(text))


if TYPE_CHECKING:
    from collections.abc import Callable
