"""``roadmap report --format markdown``: the whole roadmap as a GitHub-style checklist.

``# <roadmap title>``, a progress line, then ``## <stage>`` per stage with one task-list
item per topic (``- [x]`` done or skipped, ``- [ ]`` otherwise), the topic's summary and
editor's note quoted under it (``> …``), and its resources as nested links (an editor's
pick followed by "— *editor's pick*") and their notes; summaries and notes in the chosen
language (``summary_en``… under English), the author's ``~~struck~~`` asides struck
through. Titles are escaped so Markdown characters in them print literally; URLs are
percent-encoded where Markdown would end the link.
No rich, no state changes.
"""

from __future__ import annotations

import re

from roadmap_cli.actions.report import ReportResult
from roadmap_cli.progress.review import ReviewSummary
from roadmap_cli.progress.snapshot import Counts
from roadmap_cli.render.widgets import EDITOR_PICK, YOURS, local_date
from roadmap_cli.roadmap.model import Topic
from roadmap_cli.support.i18n import N_, _
from roadmap_cli.support.textsafe import clean_line
from roadmap_cli.support.words import plural

__all__ = ["escape_markdown", "markdown_url", "report_markdown", "review_section_lines"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")
_URL_UNSAFE = {" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "\\": "%5C"}

#: How an editor's note is labelled in the Markdown report.
EDITOR_NOTE = N_("Editor's note:")


def escape_markdown(text: str) -> str:
    """``text`` on one line with Markdown's special characters backslash-escaped, so
    GitHub shows it literally (no emphasis, links, HTML or headings)."""
    return _SPECIAL.sub(r"\\\1", clean_line(text)).strip()


def markdown_guidance(text: str) -> str:
    """An author's or editor's ``text`` on one line, escaped like :func:`escape_markdown`
    except that its ``~~struck~~`` runs stay struck through."""
    from roadmap_cli.roadmap.guidance import struck_segments

    parts = []
    for run, struck in struck_segments(clean_line(text)):
        escaped = _SPECIAL.sub(r"\\\1", run)
        parts.append(f"~~{escaped.strip()}~~" if struck and escaped.strip() else escaped)
    return "".join(parts).strip()


def markdown_url(url: str) -> str:
    """``url`` with the characters that would end or break a Markdown link encoded."""
    return "".join(_URL_UNSAFE.get(ch, ch) for ch in clean_line(url).strip())


def _counts_line(counts: Counts) -> str:
    split = _("{done} done · {doing} in progress · {skipped} skipped · {todo} to do").format(
        done=counts.done, doing=counts.in_progress, skipped=counts.skipped, todo=counts.todo
    )
    return f"**{counts.finished}/{counts.total} ({counts.percent:.0f}%)** — {split}"


def _topic_lines(result: ReportResult, topic: Topic, lang: str) -> list[str]:
    snap = result.snap
    state = snap.state(topic.id)
    title = escape_markdown(topic.display_title(lang, snap.catalog.roadmap.language))
    since = f" {local_date(state.since)}" if state.since else ""
    if state.status == "done":
        line = f"- [x] **{title}** (`{topic.id}`) — " + _("done") + since
    elif state.status == "skipped":
        line = f"- [x] ~~{title}~~ (`{topic.id}`) — " + _("skipped")
    elif state.status == "in_progress":
        doing = _("in progress")
        if state.since:
            started = local_date(state.started or state.since)
            doing = _("in progress since {date}").format(date=started)
        line = f"- [ ] **{title}** (`{topic.id}`) — *{doing}*"
    else:
        line = f"- [ ] {title} (`{topic.id}`)"
    if topic.optional:
        line += " *" + _("(optional)") + "*"
    language = snap.catalog.roadmap.language
    lines = [line]
    about = []
    summary = topic.display_summary(lang, language)
    if summary:
        about.append(markdown_guidance(summary))
    editor = topic.display_editor_note(lang, language)
    if editor:
        about.append(f"*{_(EDITOR_NOTE)}* {markdown_guidance(editor)}")
    for i, text in enumerate(about):  # quoted inside the item; a final "\\" breaks the line
        lines.append(f"  > {text}" + ("\\" if i < len(about) - 1 else ""))
    for resource in snap.resources(topic):
        label = escape_markdown(resource.title) or markdown_url(resource.url)
        pick = {"editor": f" — *{_(EDITOR_PICK)}*", "yours": f" — *{_(YOURS)}*"}.get(
            resource.origin or "", ""
        )
        item = f"  - [{label}]({markdown_url(resource.url)}){pick}"
        note = resource.display_note(lang, language)
        if note:
            item += f" — {markdown_guidance(note)}"
        editor = resource.display_editor_note(lang, language)
        if editor:
            item += f" (*{_(EDITOR_NOTE)}* {markdown_guidance(editor)})"
        lines.append(item)
    return lines


def review_section_lines(summary: ReviewSummary | None) -> list[str]:
    """The report's Review section as plain lines (the text report shows them too)."""
    if summary is None or summary.scheduled == 0:
        return [_("No topics in review yet: a topic enters review when you mark it done.")]
    recall = "—" if summary.average_recall is None else f"{summary.average_recall * 100:.0f}%"
    return [
        _(
            "Due today {due} · overdue {overdue} · scheduled {scheduled} · next 7 days {week}"
        ).format(
            due=summary.due_today,
            overdue=summary.overdue,
            scheduled=summary.scheduled,
            week=summary.next_7_days,
        ),
        _("Average recall probability {recall} · {reviews} so far").format(
            recall=recall, reviews=plural(summary.reviews, "review")
        ),
    ]


def report_markdown(result: ReportResult, lang: str) -> str:
    """The whole roadmap as GitHub Markdown, titles in ``lang`` ("zh" or "en")."""
    roadmap = result.snap.catalog.roadmap
    lines = [f"# {escape_markdown(roadmap.display_title(lang))}", ""]
    description = roadmap.display_description(lang)
    if description:
        lines += [markdown_guidance(description), ""]
    lines += [
        _("Progress: ") + f"{_counts_line(result.total)}  ",
        _("Required {required} · optional {optional} · report of {date}").format(
            required=f"{result.required.finished}/{result.required.total}",
            optional=f"{result.optional.finished}/{result.optional.total}",
            date=result.today.isoformat(),
        ),
    ]
    pace = result.pace
    if pace.projected_finish is not None and pace.remaining:
        rate = pace.recent_per_week or pace.overall_per_week
        lines[-1] += "  "
        lines.append(
            _("Pace {rate} topics/week · projected finish {date}").format(
                rate=f"{rate:.1f}", date=pace.projected_finish.isoformat()
            )
        )
    for summary in result.summaries:
        stage = summary.stage
        title = escape_markdown(stage.display_title(lang, roadmap.language))
        lines += ["", f"## {title}", "", _counts_line(summary.counts), ""]
        for topic in stage.topics:
            lines += _topic_lines(result, topic, lang)
    lines += ["", "## " + _("Review"), "", "  \n".join(review_section_lines(result.review))]
    from roadmap_cli.render.plan import report_plan_markdown

    lines += report_plan_markdown(result.schedule, result.time, result.snap.catalog, lang)
    if result.orphans:
        lines += ["", "## " + _("Orphaned marks"), ""]
        for tid, state in sorted(result.orphans.items()):
            gone = _("(no longer in the roadmap)")
            lines.append(f"- {escape_markdown(tid)}: {state.status} {gone}")
    if roadmap.source:
        source = _("Roadmap source: {url}").format(url=f"<{markdown_url(roadmap.source)}>")
        lines += ["", "---", "", source]
    return "\n".join(lines) + "\n"
