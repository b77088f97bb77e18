"""The bundled roadmap's guidance: English twins, the editor's words kept apart from the
author's, struck-through asides, prerequisites as a teacher sets them, and the content
corrections of issue 12 (data/roadmap.toml read as plain TOML)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from roadmap_cli.roadmap.bundled import bundled_roadmap_path
from roadmap_cli.roadmap.catalog import load_catalog

ROOT = Path(__file__).resolve().parents[3]
SOURCE = ROOT.parent / "shared" / "source" / "ai-roadmap.zh.md"

TWINS = (
    ("summary", "summary_en"),
    ("note", "note_en"),
    ("editor_note", "editor_note_en"),
    ("description", "description_en"),
)


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    with bundled_roadmap_path().open("rb") as fh:
        return tomllib.load(fh)


def _items(raw: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every roadmap, stage, topic and resource table with a name for messages."""
    out: list[tuple[str, dict[str, Any]]] = [("roadmap", raw)]
    for stage in raw["stages"]:
        out.append((stage["id"], stage))
        for topic in stage["topics"]:
            out.append((topic["id"], topic))
            out += [(f"{topic['id']}:{r['url']}", r) for r in topic.get("resources", [])]
    return out


def _topics(raw: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for stage in raw["stages"] for t in stage["topics"]}


def _sentences(text: str) -> set[str]:
    parts = re.split(r"(?<=[。！？；.!?;])\s*", text)
    return {p.strip() for p in parts if len(p.strip()) > 2}


def test_every_chinese_text_has_an_english_twin(raw) -> None:
    assert raw["language"] == "zh"
    missing = [
        f"{name}.{twin}"
        for name, item in _items(raw)
        for text, twin in TWINS
        if str(item.get(text, "")).strip() and not str(item.get(twin, "")).strip()
    ]
    assert not missing, missing
    orphans = [
        f"{name}.{twin}"
        for name, item in _items(raw)
        for text, twin in TWINS
        if twin in item
        if text not in item
    ]
    assert not orphans, f"English twins of nothing: {orphans}"


def test_twins_are_english_and_the_originals_chinese(raw) -> None:
    han = re.compile(r"[\u4e00-\u9fff]")
    for name, item in _items(raw):
        for _text, twin in TWINS:
            if twin in item:
                assert not han.search(item[twin]), f"{name}.{twin}: {item[twin]}"
        for text in ("summary", "note"):
            if text in item:
                assert han.search(item[text]), f"{name}.{text} is not the Chinese original"


def test_the_authors_words_are_verbatim_from_the_source(raw) -> None:
    """Every comment in a note is a line of the source (editor's words live elsewhere:
    ``editor_note``, or the notes of the editor's own picks, ``origin = "editor"``)."""
    if not SOURCE.is_file():
        pytest.skip(f"source document not found at {SOURCE}")
    text = SOURCE.read_text(encoding="utf-8").replace("*", "")
    text = re.sub(
        r"\[((?:[^\]\\]|\\.)*)\]\([^)]*\)", "", text
    )  # links: their notes are around them
    source = re.sub(r"\s+", "", text)
    for name, item in _items(raw):
        note = item.get("note")
        if note and item.get("origin") != "editor":
            for clause in re.split(r"[，。；]", note):
                core = re.sub(r"\s+", "", clause)
                assert core in source, f"{name}: {clause!r} is not the author's"


def test_a_summary_and_a_note_never_repeat_a_sentence(raw) -> None:
    for stage in raw["stages"]:
        stage_sentences = _sentences(stage.get("summary", ""))
        for topic in stage["topics"]:
            summary = _sentences(topic.get("summary", ""))
            for r in topic.get("resources", []):
                note = _sentences(r.get("note", ""))
                assert not note & summary, (topic["id"], note & summary)
                assert not note & stage_sentences, (topic["id"], note & stage_sentences)


def test_the_three_struck_asides_are_kept_struck(raw) -> None:
    topics = _topics(raw)
    assert raw["description"] == "~~不学，不如学前端就业~~"
    assert raw["description_en"].startswith("~~") and raw["description_en"].endswith("~~")
    assert "~~独一家是吧~~" in topics["cuda"]["summary"]
    assert "~~二次元生成~~" in topics["controlnet"]["summary"]
    for tid in ("cuda", "controlnet"):
        assert re.search(r"~~[^~]+~~", topics[tid]["summary_en"]), tid
    struck = [name for name, item in _items(raw) for t, _ in TWINS if "~~" in item.get(t, "")]
    assert sorted(struck) == ["controlnet", "cuda", "roadmap"]


