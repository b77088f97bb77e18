"""The single-value rules behind the importer's patterns (issue 15): prose or name,
boilerplate headings, badges and social links, optional markers, text residue, tracking
parameters, relative links, ids, language and title."""

from __future__ import annotations

import subprocess
import sys

import pytest

from roadmap_cli.importing.boilerplate import heading_role, link_role
from roadmap_cli.importing.cleanup import strip_invisible, strip_markers, strip_site_suffix
from roadmap_cli.importing.inline import resolve
from roadmap_cli.importing.items import (
    classify_siblings,
    is_prose,
    reads_as_sentence,
    split_name,
)
from roadmap_cli.importing.markdown import parse_markdown
from roadmap_cli.importing.rules import SLUG_LENGTH, is_optional, slugify
from roadmap_cli.support.urls import clean_url


@pytest.mark.parametrize(
    "text",
    [
        "注意力机制(self attention)",
        "代码提交、推送、拉取、回退、重置",
        "Probability and Statistics",
        "Need for Speed I: Device (device, CPU, GPU, ...)",
        "GPT (1,2,3,4)",
        "名为机器学习实则是深度学习",
    ],
)
def test_names_are_not_prose_whatever_their_width(text: str) -> None:
    assert not is_prose(text)


@pytest.mark.parametrize(
    "text",
    [
        "Read the papers slowly.",
        "这些课可能没什么内容，但是还是推荐一看。",
        "高瓴AI box课题组的大语言模型综述，截止写下这些文字已经5000多引用，膜拜",
        "Supercharge your agents with our platform! Try it free",
        "First do this; then that",
    ],
)
def test_sentences_are_prose(text: str) -> None:
    assert is_prose(text)


def test_siblings_are_classified_alike() -> None:
    names = ["PPO", "DPO", "GRPO", "test time scaling law"]
    assert classify_siblings(names, links=0)
    advice = ["Read slowly.", "Take notes.", "Ask questions"]
    assert not classify_siblings(advice, links=0)  # the third, a name alone, goes along
    # beside links, name-like text items are study items, however few (issue 15)
    assert classify_siblings(["关键词与对象绑定"], links=1)
    assert classify_siblings(["Linear algebra"], links=2)
    assert classify_siblings(["SFT", "RLHF", "llama3 的后训练"], links=1)
    # ... and remarks on the links as soon as one of them is a sentence
    assert not classify_siblings(["与ControlNet类似"], links=1)
    assert not classify_siblings(["Linear algebra", "The second book is harder."], links=2)
    assert not classify_siblings(["全模态大模型/any to any 模型可能会是一个注定的方向"], links=1)


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("与ControlNet类似", True),
        ("全模态大模型/any to any 模型可能会是一个注定的方向", True),
        ("It is optional", True),
        ("Similar to ControlNet", True),
        ("This one goes deeper", True),
        ("Linear algebra", False),
        ("DeepseekMoE", False),
        ("关键词与对象绑定", False),
        ("如果还想再深入一点", False),
        ("概率与可能性", False),
        ("Unsafe Rust, if you want to go further", False),
        ("What to learn first", False),
    ],
)
def test_statements_without_full_stops(text: str, sentence: bool) -> None:
    assert reads_as_sentence(text) is sentence


