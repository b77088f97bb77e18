"""What in a README is not study material: boilerplate sections, badges, adverts.

* :func:`heading_role` sorts a heading: ``"leave"`` for sections about the repository
  rather than the subject (Table of Contents, Translations, Contributing, License, Code of
  conduct, Team, Sponsors, Star history, Citation, Acknowledgements, Trending, 目录, 致谢,
  开源协议…): they are left out and counted; ``"intro"`` for About / How to use this guide /
  项目介绍 / 你将收获什么: their text joins the roadmap's description; ``"advice"`` (学习建议,
  描述, 知识点, 结语…) and ``"resources"`` (资源/资料, References, Resources, Further
  reading…): their content goes to the enclosing topic or stage instead of becoming a
  topic; ``None`` otherwise.
* :func:`link_role` sorts a link: ``"badge"`` (shields.io and other badge services, star
  charts, images inside links that point at badge hosts), ``"social"`` (sponsor pages,
  "follow me" and chat-invite links), ``"translation"`` (``[中文](README.zh.md)``) or
  ``None``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from roadmap_cli.support.urls import host_and_path

__all__ = ["TRANSLATION_LABELS", "heading_role", "link_role"]

_LEAVE = (
    "table of contents",
    "contents",
    "toc",
    "translations",
    "translation",
    "other languages",
    "contributing",
    "contribute",
    "how to contribute",
    "contributors",
    "contribution",
    "contributions",
    "license",
    "licence",
    "licensing",
    "code of conduct",
    "team",
    "the team",
    "maintainers",
    "authors",
    "sponsors",
    "sponsor",
    "sponsorship",
    "backers",
    "supporters",
    "support us",
    "donate",
    "donation",
    "star history",
    "stargazers",
    "citation",
    "cite",
    "citing",
    "how to cite",
    "bibtex",
    "acknowledgements",
    "acknowledgments",
    "acknowledgement",
    "thanks",
    "credits",
    "community",
    "contact",
    "contact us",
    "faq",
    "changelog",
    "news",
    "updates",
    "disclaimer",
    "about us",
    "follow us",
    "目录",
    "翻译",
    "贡献",
    "如何贡献",
    "贡献指南",
    "贡献者",
    "参与贡献",
    "核心贡献者",
    "开源协议",
    "许可",
    "许可证",
    "协议",
    "行为准则",
    "团队",
    "赞助",
    "赞助商",
    "致谢",
    "鸣谢",
    "特别感谢",
    "引用",
    "联系",
    "联系我们",
    "交流群",
    "关注我们",
    "免责声明",
    "更新日志",
    "推荐语",
    "testimonials",
    "what people say",
    "follow me",
    "star this repo",
)
_ADVICE = (
    "学习建议",
    "建议",
    "描述",
    "知识点",
    "结语",
    "总结",
    "小结",
    "注意事项",
    "tips",
    "notes",
    "note",
    "summary",
    "conclusion",
    "description",
    "advice",
)
_RESOURCES = (
    "资源",
    "资料",
    "学习资源",
    "学习资料",
    "参考资料",
    "参考",
    "参考文献",
    "推荐资源",
    "相关资源",
    "references",
    "reference",
    "resources",
    "resource",
    "further reading",
    "additional resources",
    "useful links",
    "links",
    "see also",
)
_INTRO = (
    "about",
    "about this guide",
    "about this repo",
    "about this repository",
    "about the project",
    "how to use this guide",
    "how to use this repo",
    "how to use this repository",
    "how to use",
    "what you will learn",
    "what you'll learn",
    "features",
    "highlights",
    "关于本书",
    "本书简介",
    "项目介绍",
    "项目简介",
    "关于本项目",
    "你将收获什么",
    "你将学到什么",
    "项目亮点",
    "项目特色",
    "使用说明",
    "如何使用",
    "写在前面",
)
_LEAVE_PREFIXES = (
    "关于 datawhale",
    "about datawhale",
    "star history",
    "trending",
    "latest news",
    "what's new",
    "最新动态",
    "更新日志",
)
_LANGUAGES = (
    "中文",
    "简体中文",
    "繁體中文",
    "繁体中文",
    "english",
    "日本語",
    "한국어",
    "español",
    "français",
    "deutsch",
    "русский",
    "português",
    "italiano",
    "tiếng việt",
    "bahasa indonesia",
    "türkçe",
    "العربية",
    "فارسی",
    "polski",
    "українська",
    "中文版",
    "中文版本",
    "english version",
    "brazilian portuguese",
    "portuguese",
    "spanish",
    "french",
    "german",
    "russian",
    "japanese",
    "korean",
    "chinese",
    "simplified chinese",
    "traditional chinese",
    "vietnamese",
    "italian",
    "polish",
    "turkish",
    "arabic",
    "persian",
    "indonesian",
    "thai",
    "ukrainian",
    "bahasa",
)
#: A paragraph starting so lists the document's translations.
TRANSLATION_LABELS = (
    "translations",
    "translation:",
    "read this in",
    "other languages",
    "languages:",
    "available in",
    "also available in",
    "多语言",
    "其他语言",
    "其它语言",
)

_BADGE_HOSTS = frozenset(
    (
        "img.shields.io",
        "shields.io",
        "badgen.net",
        "badge.fury.io",
        "travis-ci.org",
        "travis-ci.com",
        "codecov.io",
        "coveralls.io",
        "api.star-history.com",
        "star-history.com",
        "starchart.cc",
        "trendshift.io",
        "awesome.re",
        "forthebadge.com",
        "visitor-badge.laobi.icu",
        "komarev.com",
        "hits.seeyoufarm.com",
        "contrib.rocks",
        "readme-typing-svg.demolab.com",
        "github-readme-stats.vercel.app",
        "app.fossa.com",
        "deepwiki.com",
        "api.producthunt.com",
    )
)
_SOCIAL_HOSTS = frozenset(
    (
        "twitter.com",
        "x.com",
        "weibo.com",
        "discord.gg",
        "discord.com",
        "t.me",
        "telegram.me",
        "linkedin.com",
        "facebook.com",
        "instagram.com",
        "patreon.com",
        "ko-fi.com",
        "buymeacoffee.com",
        "www.buymeacoffee.com",
        "opencollective.com",
        "afdian.net",
        "afdian.com",
        "liberapay.com",
        "paypal.me",
        "paypal.com",
    )
)
_SOCIAL_WORDS = (
    "follow me",
    "follow us",
    "sponsor",
    "donate",
    "buy me a coffee",
    "star us",
    "join our",
    "join us",
    "关注",
    "赞助",
    "打赏",
    "加群",
    "交流群",
    "公众号",
)
_SOCIAL_TITLE = re.compile("|".join(re.escape(word) for word in _SOCIAL_WORDS), re.IGNORECASE)


def _normalise(title: str) -> str:
    """Lower case, without emoji, numbering and punctuation at the ends."""
    kept = "".join(
        ch if unicodedata.category(ch)[0] in "LNZ" or ch in "-/&" else " " for ch in title
    )
    words = kept.casefold().split()
    while words and (words[0].isdigit() or words[0] in ("-", "/", "&")):
        words = words[1:]
    return " ".join(words)


def heading_role(title: str) -> str | None:
    """The role of a heading (or of an item's name), from its text; None for study
    material. Emoji, numbering and surrounding punctuation are ignored.

    Returns:
        ``"leave"`` (left out, counted), ``"intro"`` (its text goes to the roadmap's
        description, its links are counted), ``"advice"`` or ``"resources"`` (attached to
        the enclosing topic or stage), or None.
    """
    key = _normalise(title).replace("’", "'")
    if not key:
        return None
    if key in _LEAVE or key.startswith(_LEAVE_PREFIXES):
        return "leave"
    if key in _INTRO:
        return "intro"
    parts = [part.strip() for part in key.split("/")]
    if all(part in _ADVICE for part in parts):
        return "advice"
    if all(part in _ADVICE or part in _RESOURCES for part in parts):
        return "resources"  # 资源/资料
    return None


@lru_cache(maxsize=4096)
def _split(url: str) -> tuple[str, str]:
    """``(host, path)`` of ``url``, host lower case; ``("", "")`` when it cannot be parsed."""
    return host_and_path(url) or ("", "")


def _host(url: str) -> str:
    return _split(url)[0]


def _matches(host: str, hosts: frozenset[str]) -> bool:
    """True when ``host`` or one of its parent domains is in ``hosts``."""
    while host:
        if host in hosts:
            return True
        host = host.partition(".")[2]
    return False


def is_badge_url(url: str) -> bool:
    """True for an image URL served by a badge service (or named like a badge)."""
    host = _host(url)
    if _matches(host, _BADGE_HOSTS):
        return True
    path = url.lower().split("?", 1)[0]
    return "/badge" in path or path.endswith(("badge.svg", "/stars.svg")) or "/badges/" in path


def link_role(url: str, title: str, *, image: bool) -> str | None:
    """``"badge"``, ``"social"``, ``"translation"`` (a link to the same document in
    another language, titled by the language's name) or None for a link or image."""
    if image and is_badge_url(url):
        return "badge"
    if " ".join(title.casefold().split()) in _LANGUAGES:
        return "translation"
    host, path = _split(url)
    if host in ("github.com", "www.github.com") and path.startswith("/sponsors"):
        return "social"
    if _matches(host, _SOCIAL_HOSTS):
        return "social"
    if _SOCIAL_TITLE.search(title):
        return "social"
    return None
