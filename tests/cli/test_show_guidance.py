"""English guidance and the teacher's order through the CLI: ``--lang en`` shows the
English twins (summary_en, note_en, editor_note_en), ``--lang zh`` the author's words;
struck asides stay struck; ``validate`` warns about missing twins; ``next`` puts a stage's
required topics before its optional ones; ``start``/``done`` name unmet prerequisites."""

from __future__ import annotations

from pathlib import Path


def _flat(text: str) -> str:
    """Output with folded lines joined (folding depends on the width)."""
    return " ".join(text.split())


def test_show_topic_in_english_shows_the_english_summary_and_notes(roadmap) -> None:
    run = roadmap("--lang", "en", "show", "dl-theory")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    out = _flat(run.stdout)
    assert "Called machine learning, it is really deep learning." in out
    assert "名为机器学习实则是深度学习" not in out
    assert 'Editor\'s note: "Theory" in the source means the lectures' in out
    assert "Homework for every lecture, almost all with a basic PyTorch-style" in out
    assert "有每节课对应的作业" not in out


def test_show_topic_in_chinese_shows_the_authors_words(roadmap) -> None:
    run = roadmap("--lang", "zh", "show", "dl-theory")
    assert run.exit_code == 0, run.stderr
    out = _flat(run.stdout)
    assert "名为机器学习实则是深度学习。" in out.replace(" ", "")
    assert "Called machine learning" not in out
    assert "有每节课对应的作业" in out.replace(" ", "")
    assert "编者按：" in out and "李宏毅老师（台湾大学）" in out.replace(" ", "")


def test_resource_editor_note_and_language(roadmap) -> None:
    en = _flat(roadmap("--lang", "en", "show", "attention").stdout)
    assert "Editor's note: Hung-yi Lee's lecture on the Transformer, in Mandarin." in en
    data = roadmap("show", "attention", "--json").json()["topic"]
    video = next(r for r in data["resources"] if r["title"] == "Transformer - YouTube")
    assert video["lang"] == "zh"
    assert video["editor_note_en"] == "Hung-yi Lee's lecture on the Transformer, in Mandarin."
    assert video["note"] is None


def test_struck_asides_stay_struck_in_both_languages(roadmap) -> None:
    en = roadmap("--lang", "en", "show", "cuda")
    zh = roadmap("--lang", "zh", "show", "cuda")
    assert en.exit_code == zh.exit_code == 0
    assert "Infra/MLsys: CUDA. ~~The only game in town, huh?~~" in _flat(en.stdout)
    assert "Infra/MLsys：CUDA。~~独一家是吧~~" in zh.stdout


def test_show_stage_summary_in_both_languages(roadmap) -> None:
    en = _flat(roadmap("--lang", "en", "show", "llm-advanced").stdout)
    zh = roadmap("--lang", "zh", "show", "llm-advanced").stdout
    assert "Advanced LLM topics?" in en
    assert "Given my limited knowledge this is probably not really advanced" in en
    assert "大模型进阶？" in zh
    assert "知识受限" in zh and "Given my limited" not in zh


def test_next_in_both_languages_shows_the_summary_of_that_language(roadmap) -> None:
    en = roadmap("--lang", "en", "next")
    zh = roadmap("--lang", "zh", "next")
    assert en.exit_code == zh.exit_code == 0
    assert "Next: Deep learning lectures (Hung-yi Lee)" in en.stdout
    assert "Called machine learning, it is really deep learning." in _flat(en.stdout)
    assert "名为机器学习实则是深度学习" in zh.stdout
    assert "Called machine learning" not in zh.stdout


def test_json_carries_both_languages_whatever_lang(roadmap) -> None:
    for lang in ("en", "zh"):
        doc = roadmap("--lang", lang, "show", "pandas", "--json").json()["topic"]
        assert doc["summary"] == "可能需要学习的库。pandas: 同上。"
        assert doc["summary_en"] == "Libraries you may need to learn. pandas: same as above."
        assert "同上" in doc["editor_note"] and "Same as above" in doc["editor_note_en"]
    nxt = roadmap("next", "--json").json()["next"][0]
    assert nxt["summary_en"].startswith("Called machine learning")
    stage = roadmap("show", "diffusion", "--json").json()["stage"]
    assert stage["summary_en"].startswith("Besides large language models")


def test_markdown_report_in_both_languages(roadmap) -> None:
    en = roadmap("--lang", "en", "report", "--format", "markdown")
    zh = roadmap("--lang", "zh", "report", "--format", "markdown")
    assert en.exit_code == zh.exit_code == 0, en.stderr + zh.stderr
    assert "  > Pre-training: OpenAI scaling law / Google scaling law." in en.stdout
    assert "  > 预训练：OpenAI scaling law / Google scaling law。" in zh.stdout
    assert "— Dr. Yang Song, a true master." in en.stdout
    assert "— 宋飏博士，超级大神。" in zh.stdout


_ZH_ROADMAP = """schema = 1
id = "w"
title = "路线"
title_en = "Route"
language = "zh"

[[stages]]
id = "s"
title = "阶段"
title_en = "Stage"
summary = "阶段说明。"

[[stages.topics]]
id = "a"
title = "甲"
title_en = "A"
summary = "甲的说明。"
summary_en = "About A."

[[stages.topics.resources]]
title = "Doc"
url = "https://example.org/doc"
kind = "docs"
note = "好文。"
"""


