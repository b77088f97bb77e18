"""The bundled roadmap (data/roadmap.toml) against its source document.

Every link of the Chinese study guide must be a resource of the bundled roadmap, cleaned of
tracking parameters and comment-page suffixes, with the source's four errata corrected (and
the corrections said so in the resource's editor_note).
The source lives beside the clone (``../shared/source/ai-roadmap.zh.md``) or wherever
``ROADMAP_SOURCE_MD`` points; without it the link checks are skipped.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from roadmap_cli.support.urls import clean_url

ROOT = Path(__file__).resolve().parents[3]
ROADMAP_FILE = ROOT / "data" / "roadmap.toml"

# Topic ids chosen in data/roadmap.toml that the erratum checks rely on.
DDPM_ID = "ddpm"
DDIM_ID = "ddim"
POSITIONAL_ENCODING_ID = "positional-encoding"
AGENT_ID = "agent"

DDPM_PAPER = "https://arxiv.org/abs/2006.11239"
DDIM_PAPER = "https://arxiv.org/abs/2010.02502"
OPENAI_SCALING = "https://arxiv.org/abs/2001.08361"
CHINCHILLA = "https://arxiv.org/abs/2203.15556"
ROPE_POST = "https://kexue.fm/archives/8265"
GO_MD = "https://github.com/TIC-DLUT/roadmap/blob/main/Go.md"
AGENT_MD = "https://github.com/TIC-DLUT/roadmap/blob/main/Agent.md"

# Errata of the source: (cleaned source URL, 1-based occurrence) -> corrected URL.
#   the DDIM item repeats the DDPM paper (its second occurrence);
#   "OpenAI scaling law / Google scaling law" repeats the OpenAI paper (second occurrence);
#   the Agent overview points at Go.md.
ERRATA = {
    (DDPM_PAPER, 2): DDIM_PAPER,
    (OPENAI_SCALING, 2): CHINCHILLA,
    (GO_MD, 1): AGENT_MD,
}

TRACKING_MARKERS = ("vd_source", "spm_id_from", "utm_", ":~:text=")

# A blog post linked at one page of its comments (WordPress "/comment-page-N") is linked
# at the post itself.
COMMENT_PAGE = re.compile(r"/comment-page-\d+/?$")


def _source_path() -> Path:
    default = ROOT.parent / "shared" / "source" / "ai-roadmap.zh.md"
    return Path(os.environ.get("ROADMAP_SOURCE_MD", default))


@pytest.fixture(scope="module")
def roadmap() -> dict:
    with ROADMAP_FILE.open("rb") as fh:
        return tomllib.load(fh)


@pytest.fixture(scope="module")
def topics(roadmap: dict) -> dict[str, dict]:
    return {t["id"]: t for stage in roadmap["stages"] for t in stage["topics"]}


@pytest.fixture(scope="module")
def resources(topics: dict[str, dict]) -> list[tuple[str, dict]]:
    return [(tid, r) for tid, t in topics.items() for r in t.get("resources", [])]


@pytest.fixture(scope="module")
def source_links() -> list[str]:
    """Every link href of the source document, in document order (raw, as parsed)."""
    path = _source_path()
    if not path.is_file():
        pytest.skip(
            f"source document not found at {path} "
            "(set ROADMAP_SOURCE_MD or place shared/source/ai-roadmap.zh.md beside the clone)"
        )
    tokens = MarkdownIt("commonmark").parse(path.read_text(encoding="utf-8"))
    links = []
    for token in tokens:
        if token.type != "inline" or not token.children:
            continue
        for child in token.children:
            if child.type == "link_open":
                href = child.attrGet("href")
                assert href, f"link without href on source line {token.map}"
                links.append(str(href))
    return links


def _corrected(links: list[str]) -> list[str]:
    seen: Counter[str] = Counter()
    out = []
    for raw in links:
        url = COMMENT_PAGE.sub("", clean_url(raw))
        seen[url] += 1
        out.append(ERRATA.get((url, seen[url]), url))
    return out


# --- the source's links ------------------------------------------------------------------------


def test_source_has_links_and_the_errata(source_links: list[str]) -> None:
    # Guards the extraction itself: a parser change that lost links would make the
    # coverage test below vacuous.
    assert len(source_links) >= 40
    cleaned = Counter(clean_url(u) for u in source_links)
    for url, occurrence in ERRATA:
        assert cleaned[url] >= occurrence, (
            f"source no longer has {url} x{occurrence}; update ERRATA"
        )


def test_every_source_link_is_a_resource(source_links: list[str], resources) -> None:
    present = {r["url"] for _, r in resources}
    missing = [u for u in dict.fromkeys(_corrected(source_links)) if u not in present]
    assert not missing, "source links missing from data/roadmap.toml:\n" + "\n".join(missing)


def test_erratum_corrections_applied_to_the_expected_urls(source_links: list[str]) -> None:
    corrected = _corrected(source_links)
    assert DDIM_PAPER in corrected
    assert CHINCHILLA in corrected
    assert AGENT_MD in corrected and GO_MD not in corrected
    assert corrected.count(DDPM_PAPER) == 1
    assert corrected.count(OPENAI_SCALING) == 1


def test_tracking_parameters_were_in_the_source_and_are_cleaned(source_links: list[str]) -> None:
    dirty = [u for u in source_links if any(m in u for m in TRACKING_MARKERS)]
    assert dirty, "expected the source to contain tracked URLs (bilibili, #:~:text=)"
    for url in dirty:
        assert not any(m in clean_url(url) for m in TRACKING_MARKERS), url


# --- the roadmap file alone --------------------------------------------------------------------


def test_no_tracking_parameters_in_resource_urls(resources) -> None:
    bad = [(tid, r["url"]) for tid, r in resources if any(m in r["url"] for m in TRACKING_MARKERS)]
    assert not bad, f"tracking parameters or text fragments left in URLs: {bad}"


def test_resource_urls_are_http_and_already_clean(resources) -> None:
    for tid, r in resources:
        assert r["url"].startswith(("http://", "https://")), (tid, r["url"])
        assert clean_url(r["url"]) == r["url"], (tid, r["url"])
        assert not COMMENT_PAGE.search(r["url"]), (tid, r["url"])


def test_erratum_ddim_links_the_ddim_paper(topics: dict[str, dict]) -> None:
    ddim = topics[DDIM_ID]
    urls = [r["url"] for r in ddim.get("resources", [])]
    assert DDIM_PAPER in urls
    assert DDPM_PAPER not in urls
    notes = " ".join(r.get("editor_note", "") for r in ddim.get("resources", []))
    assert "2006.11239" in notes and ("更正" in notes or "误" in notes), notes


def test_erratum_scaling_laws_link_both_papers(resources) -> None:
    urls = [r["url"] for _, r in resources]
    assert OPENAI_SCALING in urls
    assert CHINCHILLA in urls
    chinchilla = [r for _, r in resources if r["url"] == CHINCHILLA]
    assert any("2001.08361" in r.get("editor_note", "") for r in chinchilla), chinchilla


def test_erratum_rope_post_has_a_real_title(topics: dict[str, dict], resources) -> None:
    rope = [(tid, r) for tid, r in resources if r["url"] == ROPE_POST]
    assert rope, f"{ROPE_POST} is not a resource"
    for tid, r in rope:
        assert tid == POSITIONAL_ENCODING_ID
        assert "Fetching Title" not in r["title"]
        assert "RoPE" in r["title"] or "旋转" in r["title"], r["title"]
        assert "Fetching Title" in r.get("editor_note", ""), "the correction should be noted"
        assert "note" not in r, "an erratum is the editor's word, not the author's"


def test_erratum_agent_overview_points_at_agent_md(topics: dict[str, dict], resources) -> None:
    assert not [r["url"] for _, r in resources if r["url"].endswith("Go.md")]
    agent = topics[AGENT_ID]
    overview = [r for r in agent.get("resources", []) if r["url"] == AGENT_MD]
    assert overview, f"{AGENT_ID} should link {AGENT_MD}"
    assert "Go.md" in overview[0].get("editor_note", "")
    # and it says what the page is
    assert "Agent" in overview[0]["editor_note_en"] and "roadmap" in overview[0]["editor_note_en"]


def test_titles_in_both_languages(roadmap: dict) -> None:
    for key in ("title", "title_en"):
        assert str(roadmap.get(key, "")).strip(), key
    for stage in roadmap["stages"]:
        for key in ("title", "title_en"):
            assert str(stage.get(key, "")).strip(), (stage["id"], key)
        assert stage["topics"], f"stage {stage['id']} has no topics"
        for topic in stage["topics"]:
            for key in ("title", "title_en"):
                assert str(topic.get(key, "")).strip(), (topic["id"], key)
            for r in topic.get("resources", []):
                assert r["title"].strip(), (topic["id"], r["url"])
                assert "\\" not in r["title"], f"Markdown escape left in {r['title']!r}"


def test_stage_order_and_first_topic(roadmap: dict) -> None:
    assert [s["id"] for s in roadmap["stages"]] == [
        "foundations",
        "llm-foundations",
        "llm-advanced",
        "extras",
        "diffusion",
    ]
    assert roadmap["stages"][0]["topics"][0]["id"] == "dl-theory"


def test_ddim_requires_ddpm(topics: dict[str, dict]) -> None:
    assert DDPM_ID in topics[DDIM_ID].get("requires", [])


def test_requires_resolve_without_cycles(topics: dict[str, dict]) -> None:
    for tid, topic in topics.items():
        for req in topic.get("requires", []):
            assert req in topics, f"{tid} requires unknown topic {req}"
    done: set[str] = set()
    remaining = dict(topics)
    while remaining:
        ready = [tid for tid, t in remaining.items() if set(t.get("requires", [])) <= done]
        assert ready, f"prerequisite cycle among {sorted(remaining)}"
        for tid in ready:
            done.add(tid)
            del remaining[tid]
