"""The last step of reading an imported Markdown roadmap: what is not a topic after all.

:func:`finish_stages` removes containers (topics that only hold other topics: their words
join the stage's summary) and empty headings (counted), gives a stage left without topics
one named after it, and first :func:`move_intro` moves the leading topics that are no
study items (links in running text, a stage of text only) into the roadmap's description,
their links counted as ``intro link``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from roadmap_cli.importing.shapes import study_item

if TYPE_CHECKING:
    from roadmap_cli.importing.builder import Builder
    from roadmap_cli.importing.markdown import ImportedStage

__all__ = ["absorb_only_children", "finish_stages", "move_intro"]


def move_intro(builder: Builder) -> None:
    """Move the leading topics that are no study items (links in running text, a
    stage of text only) into the roadmap's description, when study items follow."""
    if not any(study_item(t) for s in builder.stages for t in s.topics):
        return
    for stage in list(builder.stages):
        for topic in list(stage.topics):
            if study_item(topic):
                return
            stage.topics.remove(topic)
            if stage.overview is topic:
                stage.overview = None
            builder.texts.extend(topic.texts)
            for resource in topic.resources:
                builder.drop("intro link", resource.line, resource.url)
                said = resource.note if resource.note else resource.title
                builder.texts.append(f"{said} ({resource.url})")
        builder.texts.extend(stage.texts)
        builder.stages.remove(stage)
        if stage is builder.stage:
            builder.stage = None


def finish_stages(builder: Builder) -> list[ImportedStage]:
    """The stages, without containers and empty headings (counted), and without the
    introduction: leading topics made only of links in running text (an About
    section's references) join the description, their links counted."""
    move_intro(builder)
    stages = [s for s in builder.stages if s.topics or s.texts or not s.had_toc]
    for stage in stages:
        absorb_only_children(stage)
    for stage in stages:
        kept = []
        # a stage of bare headings (an outline) keeps them; containers go all the same
        skeleton = not any(t.resources or t.texts for t in stage.topics)
        for topic in stage.topics:
            if topic.resources or topic.origin in ("overview", "task"):
                kept.append(topic)
            elif topic.children:  # a container: its children are the topics
                stage.texts.extend(topic.texts)
            elif skeleton or topic.texts or topic.origin not in ("heading", "label"):
                kept.append(topic)
            else:
                builder.drop("empty heading", topic.line, topic.title)
        stage.topics = kept
        if stage.overview is not None and stage.overview not in kept:
            stage.overview = None
        if not stage.topics:
            builder.stage = stage
            builder.overview(stage.line)
        if stage.topics == [stage.overview] and stage.texts:
            assert stage.overview is not None
            stage.overview.texts[:0] = stage.texts
            stage.texts = []
    return stages


def absorb_only_children(stage: ImportedStage) -> None:
    """A heading or label holding exactly one topic, which holds none, becomes that topic:
    ``### Lecture 1`` over ``- YouTube video lecture`` (with its link) gives one topic
    "Lecture 1" with the link, not a lone "YouTube video lecture" that only its place
    could tell from the others."""
    gone: set[int] = set()
    for topic in stage.topics:
        if topic.resources or topic.origin not in ("heading", "label") or len(topic.kids) != 1:
            continue
        kid = topic.kids[0]
        if kid.kids or kid not in stage.topics or id(kid) in gone or kid.origin == "task":
            continue
        topic.resources.extend(kid.resources)
        topic.texts.extend(kid.texts)
        topic.optional = topic.optional or kid.optional
        topic.children, topic.kids = 0, []
        gone.add(id(kid))
    if gone:
        stage.topics = [t for t in stage.topics if id(t) not in gone]
