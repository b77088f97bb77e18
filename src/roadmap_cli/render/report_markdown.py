"""``roadmap report --format markdown``: the whole roadmap as a GitHub-style checklist.

``# <roadmap title>``, a progress line, then ``## <stage>`` per stage with one task-list
item per topic (``- [x]`` done or skipped, ``- [ ]`` otherwise) and the topic's resources
as nested links. Titles are escaped so Markdown characters in them print literally; URLs
are percent-encoded where Markdown would end the link. No rich, no state changes.
"""

from __future__ import annotations

import re

from roadmap_cli.actions.report import ReportResult
from roadmap_cli.progress.snapshot import Counts
from roadmap_cli.render.widgets import local_date
from roadmap_cli.roadmap.model import Topic
from roadmap_cli.support.i18n import _
from roadmap_cli.support.textsafe import clean_line

__all__ = ["escape_markdown", "markdown_url", "report_markdown"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")
_URL_UNSAFE = {" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "\\": "%5C"}


def escape_markdown(text: str) -> str:
    """``text`` on one line with Markdown's special characters backslash-escaped, so
    GitHub shows it literally (no emphasis, links, HTML or headings)."""
    return _SPECIAL.sub(r"\\\1", clean_line(text)).strip()


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
    lines = [line]
    for resource in topic.resources:
        label = escape_markdown(resource.title) or markdown_url(resource.url)
        lines.append(f"  - [{label}]({markdown_url(resource.url)})")
    return lines


def report_markdown(result: ReportResult, lang: str) -> str:
    """The whole roadmap as GitHub Markdown, titles in ``lang`` ("zh" or "en")."""
    roadmap = result.snap.catalog.roadmap
    lines = [
        f"# {escape_markdown(roadmap.display_title(lang))}",
        "",
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
    if result.orphans:
        lines += ["", "## " + _("Orphaned marks"), ""]
        for tid, state in sorted(result.orphans.items()):
            gone = _("(no longer in the roadmap)")
            lines.append(f"- {escape_markdown(tid)}: {state.status} {gone}")
    if roadmap.source:
        source = _("Roadmap source: {url}").format(url=f"<{markdown_url(roadmap.source)}>")
        lines += ["", "---", "", source]
    return "\n".join(lines) + "\n"