def test_validate_warns_about_missing_english_twins(roadmap, tmp_path: Path) -> None:
    mine = tmp_path / "zh.toml"
    mine.write_text(_ZH_ROADMAP, encoding="utf-8")
    run = roadmap("validate", str(mine))
    assert run.exit_code == 0, run.stdout + run.stderr
    out = _flat(run.stdout)
    assert "2 warnings" in out
    assert "stages[0].summary_en: a summary without summary_en" in out
    assert "stages[0].topics[0].resources[0].note_en: a note without note_en" in out
    assert "topics[0].summary_en" not in out  # that one has its twin
    doc = roadmap("validate", str(mine), "--json").json()
    assert {p["severity"] for p in doc["problems"]} == {"warning"}
    # the same file in English needs no twins
    english = tmp_path / "en.toml"
    english.write_text(_ZH_ROADMAP.replace('language = "zh"', 'language = "en"'), "utf-8")
    assert "warning" not in roadmap("validate", str(english)).stdout


def test_a_zh_roadmap_uses_the_original_where_a_twin_is_missing(roadmap, tmp_path) -> None:
    mine = tmp_path / "zh.toml"
    mine.write_text(_ZH_ROADMAP, encoding="utf-8")
    run = roadmap("--roadmap", str(mine), "--lang", "en", "show", "a")
    assert run.exit_code == 0, run.stderr
    assert "About A." in run.stdout and "甲的说明" not in run.stdout
    assert "好文。" in run.stdout  # no note_en: the note as written


# --- the teacher's order -------------------------------------------------------------------


_ORDER_ROADMAP = """schema = 1
id = "order"
title = "Order"

[[stages]]
id = "one"
title = "One"

[[stages.topics]]
id = "extra"
title = "Extra"
optional = true

[[stages.topics]]
id = "core"
title = "Core"

[[stages.topics]]
id = "core-two"
title = "Core two"

[[stages]]
id = "two"
title = "Two"

[[stages.topics]]
id = "later"
title = "Later"
"""


def test_next_puts_required_before_an_equally_ready_optional_topic(roadmap, tmp_path) -> None:
    mine = tmp_path / "order.toml"
    mine.write_text(_ORDER_ROADMAP, encoding="utf-8")
    doc = roadmap("--roadmap", str(mine), "next", "-n", "4", "--json").json()
    # the stage's required topics first, then its optional one, then the next stage
    assert [i["id"] for i in doc["next"]] == ["core", "core-two", "extra", "later"]
    text = roadmap("--roadmap", str(mine), "next")
    assert text.exit_code == 0
    assert "Next: Core  (core)" in text.stdout and "extra" not in text.stdout


def test_bundled_next_after_the_first_stage_and_the_survey(roadmap) -> None:
    """The issue's case: no nanoGPT or modeling_llama.py before self-attention."""
    first = [
        "dl-theory",
        "dl-code",
        "numpy",
        "pandas",
        "matplotlib",
        "seaborn",
        "scikit-learn",
        "lhy-homework",
        "zero-to-hero",
        "karpathy-llm-intro",
        "llm-survey",
    ]
    assert roadmap("done", *first).exit_code == 0
    ids = [i["id"] for i in roadmap("next", "-n", "4", "--json").json()["next"]]
    assert ids[0] == "attention"
    assert "nanogpt" not in ids and "llama-source" not in ids
    assert roadmap("done", "attention", "positional-encoding").exit_code == 0
    ids = [i["id"] for i in roadmap("next", "-n", "20", "--json").json()["next"]]
    # required topics of the stage come before its optional ones
    assert ids.index("dense-vs-moe") < ids.index("nanogpt") < ids.index("openai-scaling-law")
    assert ids.index("hf-transformers") < ids.index("llama-source")


def test_start_before_the_prerequisites_works_and_names_them(roadmap) -> None:
    run = roadmap("start", "nanogpt")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    notice = [line for line in run.stdout.splitlines() if "Prerequisites" in line]
    assert len(notice) == 1
    assert notice[0].strip() == "Prerequisites of nanogpt not done yet: attention, dl-code"
    status = roadmap("show", "nanogpt", "--json").json()["topic"]["status"]
    assert status == "in_progress"  # recorded all the same


def test_done_names_only_the_prerequisites_still_open(roadmap) -> None:
    assert roadmap("done", "dl-theory").exit_code == 0
    assert roadmap("skip", "attention").exit_code == 0  # skipped counts as finished
    run = roadmap("done", "llama-source", "--json")
    assert run.exit_code == 0, run.stderr
    (change,) = run.json()["changes"]
    assert change["to"] == "done"
    assert change["unmet_requires"] == ["positional-encoding"]
    text = roadmap("done", "positional-encoding")
    assert "Prerequisites" not in text.stdout  # attention was skipped: nothing open
    json_ok = roadmap("done", "ddpm", "--json").json()["changes"][0]
    assert json_ok["unmet_requires"] == []


def test_skip_and_reset_do_not_warn_about_prerequisites(roadmap) -> None:
    for verb in ("skip", "reset"):
        run = roadmap(verb, "nanogpt")
        assert run.exit_code == 0
        assert "Prerequisites" not in run.stdout
    doc = roadmap("skip", "llama-source", "--json").json()
    assert doc["changes"][0]["unmet_requires"] == []


def test_search_finds_and_quotes_the_english_guidance(roadmap) -> None:
    run = roadmap("--lang", "en", "search", "hard-core")
    assert run.exit_code == 0, run.stderr
    assert "(blog-scientific-spaces)" in run.stdout
    assert "Hard-core and dense; strongly recommended." in run.stdout
    en = roadmap("--lang", "en", "search", "flashattention").stdout
    zh = roadmap("--lang", "zh", "search", "flashattention").stdout
    assert "summary: …ecture · Attention mechanism: FlashAttention." in en
    assert "简介：模型架构 · 注意力机制：FlashAttention。" in zh
