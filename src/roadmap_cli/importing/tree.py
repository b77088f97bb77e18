"""The syntax tree the block reader walks: markdown-it's token stream as light nodes.

:class:`Node` offers what the importer reads of ``markdown_it.tree.SyntaxTreeNode`` —
``type``, ``tag``, ``attrs``, ``map``, ``content``, ``markup``, ``children`` and
:meth:`Node.walk`, with the same values — as plain attributes set once, with no parent
links: building and reading it costs about a third of ``SyntaxTreeNode``'s (thousands of
nodes per roadmap, each property read a function call there).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

__all__ = ["Node", "tree"]


class Node:
    """One token (``type`` its type, children from its own child tokens: inline, image),
    or an opening and closing pair and what is between (``type`` the opening token's
    without ``_open``); ``tag``, ``attrs``, ``map`` (a tuple, or None), ``content`` and
    ``markup`` are the token's, or the opening token's."""

    __slots__ = ("attrs", "children", "content", "map", "markup", "tag", "type")

    def __init__(self, token: Token, kind: str) -> None:
        self.type = kind
        self.tag = token.tag
        self.attrs = token.attrs
        self.map = tuple(token.map) if token.map else None
        self.content = token.content
        self.markup = token.markup
        self.children: list[Node] = []

    def walk(self) -> Iterator[Node]:
        """This node and all below it, depth first in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            if node.children:
                stack.extend(reversed(node.children))

    def __repr__(self) -> str:
        return f"Node({self.type})"


def tree(tokens: Sequence[Token]) -> list[Node]:
    """The top-level nodes of a token stream (what ``SyntaxTreeNode(tokens).children``
    holds). Raises ValueError for unbalanced nesting, which markdown-it never produces."""
    top: list[Node] = []
    siblings = top
    open_nodes: list[list[Node]] = []
    for token in tokens:
        nesting = token.nesting
        if nesting == 0:
            node = Node(token, token.type)
            if token.children:
                node.children = tree(token.children)
            siblings.append(node)
        elif nesting == 1:
            node = Node(token, token.type.removesuffix("_open"))
            siblings.append(node)
            open_nodes.append(siblings)
            siblings = node.children
        else:
            if not open_nodes:
                raise ValueError("Invalid token nesting")
            siblings = open_nodes.pop()
    if open_nodes:
        raise ValueError("unclosed tokens")
    return top
