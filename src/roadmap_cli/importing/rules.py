"""Rules the Markdown importer applies to single values: ids from titles, resource kinds
from URLs, how wide a piece of text is (whether it is prose: :mod:`roadmap_cli.importing.items`).

Ids (see README.md "Importing a Markdown roadmap"):

* An id is made from the title alone, so it stays the same when other topics are added,
  removed or reordered: the title is NFKC-normalised, Chinese characters are transliterated
  to toneless pinyin with ``pypinyin`` (one word per syllable), other letters lose their
  accents, and the ASCII words that remain are joined with "-", lower case, cut at a word
  boundary after :data:`SLUG_LENGTH` characters (``注意力机制(self attention)`` →
  ``zhu-yi-li-ji-zhi-self-attention``; ``Flow Matching`` → ``flow-matching``).
* A title that leaves no ASCII word (emoji, scripts without a transliteration) gets
  ``t-`` and the first 8 hex digits of the SHA-1 of the normalised title: stable, if not
  readable.
* Repeated titles take their parent's id in front (:mod:`roadmap_cli.importing.ids`); two
  topics that still get the same id: the first (in file order) keeps it, the next one gets
  the id of its stage appended, then ``-2``, ``-3``….
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from roadmap_cli.support.urls import host_and_path

__all__ = [
    "SLUG_LENGTH",
    "han_count",
    "has_han",
    "is_optional",
    "resource_kind",
    "slugify",
    "text_width",
    "unique_id",
]

#: Ids made from titles are cut (at a word boundary) after this many characters.
SLUG_LENGTH = 32
#: Ids never exceed this many characters (the roadmap format allows 80).
ID_LIMIT = 80

_HOST_KINDS: tuple[tuple[str, str], ...] = (
    ("arxiv.org", "paper"),
    ("openreview.net", "paper"),
    ("aclanthology.org", "paper"),
    ("papers.nips.cc", "paper"),
    ("proceedings.neurips.cc", "paper"),
    ("proceedings.mlr.press", "paper"),
    ("dl.acm.org", "paper"),
    ("ieeexplore.ieee.org", "paper"),
    ("semanticscholar.org", "paper"),
    ("paperswithcode.com", "paper"),
    ("youtube.com", "video"),
    ("youtu.be", "video"),
    ("bilibili.com", "video"),
    ("b23.tv", "video"),
    ("vimeo.com", "video"),
    ("ixigua.com", "video"),
    ("github.com", "code"),
    ("gitlab.com", "code"),
    ("gitee.com", "code"),
    ("codeberg.org", "code"),
    ("colab.research.google.com", "code"),
    ("kaggle.com", "code"),
    ("coursera.org", "course"),
    ("edx.org", "course"),
    ("udacity.com", "course"),
    ("udemy.com", "course"),
    ("deeplearning.ai", "course"),
    ("fast.ai", "course"),
    ("ocw.mit.edu", "course"),
    ("d2l.ai", "book"),
    ("oreilly.com", "book"),
    ("manning.com", "book"),
    ("leanpub.com", "book"),
    ("readthedocs.io", "docs"),
    ("readthedocs.org", "docs"),
    ("pkg.go.dev", "docs"),
    ("docs.rs", "docs"),
    ("developer.mozilla.org", "docs"),
    ("medium.com", "blog"),
    ("substack.com", "blog"),
    ("zhihu.com", "blog"),
    ("csdn.net", "blog"),
    ("juejin.cn", "blog"),
    ("cnblogs.com", "blog"),
    ("jianshu.com", "blog"),
    ("dev.to", "blog"),
    ("github.io", "blog"),
    ("kexue.fm", "blog"),
    ("spaces.ac.cn", "blog"),
    ("mp.weixin.qq.com", "blog"),
)


_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


def has_han(text: str) -> bool:
    """True when ``text`` holds a Chinese (Han) character."""
    return not text.isascii() and _HAN.search(text) is not None


def han_count(text: str) -> int:
    """How many Chinese (Han) characters ``text`` holds."""
    return 0 if text.isascii() else len(_HAN.findall(text))


def _is_han(ch: str) -> bool:
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3FFFF
    )


def text_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters count 2, others 1."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")


def _ascii_words(chunk: str) -> list[str]:
    """The lower-case ASCII words of a non-Chinese piece of text (accents dropped)."""
    if chunk.isascii():  # the common case: no accents, the same words found faster
        return _ASCII_WORD.findall(chunk.replace("'", "").lower())
    words: list[str] = []
    current: list[str] = []
    for ch in unicodedata.normalize("NFKD", chunk):
        if unicodedata.combining(ch) or ch in "'’":
            continue
        if ch.isascii() and ch.isalnum():
            current.append(ch.lower())
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def slugify(title: str, length: int = SLUG_LENGTH) -> str:
    """An ASCII kebab-case id made from ``title`` (see the module docstring); never empty.

    The result matches ``[a-z0-9][a-z0-9-]*`` and is at most ``length`` characters long
    (a single word longer than that is cut).
    """
    text = unicodedata.normalize("NFKC", title)
    words: list[str] = []
    if has_han(text):
        from pypinyin import Style, lazy_pinyin

        for piece in lazy_pinyin(text, style=Style.NORMAL, errors="default"):
            if piece and all(_is_han(ch) for ch in piece):  # untransliterated rare character
                words.append(_hash_id(piece))
            else:
                words.extend(_ascii_words(piece))
    else:
        words = _ascii_words(text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > length:
            slug = slug or word[:length]
            break
        slug = candidate
    return slug or _hash_id(" ".join(text.casefold().split()))


def _hash_id(text: str) -> str:
    return "t-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def unique_id(base: str, qualifier: str, taken: set[str]) -> str:
    """``base`` if it is not in ``taken``, else ``base-qualifier``, else ``base-2``,
    ``base-3``… (each kept within the 80-character limit). Adds the id to ``taken``."""
    candidates = [base]
    if qualifier and qualifier != base:
        candidates.append(_join(base, qualifier))
    chosen = next((c for c in candidates if c not in taken), None)
    number = 2
    while chosen is None:
        candidate = _join(base, str(number))
        chosen = candidate if candidate not in taken else None
        number += 1
    taken.add(chosen)
    return chosen


def _join(base: str, suffix: str) -> str:
    room = ID_LIMIT - len(suffix) - 1
    return f"{base[:room].rstrip('-')}-{suffix}"


#: :data:`_HOST_KINDS` as ``{domain: (its place in the list, kind)}``.
_KIND_OF_DOMAIN = {domain: (i, kind) for i, (domain, kind) in enumerate(_HOST_KINDS)}


def _host_kind(host: str) -> str | None:
    """The kind of the first entry of :data:`_HOST_KINDS` that ``host`` is, or is under
    (``www.youtube.com`` → video), else None: the host and its parent domains looked up."""
    found = []
    rest = host
    while rest:
        if rest in _KIND_OF_DOMAIN:
            found.append(_KIND_OF_DOMAIN[rest])
        rest = rest.partition(".")[2]
    return min(found)[1] if found else None


def resource_kind(url: str, title: str = "") -> str:
    """The kind of a resource, guessed from its URL (and, failing that, its title).

    Returns one of ``paper video course book article blog code docs site``: papers for
    arXiv, OpenReview and proceedings sites and ``.pdf`` files; videos for YouTube,
    Bilibili…; code for GitHub, GitLab…; docs for documentation hosts and ``docs.`` hosts
    or ``/docs/`` paths; blog for blog platforms; site for a bare home page; else article.
    """
    parts = host_and_path(url)
    if parts is None:
        return "site"
    host = parts[0].removeprefix("www.").removeprefix("m.")
    path = parts[1].lower()
    known = _host_kind(host)
    if known is not None:
        if known == "code" and host == "github.com" and path.count("/") <= 1:
            return "site"  # a user or organisation page, not a repository
        return known
    lowered = title.casefold()
    if path.endswith(".pdf"):
        return "paper"
    if host.startswith(("docs.", "doc.", "developer.")) or "/docs/" in path + "/":
        return "docs"
    if "documentation" in lowered or "文档" in lowered:
        return "docs"
    if "course" in host or "/course" in path or "课程" in lowered or "course" in lowered:
        return "course"
    if host.startswith("blog.") or "/blog" in path or "/posts/" in path or "博客" in lowered:
        return "blog"
    if path.strip("/") == "":
        return "site"
    return "article"


_OPTIONAL = re.compile(
    r"可选|选学|选修|选读|可能没必要|没必要|不是必须|非必须|不那么重要|不太重要|有兴趣的话|有余力"
    r"|如果还想(?:再)?深入|如果想(?:再)?深入|进阶选读"
    r"|\boptional\b|\(optional\)|if you want to go further|going further|\bbonus\b"
    r"|nice to have|not required",
    re.IGNORECASE,
)


def is_optional(*texts: str) -> bool:
    """True when a title or remark marks the item optional ("可选", "(optional)", "if you
    want to go further", "如果还想再深入", "可能没必要"…)."""
    return any(_OPTIONAL.search(text) for text in texts if text)