def test_editor_words_are_not_in_the_authors_summaries(raw) -> None:
    topics = _topics(raw)
    assert not topics["dl-theory"]["summary"].startswith("李宏毅的课程")
    assert "（python 数据处理基本库）" not in topics["pandas"]["summary"]
    assert "同上" in topics["pandas"]["editor_note"]
    for tid in ("ddim", "flow-matching", "consistency-model"):
        assert "之后" not in topics[tid].get("summary", ""), tid


def test_content_corrections(raw) -> None:
    topics = _topics(raw)
    stages = {s["id"]: s for s in raw["stages"]}
    assert topics["dl-theory"]["title_en"] == "Deep learning lectures (Hung-yi Lee)"
    assert stages["llm-advanced"]["title"] == "大模型进阶？"
    video = next(
        r for r in topics["attention"]["resources"] if r["title"] == "Transformer - YouTube"
    )
    assert video["lang"] == "zh"
    assert "李宏毅" in video["editor_note"] and "Mandarin" in video["editor_note_en"]
    awesome = topics["multimodal-llm"]["resources"][0]
    assert awesome["kind"] == "site"
    assert "GPU kernel" in topics["triton"]["title_en"]
    assert "GPU kernel" in topics["triton"]["editor_note_en"]
    urls = [r["url"] for t in topics.values() for r in t.get("resources", [])]
    assert "https://spaces.ac.cn/archives/10091" in urls
    assert not [u for u in urls if "comment-page" in u]


def test_optional_follows_the_source_consistently(raw) -> None:
    topics = _topics(raw)
    libraries = ["numpy", "pandas", "matplotlib", "seaborn", "scikit-learn"]
    assert {topics[t]["optional"] for t in libraries} == {False}
    llm_libraries = ["pytorch-lightning", "accelerate", "hf-transformers"]
    assert {topics[t]["optional"] for t in llm_libraries} == {False}
    assert not topics["blog-scientific-spaces"]["optional"]  # "强推"
    assert not topics["blog-lilian-weng"]["optional"]
    optional = sorted(t for t, v in topics.items() if v.get("optional"))
    assert optional == ["llama-source", "nanogpt", "zero-to-hero"]


@pytest.mark.parametrize(
    ("topic", "required"),
    [
        ("llama-source", {"attention", "positional-encoding"}),
        ("nanogpt", {"attention", "dl-code"}),
        ("openai-scaling-law", {"llm-survey"}),
        ("consistency-model", {"score-sde"}),
        ("tensor-parallel", {"model-parallel", "attention"}),
        ("expert-parallel", {"dense-vs-moe", "data-parallel"}),
        ("llama3-pretraining", {"karpathy-llm-intro", "attention"}),
        ("multimodal-llm", {"attention", "llm-survey"}),
        ("ip-adapter", {"ddpm", "controlnet"}),
    ],
)
def test_prerequisites_as_a_teacher_sets_them(topic: str, required: set[str]) -> None:
    catalog = load_catalog(bundled_roadmap_path())
    assert set(catalog.topics[topic].requires) == required


def test_no_prerequisite_comes_later_in_a_path_than_what_needs_it() -> None:
    """No cycles: every topic can be reached by finishing its prerequisites first, and
    openai-scaling-law no longer waits for the Llama 3 video."""
    catalog = load_catalog(bundled_roadmap_path())
    done: set[str] = set()
    remaining = dict(catalog.topics)
    while remaining:
        ready = [t for t, topic in remaining.items() if set(topic.requires) <= done]
        assert ready, f"prerequisite cycle among {sorted(remaining)}"
        for t in ready:
            done.add(t)
            del remaining[t]

    def ancestors(tid: str) -> set[str]:
        seen: set[str] = set()
        stack = list(catalog.topics[tid].requires)
        while stack:
            r = stack.pop()
            if r not in seen:
                seen.add(r)
                stack += catalog.topics[r].requires
        return seen

    assert "llama3-pretraining" not in ancestors("openai-scaling-law")
    assert "attention" in ancestors("llama-source") and "dl-code" in ancestors("nanogpt")
    for tid in ("pipeline-parallel", "data-parallel", "model-parallel", "quantization"):
        assert catalog.topics[tid].requires, f"{tid} should build on something"
