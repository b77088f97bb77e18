"""``roadmap plan --ics FILE``: the plan's remaining weeks as an iCalendar file (RFC 5545).

One all-day event on the Monday of each remaining week, named after that week's number of
topics, its description listing them (id and title). UIDs are stable (roadmap id and
week), so a calendar that imports the file again updates its events instead of doubling
them. The only module that imports ``icalendar``; no state changes.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from roadmap_cli.progress.plan import PlanStatus
from roadmap_cli.roadmap.catalog import Catalog
from roadmap_cli.support.i18n import _
from roadmap_cli.support.textsafe import clean_line
from roadmap_cli.support.words import plural

__all__ = ["plan_calendar"]


def plan_calendar(status: PlanStatus, catalog: Catalog, lang: str, stamp: datetime) -> str:
    """The calendar's text (CRLF line ends, as RFC 5545 wants); ``stamp`` (UTC) is the
    DTSTAMP of every event, titles in ``lang``."""
    import icalendar

    from roadmap_cli import __version__

    roadmap = catalog.roadmap
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//roadmap-cli//roadmap {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add(
        "x-wr-calname", clean_line(_("{title} · plan").format(title=roadmap.display_title(lang)))
    )
    for week in status.schedule:
        event = icalendar.Event()
        event.add("uid", f"{roadmap.id}-{week.monday.isoformat()}@roadmap-cli")
        event.add("dtstamp", stamp)
        event.add("dtstart", week.monday)
        event.add("dtend", week.monday + timedelta(days=1))
        event.add(
            "summary",
            _("roadmap: {topics} this week").format(topics=plural(week.count, "topic")),
        )
        lines = [
            f"- {t.id}: {clean_line(t.display_title(lang, roadmap.language))}" for t in week.topics
        ]
        lines.append(
            _("Plan to {date}; regenerate with {command}.").format(
                date=status.target.isoformat(), command="roadmap plan --ics"
            )
        )
        event.add("description", "\n".join(lines))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    text: bytes = calendar.to_ical()
    return text.decode("utf-8")
