"""``roadmap show TOPIC|STAGE``: everything about one topic or one stage."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from roadmap_cli.commands._common import JsonOption, app_context, complete_topic_or_stage
from roadmap_cli.context import AppContext
from roadmap_cli.errors import UnknownTopicError
from roadmap_cli.render import emit

if TYPE_CHECKING:  # imported where used: keeps start-up and completion light
    from roadmap_cli.results import ShowStageResult, ShowTopicResult

#: Position of this command in 'roadmap --help'.
ORDER = 30


def build(app: AppContext, query: str) -> ShowTopicResult | ShowStageResult:
    """Resolve ``query`` as a topic, else as a stage, and describe it. An exact topic id
    comes first, then an exact stage id, then titles and prefixes (topics first).

    Raises:
        UnknownTopicError: neither a topic nor a stage (suggestions are topics).
        AmbiguousTopicError: several topics or stages match.
    """
    from roadmap_cli.planner import snapshot, stage_summaries
    from roadmap_cli.results import ShowStageResult, ShowTopicResult

    catalog = app.catalog()
    snap = snapshot(catalog, app.store().load())
    key = query.strip()
    # an exact stage id wins over a topic id prefix; an exact topic id wins over both
    stage = None if key in catalog.topics else catalog.stage(key)
    if stage is None:
        try:
            topic = catalog.resolve_topic(query)
        except UnknownTopicError as unknown:
            try:
                stage = catalog.resolve_stage(query)
            except UnknownTopicError:
                raise unknown from None
        else:
            required_by = [t for t in catalog.topics.values() if topic.id in t.requires]
            return ShowTopicResult(
                topic=topic,
                stage=catalog.stage_of[topic.id],
                state=snap.state(topic.id),
                requires=[(catalog.topics[r], snap.status(r)) for r in topic.requires],
                required_by=[(t, snap.status(t.id)) for t in required_by],
                language=catalog.roadmap.language,
            )
    return ShowStageResult(stage_summaries(snap, [stage])[0], snap)


def command(
    ctx: typer.Context,
    target: Annotated[
        str,
        typer.Argument(
            metavar="TOPIC|STAGE",
            help="A topic or stage: id, unique id prefix, or title (Chinese or English).",
            autocompletion=complete_topic_or_stage,
        ),
    ],
    as_json: JsonOption = False,
) -> None:
    """Show a topic: summary, prerequisites, status, notes and resources with links.

    Given a stage instead, show its summary, progress and topics.

    Examples:

      roadmap show flash-attention

      roadmap show 注意力机制

      roadmap show diffusion --json
    """
    app = app_context(ctx)
    emit(build(app, target), as_json=as_json, lang=app.lang)


def register(app: typer.Typer) -> None:
    """Add ``show`` to ``app``."""
    app.command("show")(command)
