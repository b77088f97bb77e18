"""Pieces every text renderer shares: status marks and labels, titles in the chosen
language, progress bars, resource rows, local dates, and printing folded lines.

Text from a roadmap file or a note passes through :mod:`roadmap_cli.support.textsafe` and is put
in :class:`~roadmap_cli.render.text.Text` objects, so it prints literally: no markup, no
escape sequences.
Lines are folded here, not by rich (see :mod:`roadmap_cli.render.prose`): Chinese folds
between characters, a Latin word is never cut, a folded line keeps its hanging indent,
and a URL is never folded or cropped (it runs past the right edge, for the terminal to
wrap softly, so it can be copied whole). Each line is printed with ``soft_wrap=True``.
"""

from __future__ import annotations

from datetime import datetime

from roadmap_cli.progress.events import Event, Status
from roadmap_cli.progress.snapshot import Counts
from roadmap_cli.render.console import Console
from roadmap_cli.render.prose import NBSP, hang
from roadmap_cli.render.text import Style, Text
from roadmap_cli.roadmap.model import Resource, Stage, Topic
from roadmap_cli.support.i18n import N_, _
from roadmap_cli.support.textsafe import cell_width, clean_block, clean_line

#: How a resource added by the roadmap's editor (``origin = "editor"``) is marked.
EDITOR_PICK = N_("editor's pick")
#: How a learner's own link (``roadmap link``, ``origin = "yours"``) is marked.
YOURS = N_("yours")

#: Status marks, plain ASCII so they survive any terminal and a pipe.
MARKS: dict[str, str] = {"done": "[x]", "in_progress": "[>]", "skipped": "[-]", "todo": "[ ]"}


#: Status words (English msgids; :func:`label` gives them in the interface language).
LABELS: dict[str, str] = {
    "done": N_("done"),
    "in_progress": N_("in progress"),
    "skipped": N_("skipped"),
    "todo": N_("to do"),
}

#: Resource kinds of the roadmap format, as the interface names them (others as written).
KINDS: dict[str, str] = {
    "paper": N_("paper"),
    "video": N_("video"),
    "course": N_("course"),
    "book": N_("book"),
    "article": N_("article"),
    "blog": N_("blog"),
    "code": N_("code"),
    "docs": N_("docs"),
    "site": N_("site"),
}


def label(status: Status | str) -> str:
    """The status word of ``status`` in the interface language ("done", "已完成")."""
    return _(LABELS[status])


def kind_label(kind: str) -> str:
    """A resource kind in the interface language; a kind outside the format as written."""
    return _(KINDS[kind]) if kind in KINDS else kind


def local_date(at: datetime) -> str:
    """``YYYY-MM-DD`` of ``at`` in the local time zone."""
    from roadmap_cli.support.clock import local_zone

    return at.astimezone(local_zone()).strftime("%Y-%m-%d")


def local_time(at: datetime) -> str:
    """``YYYY-MM-DD HH:MM`` of ``at`` in the local time zone."""
    from roadmap_cli.support.clock import local_zone

    return at.astimezone(local_zone()).strftime("%Y-%m-%d %H:%M")


def mark(status: Status | str, *, glue: bool = False) -> Text:
    """The coloured status mark of ``status``; with ``glue`` its space is a no-break space
    (for text that :func:`~roadmap_cli.render.prose.hang` folds: "[ ]" stays whole)."""
    text = MARKS[status]
    return Text(text.replace(" ", NBSP) if glue else text, style=status)


