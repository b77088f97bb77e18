"""Is a list item the name of something to study, or a remark? And what is its name?

Punctuation, not width, marks prose: a remark ends like a sentence (``。！？.!?``), holds a
sentence mark inside (``；;``), reads as several clauses (two or more commas and more
than 40 columns), or reads as a statement without its full stop ("与ControlNet类似", "It
is optional": :func:`reads_as_sentence`); very long text (over 90 columns) is prose too.
Siblings in one list are classified alike (:func:`classify_siblings`): beside links, text
items are remarks on them as soon as one is prose, else each names a topic (a study item
with no resource yet: ``- Linear algebra`` between two linked books); in a list without
links, text items are remarks when most are prose.

Names (:func:`split_name`): a bold lead (``**Hooks** useState``), ``name: remark``,
``name  remark`` (two spaces or more), ``name (remark)`` and ``name — remark`` give the
name and the remark separately.
"""

from __future__ import annotations

import re

from roadmap_cli.importing.rules import text_width

__all__ = [
    "classify_siblings",
    "is_prose",
    "is_sentences",
    "reads_as_sentence",
    "split_name",
]

_SENTENCE_END = tuple("。！？.!?…")
_SENTENCE_MARKS = "；;"
_CLAUSE = re.compile(r"[，,、]")
_WIDE_GAP = re.compile(r"\s{2,}|\u3000")
_DASH = re.compile(r"\s+[—–-]{1,2}\s+")
_TWO_SENTENCES = re.compile(r"[。！？]\s*\S|[a-z]{3,}[.!?]\s+[A-Z]")
_NUMBERED = re.compile(r"(?:\b\d+|\b[IVX]+|第.+[章节课讲周部篇])$")
_TRAILING_PAREN = re.compile(r"^(?P<name>.+?)\s*[(（](?P<remark>[^()（）]+)[)）]$")


def is_prose(text: str) -> bool:
    """True when ``text`` reads as a remark rather than a name (see the module docstring).
    A trailing ``(…)`` is left out of the judgement (``GPT (1, 2, 3, 4)`` is a name)."""
    stripped = text.strip()
    if not stripped:
        return False
    match = _TRAILING_PAREN.match(stripped)
    core = match.group("name") if match else stripped
    if core.endswith(("...", "…")) and not core.endswith(". ..."):
        core = core.rstrip(".… ")  # "device, CPU, GPU, ..." is a list, not a sentence
    if core.endswith(_SENTENCE_END) or any(mark in core for mark in _SENTENCE_MARKS):
        return True
    if _TWO_SENTENCES.search(core):
        return True
    width = text_width(core)
    if width > 90:
        return True
    clauses = len(_CLAUSE.findall(core))
    return (clauses >= 2 and width > 40) or (clauses >= 1 and width > 60)


def is_sentences(text: str) -> bool:
    """True when ``text`` holds more than one sentence (or a ``；``): too much for a label,
    however it is formatted. One sentence ending in a full stop is not."""
    return any(mark in text for mark in _SENTENCE_MARKS) or bool(_TWO_SENTENCES.search(text))


def classify_siblings(texts: list[str], *, links: int) -> bool:
    """Whether the link-less, list-less items ``texts`` of one list name topics (True) or
    are remarks (False); all alike. ``links``: how many items of the list have links;
    beside links, one item that is prose makes them all remarks on the links, however
    few or many they are; without links, most must be prose."""
    if not texts:
        return True
    prose = sum(1 for text in texts if _prose_item(text))
    if links:
        return prose == 0
    return prose * 2 < len(texts)


def _prose_item(text: str) -> bool:
    """An item is prose when its name is, when it ends like a sentence, or when its name
    reads as one (:func:`reads_as_sentence`)."""
    name, _ = split_name(text)
    core = text.strip().rstrip(".… ") if text.strip().endswith(("...", "…")) else text.strip()
    return is_prose(name) or core.endswith(_SENTENCE_END) or reads_as_sentence(name)


#: Words that make Chinese text a statement rather than a name: modal verbs, the copula
#: with a classifier, comparisons, pronouns and connectives ("可能会是一个注定的方向",
#: "与ControlNet类似"); not "如果" ("如果还想再深入一点" labels what follows).
_ZH_SENTENCE = re.compile(
    r"可能(?!性)|可以|应该|需要|建议|类似|不是|就是|会是|是一个|是一种|注定|一定要|我们|大家"
    r"|因为|所以|但是|不过|其实"
)
#: English words that make a line a statement: auxiliaries and copulas anywhere, a
#: pronoun, "see", "similar" or "more" first ("It is optional", "Similar to X").
_EN_VERBS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "can",
        "could",
        "should",
        "will",
        "would",
        "may",
        "might",
        "must",
        "isn't",
        "aren't",
        "don't",
        "doesn't",
        "can't",
        "won't",
    ]
)
_EN_OPENERS = frozenset(
    ["this", "these", "that", "it", "they", "we", "you", "i", "see", "similar", "more", "please"]
)


def reads_as_sentence(text: str) -> bool:
    """True when ``text``, without sentence punctuation, is still a statement about
    something rather than the name of something to study: "可能会是一个注定的方向",
    "与ControlNet类似", "It is optional", "Similar to X"; not "Linear algebra",
    "DeepseekMoE", "关键词与对象绑定", "What to learn first"."""
    if _ZH_SENTENCE.search(text):
        return True
    words = text.casefold().split()
    if len(words) < 2:
        return False
    return words[0] in _EN_OPENERS or any(word in _EN_VERBS for word in words[1:])


def split_name(text: str) -> tuple[str, str]:
    """``(name, remark)`` of an item's first line; remark ``""`` when there is none.

    ``"numpy: python 数据处理基本库"`` → ``("numpy", "python 数据处理基本库")``;
    ``"ControlNet (ICCV best paper)  作者是张吕敏，大神"`` → ``("ControlNet (ICCV best
    paper)", "作者是张吕敏，大神")``; ``"llama3 的预训练(比较简单)"`` → ``("llama3 的预训练",
    "比较简单")``.
    """
    stripped = text.strip()
    gap = _WIDE_GAP.search(stripped)
    if gap and gap.start() > 0 and stripped[gap.end() :].strip():
        name, remark = split_name(stripped[: gap.start()])
        return name, "\n".join(p for p in (remark, stripped[gap.end() :].strip()) if p)
    for colon in (": ", "：", ":"):
        head, sep, tail = stripped.partition(colon)
        if sep and head.strip() and tail.strip() and text_width(head) <= 40:
            if colon == ":" and (tail[:1].isdigit() or "//" in tail[:3]):
                continue  # 10:30, https://
            if _NUMBERED.search(head.strip()):
                break  # "Lecture 1: Intro", "第三章：…" name a whole item
            return head.strip(), tail.strip()
    dash = _DASH.search(stripped)
    if dash and dash.start() > 0 and text_width(stripped[: dash.start()]) <= 40:
        return stripped[: dash.start()].strip(), stripped[dash.end() :].strip()
    match = _TRAILING_PAREN.match(stripped)
    if match and len(match.group("remark")) >= 2:
        name = match.group("name").strip()
        if text_width(name) >= 2:
            return name, match.group("remark").strip()
    return stripped, ""
