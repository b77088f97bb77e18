"""Canonical resource links, so one resource listed by two roadmaps is recognised.

An arXiv paper is the same paper whatever its version or form (``abs``, ``pdf``,
``html``, ``v2``); a YouTube video is its video id (``watch?v=``, ``youtu.be``,
``shorts/``, ``embed/``); any other link is its host (lower case, without ``www.``) and
path (without a trailing ``/``) plus its query parameters other than tracking ones,
sorted, without the fragment and the scheme.

Also :func:`resolve_relative_links`: the relative link targets of a downloaded Markdown
document made absolute against the address it came from.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from roadmap_cli.support.urls import is_tracking_param

__all__ = ["canonical_link", "resolve_relative_links"]

_ARXIV_ID = re.compile(
    r"^/(?:abs|pdf|html|format|ps)/"
    r"([0-9]{4}\.[0-9]{4,5}|[a-z-]+(?:\.[A-Z]{2})?/[0-9]{7})(?:v[0-9]+)?(?:\.pdf)?/?$"
)
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


def canonical_link(url: str) -> str | None:
    """The canonical form of the http(s) link ``url`` (a string, never a URL object):
    ``arxiv:2010.02502``, ``youtube:dQw4w9WgXcQ`` or ``host/path?query``. None for a
    link that is not http(s) or cannot be parsed. Never raises."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    if host.startswith("www."):
        host = host[4:]
    path = parts.path
    if host in ("arxiv.org", "export.arxiv.org"):
        match = _ARXIV_ID.match(path)
        if match:
            return f"arxiv:{match.group(1)}"
    if host in ("youtube.com", "m.youtube.com", "youtu.be", "youtube-nocookie.com"):
        video = _youtube_id(host, path, parts.query)
        if video:
            return f"youtube:{video}"
    path = re.sub(r"/{2,}", "/", path).rstrip("/")
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    kept = sorted((k, v) for k, v in pairs if not is_tracking_param(k))
    query = f"?{urlencode(kept)}" if kept else ""
    return f"{host}{path}{query}"


def _youtube_id(host: str, path: str, query: str) -> str | None:
    if host == "youtu.be":
        candidate = path.strip("/").split("/")[0]
    elif path.rstrip("/") == "/watch":
        candidate = dict(parse_qsl(query)).get("v", "")
    else:
        segments = path.strip("/").split("/")
        if len(segments) >= 2 and segments[0] in ("shorts", "embed", "live", "v"):
            candidate = segments[1]
        else:
            return None
    return candidate if _YOUTUBE_ID.match(candidate) else None


#: Inline link and image targets ``](target`` and reference definitions ``[label]: target``.
_INLINE = re.compile(r"(\]\(\s*<?)([^)\s>]+)")
_REFERENCE = re.compile(r"^( {0,3}\[[^\]]+\]:\s*<?)(\S+?)(>?)(?=\s|$)", re.MULTILINE)
_HTML = re.compile(r"""(\b(?:href|src)\s*=\s*["'])([^"']+)""", re.IGNORECASE)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _is_relative(target: str) -> bool:
    if target.startswith("#"):
        return False
    return not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", target)


def resolve_relative_links(markdown: str, base: str) -> tuple[str, int]:
    """``markdown`` with every relative link target (``[t](Go.md)``, ``[t]: ../x``,
    ``href="img/a.png"``) made absolute against ``base``, the http(s) address the
    document came from; fragments (``#section``), absolute links and fenced code blocks are
    left alone. Returns the new text and how many targets changed. Never raises."""
    changed = 0

    def absolute(target: str) -> str:
        nonlocal changed
        if not _is_relative(target):
            return target
        try:
            resolved = urljoin(base, target)
        except ValueError:
            return target
        changed += 1
        return resolved

    out: list[str] = []
    fence: str | None = None
    for line in markdown.splitlines(keepends=True):
        opener = _FENCE.match(line)
        if fence is not None:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
            out.append(line)
            continue
        if opener:
            fence = opener.group(1)
            out.append(line)
            continue
        line = _INLINE.sub(lambda m: m.group(1) + absolute(m.group(2)), line)
        line = _REFERENCE.sub(lambda m: m.group(1) + absolute(m.group(2)) + m.group(3), line)
        line = _HTML.sub(lambda m: m.group(1) + absolute(m.group(2)), line)
        out.append(line)
    return "".join(out), changed