class Lang:
    """Titles in the chosen language for one roadmap."""

    def __init__(self, lang: str, roadmap_language: str) -> None:
        self.lang = lang
        self.roadmap_language = roadmap_language

    def title(self, item: Topic | Stage) -> str:
        """``item``'s title in the chosen language, made safe."""
        return clean_line(item.display_title(self.lang, self.roadmap_language))

    def summary(self, item: Topic | Stage) -> str | None:
        """``item``'s summary in the chosen language (its ``summary_en`` under English),
        or None."""
        return item.display_summary(self.lang, self.roadmap_language)

    def other(self, item: Topic | Stage) -> str:
        """``item``'s title in the other language, if it differs; else ""."""
        main = item.display_title(self.lang, self.roadmap_language)
        alt = item.title if main != item.title else item.title_en
        return clean_line(alt) if alt and alt != main else ""


def title_text(lang: Lang, item: Topic | Stage, *, both: bool = False, style: str = "") -> Text:
    """A title as Text; with ``both``, followed by the other language's title, muted."""
    text = Text(lang.title(item), style=style)
    other = lang.other(item) if both else ""
    if other:
        text.append(" ·" + NBSP)  # the dot stays with the title after it
        text.append(other, style="muted")
    return text


def bar(counts: Counts, width: int = 20) -> Text:
    """A progress bar: █ done, ▓ skipped, ░ the rest (readable without colour)."""
    if counts.total == 0:
        return Text("░" * width, style="muted")
    done = round(width * counts.done / counts.total)
    skipped = min(width - done, round(width * counts.skipped / counts.total))
    if counts.done and not done:  # any work shows: one cell for the first topic done
        done = 1
    if counts.skipped and not skipped and done < width:
        skipped = 1
    text = Text("█" * done, style="bar.done")
    text.append("▓" * skipped, style="bar.skipped")
    text.append("░" * (width - done - skipped), style="muted")
    return text


def counts_text(counts: Counts) -> Text:
    """``3/9 · 33%`` with the split of what is not plain done."""
    text = Text(f"{counts.finished}/{counts.total} ·{NBSP}{counts.percent:.0f}%")
    extra = []
    if counts.skipped:
        extra.append(_("{n} skipped").format(n=counts.skipped))
    if counts.in_progress:
        extra.append(_("{n} in progress").format(n=counts.in_progress))
    if extra:
        text.append(_(" ({items})").format(items=_(", ").join(extra)), style="muted")
    return text


def guidance(text: str, style: str = "") -> Text:
    """An author's or editor's text made safe, its ``~~struck~~`` runs struck through
    (the ``~~`` kept, so the aside still reads as struck without styles)."""
    from roadmap_cli.roadmap.guidance import struck_segments

    out = Text(style=style)
    for run, struck in struck_segments(clean_block(text)):
        if struck:
            out.append(f"~~{run}~~", style=Style(strike=True))
        else:
            out.append(run)
    return out


def editor_note_text(note: str) -> Text:
    """An editor's note, labelled as the editor's (not the author's) words."""
    text = Text(_("Editor's note: "), style="muted")
    text.append_text(guidance(note, style="muted"))
    return text


def resource_rows(
    resources: list[Resource],
    width: int,
    indent: int = 2,
    numbers: list[int] | None = None,
    names: Lang | None = None,
) -> list[Text]:
    """Numbered resources for a console ``width`` cells wide: kind, title (a link where the
    terminal supports it) followed by "editor's pick" for a resource the editor added,
    the URL on a line of its own, never folded (print it with ``soft_wrap=True``), the
    author's note and the editor's note, in the language of ``names`` (as written when
    None); titles and notes fold under the title. ``numbers`` overrides 1, 2, 3…"""
    lang, roadmap_language = (names.lang, names.roadmap_language) if names else ("", "")
    labels = [f"{n}." for n in numbers or range(1, len(resources) + 1)]
    number_width = max((len(label) for label in labels), default=0)
    kind_width = max((cell_width(clean_line(kind_label(r.kind))) for r in resources), default=0)
    pad = " " * (indent + number_width + 1 + kind_width + 1)
    out: list[Text] = []
    for label, resource in zip(labels, resources, strict=True):
        url = clean_line(resource.url)
        kind = clean_line(kind_label(resource.kind))
        head = Text(" " * indent + label.rjust(number_width) + " ")
        head.append(kind, style="kind")
        head.append(" " * (kind_width - cell_width(kind) + 1))
        title = Text(clean_line(resource.title), style=Style(bold=True, link=url))
        if resource.origin == "editor":
            title = Text.assemble(title, (f"  {_(EDITOR_PICK)}", "muted"))
        elif resource.origin == "yours":
            title = Text.assemble(title, (f"  {_(YOURS)}", "muted"))
        out.append(hang(head, title, width))
        out.append(Text(pad) + Text(url, style=Style(color="blue", link=url)))
        note = resource.display_note(lang, roadmap_language)
        if note:
            out.append(hang(pad, guidance(note, style="muted"), width))
        editor = resource.display_editor_note(lang, roadmap_language)
        if editor:
            out.append(hang(pad, editor_note_text(editor), width))
    return out


