"""The importer's shortcuts give exactly what the long way gives: the parser without the
rules a document cannot use (same tokens), the light syntax tree (same nodes as
markdown-it's SyntaxTreeNode), URL parts without ``urlsplit`` (same parts)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from markdown_it.tree import SyntaxTreeNode

from roadmap_cli.importing.markdown import _RULE_NEEDS, parser_for
from roadmap_cli.importing.tree import Node, tree
from roadmap_cli.support.urls import check_url, clean_url, host_and_path

ROOT = Path(__file__).resolve().parents[3]
DOCUMENTS = sorted((ROOT / "tests" / "data" / "import-corpus").glob("*.md")) + sorted(
    (ROOT.parent / "shared" / "examples" / "markdown-roadmaps").glob("*.md")
)
#: For each rule, the characters it needs: removing them from a document prunes it.
NEEDED = sorted(
    {"".join(sorted({ch for need in needs for ch in need})) for _, needs in _RULE_NEEDS}
)

SAMPLE = """# Title

> a quote with <b>html</b> and &amp; an entity, `code` and \\*escaped\\*

| Name | Link |
|------|------|
| A | [a](https://a.example/x) |

```python
print("fenced")
```

~~~
tilde fence
~~~

- [ ] task with ~~struck~~ text <https://auto.example>
- [x] done [ref][r]

[r]: https://ref.example/ "Ref"
"""


def _without(text: str, chars: str) -> str:
    for ch in chars:
        text = text.replace(ch, "")
    return text


def _variants(text: str) -> list[str]:
    """``text``, and ``text`` without the characters of each pruned rule."""
    return [text] + [_without(text, chars) for chars in NEEDED if any(c in text for c in chars)]


def _documents() -> list[str]:
    return [SAMPLE] + [path.read_text("utf-8") for path in DOCUMENTS]


def _tokens(text: str, *, prune: bool) -> list[dict[str, Any]]:
    return [t.as_dict() for t in parser_for(text, prune=prune).parse(text)]


@pytest.mark.parametrize("index", range(len(_documents())))
def test_pruned_parser_gives_the_same_tokens(index: int) -> None:
    for text in _variants(_documents()[index]):
        assert _tokens(text, prune=True) == _tokens(text, prune=False)


def test_the_sample_prunes_nothing_and_its_variants_prune_each_rule() -> None:
    full = parser_for(SAMPLE)
    enabled = set(full.get_active_rules()["block"] + full.get_active_rules()["inline"])
    assert {rule for rule, _ in _RULE_NEEDS} <= enabled
    pruned: set[str] = set()
    for text in _variants(SAMPLE)[1:]:
        md = parser_for(text)
        active = md.get_active_rules()
        pruned |= {r for r, _ in _RULE_NEEDS} - set(active["block"] + active["inline"])
    assert pruned == {rule for rule, _ in _RULE_NEEDS}


def _same(node: Node, other: SyntaxTreeNode) -> None:
    assert (node.type, node.tag, node.attrs, node.map, node.content, node.markup) == (
        other.type,
        other.tag,
        other.attrs,
        other.map,
        other.content,
        other.markup,
    )
    assert len(node.children) == len(other.children)
    for mine, theirs in zip(node.children, other.children, strict=True):
        _same(mine, theirs)


@pytest.mark.parametrize("index", range(len(_documents())))
def test_light_tree_is_syntax_tree_node(index: int) -> None:
    text = _documents()[index]
    tokens = parser_for(text).parse(text)
    mine, theirs = tree(tokens), SyntaxTreeNode(tokens).children
    assert len(mine) == len(theirs)
    for node, other in zip(mine, theirs, strict=True):
        _same(node, other)
        assert [n.type for n in node.walk()] == [n.type for n in other.walk()]


def test_light_tree_refuses_unbalanced_tokens() -> None:
    tokens = parser_for("- a\n").parse("- a\n")
    with pytest.raises(ValueError):
        tree(tokens[:-1])
    with pytest.raises(ValueError):
        tree(tokens[1:])


def _slow_parts(url: str) -> tuple[str, str] | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return parts.hostname or "", parts.path


def _slow_check(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def test_url_parts_without_urlsplit_are_urlsplits() -> None:
    rng = random.Random(15)
    alphabet = "hHtTpPsS:/.?#@[]-_0aZ9%\t é"
    heads = ["http://", "https://", "HTTP://", "http:/", "http:", "Https://a", ""]
    for _ in range(50_000):
        tail = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        url = rng.choice(heads) + tail
        assert host_and_path(url) == _slow_parts(url), url
        if url.isascii() and url.isprintable() and " " not in url and url:
            assert (check_url(url) is None) == _slow_check(url), url


def test_clean_url_keeps_what_it_cannot_parse() -> None:
    assert clean_url("http://[::1/x?utm_source=a") == "http://[::1/x?utm_source=a"
    assert clean_url("https://a.example/x") == "https://a.example/x"
    assert clean_url("https://a.example/x?utm_source=a&b=1#:~:text=y") == "https://a.example/x?b=1"
