"""'roadmap search QUERY': titles in either language, summaries, notes and URLs; each hit
names its stage and topic."""

from __future__ import annotations


def _hits(run) -> dict[str, dict]:
    return {h["topic"]["id"]: h for h in run.json()["hits"]}


def test_search_is_case_insensitive_and_names_stage_and_topic(roadmap) -> None:
    run = roadmap("search", "ATTENTION", "--json")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    hits = _hits(run)
    assert {"attention", "flash-attention", "kv-cache"} <= set(hits)
    assert hits["attention"]["stage"]["id"] == "llm-foundations"
    assert "title_en" in hits["attention"]["matched"]
    flash = hits["flash-attention"]
    assert flash["stage"]["id"] == "llm-advanced"
    assert [r["index"] for r in flash["resources"]] == [1, 2]
    assert flash["resources"][1]["url"] == "https://arxiv.org/abs/2205.14135v2"


def test_search_text_shows_stage_topic_and_resource(roadmap) -> None:
    run = roadmap("search", "flashattention")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    assert "Advanced LLM topics? › FlashAttention  (flash-attention)" in run.stdout
    assert "https://arxiv.org/abs/2205.14135v2" in run.stdout
    assert run.stdout.startswith('1 topic and 2 resources match "flashattention"')


def test_search_finds_chinese_title(roadmap) -> None:
    run = roadmap("search", "监督微调", "--json")
    assert run.exit_code == 0, run.stderr
    hits = _hits(run)
    assert list(hits) == ["sft"]
    assert hits["sft"]["matched"] == ["title"]
    assert hits["sft"]["stage"]["title"] == "大模型基础"


def test_search_finds_url_and_chinese_resource_title(roadmap) -> None:
    by_url = _hits(roadmap("search", "spaces.ac.cn/archives/9119", "--json"))
    assert list(by_url) == ["ddpm"]
    (resource,) = by_url["ddpm"]["resources"]
    assert resource["matched"] == ["url"]
    assert resource["index"] == 3
    by_title = _hits(roadmap("search", "拆楼", "--json"))
    assert by_title["ddpm"]["resources"][0]["url"] == "https://spaces.ac.cn/archives/9119"


def test_search_finds_the_learners_notes(roadmap) -> None:
    assert roadmap("note", "ddpm", "The ELBO finally clicked").exit_code == 0
    run = roadmap("search", "elbo clicked", "--json")
    assert run.exit_code == 0, run.stderr
    hit = _hits(run)["ddpm"]
    assert "notes" in hit["matched"]
    assert hit["excerpts"] == [{"field": "note", "text": "The ELBO finally clicked"}]
    text = roadmap("search", "elbo clicked")
    assert "note: The ELBO finally clicked" in text.stdout
    assert "your notes" in text.stdout


def test_search_full_width_letters_match(roadmap) -> None:
    plain = roadmap("search", "attention", "--json").json()["hits"]
    wide = roadmap("search", "ＡＴＴＥＮＴＩＯＮ", "--json").json()["hits"]
    assert [h["topic"]["id"] for h in wide] == [h["topic"]["id"] for h in plain]


def test_search_every_word_must_match(roadmap) -> None:
    both = _hits(roadmap("search", "flash", "arxiv", "--json"))
    assert list(both) == ["flash-attention"]
    assert [r["index"] for r in both["flash-attention"]["resources"]] == [2]


def test_search_without_hits_says_so(roadmap) -> None:
    run = roadmap("search", "no-such-thing-xyz")
    assert run.exit_code == 0
    assert run.stderr == ""
    assert 'Nothing matches "no-such-thing-xyz".' in run.stdout
    assert roadmap("search", "no-such-thing-xyz", "--json").json()["hits"] == []


def test_search_empty_query_is_a_usage_error(roadmap) -> None:
    run = roadmap("search", "  ")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "search text is empty" in run.stderr
    missing = roadmap("search")
    assert missing.exit_code == 2
    assert "QUERY" in missing.stderr


def test_search_titles_in_chinese_with_lang_zh(roadmap) -> None:
    run = roadmap("--lang", "zh", "search", "flashattention")
    assert run.exit_code == 0, run.stderr
    assert "大模型进阶？ › FlashAttention" in run.stdout