def emit_lines(console: Console, *lines: Text) -> None:
    """Print already folded lines as they are: the console neither folds nor crops them, so a
    URL or path wider than the console runs on (the terminal wraps it softly)."""
    for line in lines:
        console.print(line, soft_wrap=True)


def topic_title(names: Lang, topic: Topic) -> Text:
    """The topic's title in the chosen language, "(optional)" after an optional one."""
    title = Text(names.title(topic))
    if topic.optional:
        title.append(_(" (optional)"), style="muted")
    return title


def topic_rows(rows: list[tuple[Text, str, Text]], width: int, indent: int = 2) -> Text:
    """``(mark, id, title)`` rows, indented ``indent`` columns, the columns aligned; a
    title wider than the rest of the line folds under its own column.

    Rows are one :class:`Text` (a rich table costs ~0.1 ms a row: seconds for a
    10,000-topic roadmap); only the rows that do not fit are folded."""
    mark_width = max((m.cell_len for m, _, _ in rows), default=0)
    id_width = max((len(i) for _, i, _ in rows), default=0)
    lines = []
    for row_mark, topic_id, title in rows:
        line = Text(" " * indent)
        line.append_text(row_mark)
        line.append(" " * (mark_width - row_mark.cell_len + 1))
        line.append(topic_id.ljust(id_width), style="id")
        line.append(" ")
        if line.cell_len + title.cell_len > width:
            line = hang(line, title, width)
        else:
            line.append_text(title)
        lines.append(line)
    return Text("\n").join(lines)


def summary_text(text: str, width: int, indent: int = 0) -> Text:
    """A topic's or stage's summary folded to ``width``, every line indented."""
    return hang(" " * indent, guidance(text), width)


def guidance_lines(names: Lang, item: Topic | Stage, width: int, indent: int = 0) -> list[Text]:
    """``item``'s summary and editor's note in the chosen language, folded."""
    lines = []
    summary = names.summary(item)
    if summary:
        lines.append(summary_text(summary, width, indent))
    editor = item.display_editor_note(names.lang, names.roadmap_language)
    if editor:
        lines.append(hang(" " * indent, editor_note_text(editor), width))
    return lines


def _compact(value: object, limit: int = 60) -> str:
    """A JSON value in a few characters, made safe."""
    import json

    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = clean_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def extra_event_words(event: Event) -> str:
    """What an event of one of :data:`~roadmap_cli.progress.events.EXTRA_KINDS` records,
    in a few words: ``link: The Illustrated Transformer``, ``review: good``; a kind this
    version does not know is named as a newer version's."""
    kind, value = clean_line(event.kind), event.value
    if not event.known:
        return _("{kind} (recorded by a newer roadmap-cli)").format(kind=kind)
    if kind == "link" and isinstance(value, dict):
        return _("link: {title}").format(
            title=_compact(value.get("title") or value.get("url") or "")
        )
    if kind == "unlink":
        return _("link removed")
    return f"{kind}: {_compact(value)}"