@pytest.mark.parametrize(
    ("text", "name", "remark"),
    [
        ("numpy: python 数据处理基本库", "numpy", "python 数据处理基本库"),
        ("ControlNet (ICCV best paper)  作者是张吕敏，大神", "ControlNet", None),
        ("llama3 的预训练(比较简单)", "llama3 的预训练", "比较简单"),
        ("Optimisation — gradient descent", "Optimisation", "gradient descent"),
        ("Lecture 1: Introduction", "Lecture 1: Introduction", ""),
        ("第三章：预训练", "第三章：预训练", ""),
        ("Meet at 10:30", "Meet at 10:30", ""),
    ],
)
def test_split_name(text: str, name: str, remark: str | None) -> None:
    got_name, got_remark = split_name(text)
    assert got_name == name
    if remark is not None:
        assert got_remark == remark
    else:
        assert got_remark == "ICCV best paper\n作者是张吕敏，大神"


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Table of Contents", "leave"),
        ("📜 开源协议", "leave"),
        ("🙏 致谢", "leave"),
        ("Star History", "leave"),
        ("Code of conduct", "leave"),
        ("How to contribute", "leave"),
        ("Trending LLM Projects", "leave"),
        ("About", "intro"),
        ("✨ 你将收获什么？", "intro"),
        ("学习建议", "advice"),
        ("结语", "advice"),
        ("资源/资料", "resources"),
        ("References", "resources"),
        ("Attention", None),
        ("Introduction to Data Science", None),
        ("Languages", None),
    ],
)
def test_heading_roles(title: str, role: str | None) -> None:
    assert heading_role(title) == role


@pytest.mark.parametrize(
    ("url", "title", "image", "role"),
    [
        ("https://img.shields.io/badge/x-y-blue", "", True, "badge"),
        ("https://api.star-history.com/svg?repos=a/b", "Star History Chart", True, "badge"),
        ("https://trendshift.io/api/badge/repositories/1", "", True, "badge"),
        ("https://x.com/someone", "X", False, "social"),
        ("https://github.com/sponsors/someone", "Sponsor", False, "social"),
        ("https://example.com/", "Follow me on X", False, "social"),
        ("https://discord.gg/abc", "Discord", False, "social"),
        ("https://github.com/a/b/blob/main/README.zh.md", "简体中文", False, "translation"),
        ("https://arxiv.org/abs/1706.03762", "Attention", False, None),
        ("https://example.com/figure.png", "diagram", True, None),
    ],
)
def test_link_roles(url: str, title: str, image: bool, role: str | None) -> None:
    assert link_role(url, title, image=image) == role


@pytest.mark.parametrize(
    "text",
    [
        "Macros (optional)",
        "Unsafe Rust, if you want to go further",
        "如果还想再深入一点",
        "可能没必要",
        "选学",
    ],
)
def test_optional_markers(text: str) -> None:
    assert is_optional(text)
    assert not is_optional("Ownership and borrowing")


@pytest.mark.parametrize(
    ("title", "cut"),
    [
        ("Llama 3.1论文精读【论文精读·54】_哔哩哔哩_bilibili", "Llama 3.1论文精读【论文精读·54】"),
        ("从Llama 3报告出发的一些LLM技术整理 - 知乎", "从Llama 3报告出发的一些LLM技术整理"),
        ("PyTorch 分布式训练-CSDN博客", "PyTorch 分布式训练"),
        ("ELI5: FlashAttention | by Aleksa Gordić | Medium", "ELI5: FlashAttention"),
        ("Transformer - YouTube", "Transformer"),
        ("Medium", "Medium"),
    ],
)
def test_site_suffixes(title: str, cut: str) -> None:
    assert strip_site_suffix(title) == cut


def test_invisible_characters_markers_and_shortcodes() -> None:
    assert strip_invisible("动手学\u2061深度\u200c学习") == "动手学深度学习"
    assert " ".join(strip_markers("[!NOTE] `numpy` :rocket: arrays").split()) == "numpy arrays"
    assert strip_markers("10:30 at https://a.example/x:y") == "10:30 at https://a.example/x:y"


@pytest.mark.parametrize(
    ("url", "clean"),
    [
        ("https://github.com/a/b?tab=readme-ov-file", "https://github.com/a/b"),
        (
            "https://drive.google.com/file/d/x/view?usp=sharing",
            "https://drive.google.com/file/d/x/view",
        ),
        (
            "https://www.douyin.com/v/1?enter_from=main&src=feed&ref=home&q=1",
            "https://www.douyin.com/v/1?q=1",
        ),
        ("https://so.csdn.net/so/search?searchId=9&q=go", "https://so.csdn.net/so/search?q=go"),
        ("https://github.com/a/b?tab=issues", "https://github.com/a/b?tab=issues"),
    ],
)
def test_more_tracking_parameters(url: str, clean: str) -> None:
    assert clean_url(url) == clean


