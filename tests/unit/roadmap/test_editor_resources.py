"""Editor's picks in the bundled roadmap, and the ``origin``/``note_en`` resource fields.

The source guide names many topics without a link; the editor added resources for each of
them (``origin = "editor"``), every one logged in docs/editor-resources.md with how its
title was checked against its link.
"""

from __future__ import annotations

import re
from pathlib import Path

from roadmap_cli.roadmap.bundled import bundled_roadmap_path
from roadmap_cli.roadmap.cache import read_cached
from roadmap_cli.roadmap.catalog import load_catalog
from roadmap_cli.roadmap.checks import check_roadmap
from roadmap_cli.roadmap.model import RESOURCE_ORIGINS, Resource

ROOT = Path(__file__).resolve().parents[3]
LOG = ROOT / "docs" / "editor-resources.md"
CJK = re.compile(r"[\u3400-\u9fff]")
ARXIV = re.compile(r"https://arxiv\.org/abs/(\d{4}\.\d{4,5})(v\d+)?")


def _resources() -> list[tuple[str, Resource]]:
    catalog = load_catalog(bundled_roadmap_path())
    return [(tid, r) for tid, t in catalog.topics.items() for r in t.resources]


def test_every_topic_has_at_least_one_resource() -> None:
    catalog = load_catalog(bundled_roadmap_path())
    bare = [tid for tid, t in catalog.topics.items() if not t.resources]
    assert bare == [], f"topics without a resource: {bare}"


def test_every_editor_resource_is_marked_and_explained_in_both_languages() -> None:
    editor = [(tid, r) for tid, r in _resources() if r.origin == "editor"]
    assert len(editor) >= 25
    for tid, r in editor:
        assert r.note and CJK.search(r.note), (tid, r.url, "note must be Chinese")
        assert r.note_en and not CJK.search(r.note_en), (tid, r.url, "note_en must be English")
        assert r.lang, (tid, r.url)
    assert {r.origin for _, r in _resources()} <= {None, *RESOURCE_ORIGINS}


def test_topics_without_an_authors_link_got_one_to_three_editor_picks() -> None:
    catalog = load_catalog(bundled_roadmap_path())
    for tid, topic in catalog.topics.items():
        picks = [r for r in topic.resources if r.origin == "editor"]
        if picks:
            assert len(picks) <= 3, tid
            assert all(r.origin == "editor" for r in topic.resources), (
                f"{tid}: editor's picks are only for topics the author left without a link"
            )
            assert len({r.url for r in topic.resources}) == len(topic.resources), tid


def test_an_arxiv_title_names_the_paper_its_link_points_at() -> None:
    for tid, r in _resources():
        match = ARXIV.fullmatch(r.url)
        if r.origin == "editor" and match:
            assert r.title.startswith(f"[{match.group(1)}] "), (tid, r.title, r.url)


def test_every_editor_resource_is_in_the_verification_log() -> None:
    lines = LOG.read_text(encoding="utf-8").splitlines()
    for tid, r in _resources():
        if r.origin != "editor":
            continue
        entry = [line for line in lines if f"<{r.url}>" in line]
        assert len(entry) >= 1, f"{tid}: {r.url} is not in {LOG.name}"
        assert any(f"**{r.title}**" in line and "verified:" in line for line in entry), (
            f"{tid}: {LOG.name} has no verification line for {r.title!r} at {r.url}"
        )


TINY = """\
schema = 1
id = "tiny"
title = "Tiny"

[[stages]]
id = "s"
title = "Stage"

[[stages.topics]]
id = "a"
title = "A"

[[stages.topics.resources]]
title = "A link"
url = "https://example.org/a"
kind = "paper"
note = "作者的话"
note_en = "The author's words"
origin = {origin}
"""


def test_origin_and_note_en_are_read_and_kept_through_the_cache(tmp_path: Path) -> None:
    path = tmp_path / "tiny.toml"
    path.write_text(TINY.format(origin='"editor"'), encoding="utf-8")
    cache = tmp_path / "cache"
    fresh = load_catalog(path, cache)
    resource = fresh.topics["a"].resources[0]
    assert (resource.origin, resource.note_en) == ("editor", "The author's words")
    cached = read_cached(cache, path.read_bytes())
    assert cached is not None
    assert cached[0].stages[0].topics[0].resources[0] == resource


def test_an_origin_other_than_editor_is_refused_with_its_location() -> None:
    roadmap, problems = check_roadmap(TINY.format(origin='"author"').encode())
    assert roadmap is None
    assert [p.location for p in problems] == ["stages[0].topics[0].resources[0].origin"]
    roadmap, problems = check_roadmap(TINY.format(origin="1").encode())
    assert roadmap is None
    assert [p.location for p in problems] == ["stages[0].topics[0].resources[0].origin"]


def test_a_resource_without_origin_is_the_authors() -> None:
    roadmap, problems = check_roadmap(TINY.replace("origin = {origin}\n", "").encode())
    assert problems == []
    assert roadmap is not None
    assert roadmap.stages[0].topics[0].resources[0].origin is None
