"""``roadmap report --format F --output FILE``: the report as the text of a file."""

from __future__ import annotations

import json

from roadmap_cli.actions.report import ReportResult

__all__ = ["render_document"]


def render_document(result: ReportResult, fmt: str, lang: str) -> str:
    """The report as the text of a file in format ``fmt`` ("json", "markdown", "text",
    "svg" or "html"; see :data:`roadmap_cli.actions.report.FORMATS`), titles in ``lang``.
    Only the picture and text formats import rich."""
    if fmt == "json":
        return json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        from roadmap_cli.render.report_markdown import report_markdown

        return report_markdown(result, lang)
    from roadmap_cli.render.report import export_report

    return export_report(result, lang, fmt)