@pytest.mark.parametrize(
    ("base", "link", "url"),
    [
        (
            "https://github.com/ossu/data-science/blob/master/README.md",
            "coursepages/intro-cs/README.md",
            "https://github.com/ossu/data-science/blob/master/coursepages/intro-cs/README.md",
        ),
        (
            "https://github.com/karpathy/LLM101n",
            "bigram/README.md",
            "https://github.com/karpathy/LLM101n/blob/HEAD/bigram/README.md",
        ),
        (
            "https://github.com/o/r/tree/main/docs",
            "a.md",
            "https://github.com/o/r/tree/main/docs/a.md",
        ),
        ("https://example.org/guide/index.md", "../x.md", "https://example.org/x.md"),
    ],
)
def test_relative_links_resolve_against_the_source(base: str, link: str, url: str) -> None:
    assert resolve(base, link) == url


def test_ids_are_cut_at_a_word_boundary() -> None:
    slug = slugify("深入理解所有权借用检查器与生命周期标注的各种高级用法")
    assert len(slug) <= SLUG_LENGTH == 32
    assert not slug.endswith("-")
    assert slug.startswith("shen-ru-li-jie")
    assert slugify("a" * 40) == "a" * 32  # one long word is cut


def test_pypinyin_is_loaded_only_for_han_text() -> None:
    code = (
        "import sys\n"
        "from roadmap_cli.importing.markdown import parse_markdown\n"
        "from roadmap_cli.importing.ids import assign_ids\n"
        "r = parse_markdown('# Plan\\n\\n## A\\n\\n- Linear algebra\\n', 'plan')\n"
        "assign_ids(r, roadmap_id=None, file_title='plan')\n"
        "print('pypinyin' in sys.modules)\n"
        "r = parse_markdown('# 计划\\n\\n## 基础\\n\\n- 线性代数\\n', 'plan')\n"
        "assign_ids(r, roadmap_id=None, file_title='plan')\n"
        "print('pypinyin' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]


def test_language_by_majority_script_and_title_from_an_html_heading() -> None:
    markdown = (
        '<div align="center"><h1>Rust path</h1></div>\n\n'
        "Also in: [简体中文](README.zh.md) · [日本語](README.ja.md) · [繁體中文](README.tw.md)\n\n"
        "## Basics\n\n- Ownership\n- Borrowing\n- Lifetimes\n"
    )
    roadmap = parse_markdown(markdown, "rust")
    assert roadmap.title == "Rust path"
    assert roadmap.language == "en"
    assert parse_markdown("## 基础\n\n- 线性代数\n- Python\n", "x").language == "zh"


def test_no_holes_alerts_or_lost_urls_in_notes() -> None:
    markdown = (
        "## Reading\n\n"
        "> [!NOTE]\n> Check out the [official guide](https://example.com/guide) first.\n\n"
        "- Notes at https://notes.example/page: read them\n"
        "- [[paper](https://arxiv.org/abs/1706.03762)](https://github.com/x/t)\n"
    )
    roadmap = parse_markdown(markdown, "x")
    resources = {r.url: r for t in roadmap.topics() for r in t.resources}
    assert "https://notes.example/page" in resources
    assert "https://arxiv.org/abs/1706.03762" in resources
    assert "https://github.com/x/t" in resources
    guide = resources.get("https://example.com/guide")
    texts = "\n".join(roadmap.texts)
    note = guide.note if guide is not None else texts
    assert "Check out the official guide" in (note or "")
    assert "[!NOTE]" not in (note or "") and "[!NOTE]" not in texts
