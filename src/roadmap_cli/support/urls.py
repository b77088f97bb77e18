"""URL checks and clean-up shared by the roadmap loader and the Markdown importer.

URLs in a roadmap file are kept as the exact strings written (pydantic's URL type would
rewrite them), so this module only *checks* them and, for the importer, *removes*
tracking parameters and text fragments.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from roadmap_cli.support.i18n import Msg

__all__ = [
    "TRACKING_PAIRS",
    "TRACKING_PARAMS",
    "check_url",
    "clean_url",
    "host_and_path",
    "is_tracking_param",
    "url_problem",
]

#: Query parameters that only track where a click came from.
TRACKING_PARAMS = frozenset(
    {
        "vd_source",
        "spm_id_from",
        "fbclid",
        "gclid",
        "share_source",
        "searchId",
        "search_id",
        "enter_from",
        "src",
        "ref",
        "ref_src",
        "from_source",
        "share_medium",
        "unique_k",
    }
)
#: Parameters that track only with these values (``tab=readme-ov-file`` on GitHub,
#: ``usp=sharing`` on Google Drive and Docs).
TRACKING_PAIRS = frozenset({("tab", "readme-ov-file"), ("usp", "sharing"), ("usp", "share_link")})


def is_tracking_param(name: str) -> bool:
    """Return True for a query parameter name that only tracks the visitor.

    ``utm_*`` parameters and the names in :data:`TRACKING_PARAMS` count (a few more track
    only with certain values: :data:`TRACKING_PAIRS`).
    """
    return name.startswith("utm_") or name in TRACKING_PARAMS


#: The common shape of a good URL: http(s), a plain host name, maybe a port, then the
#: end or a path, query or fragment. What matches is accepted by :func:`check_url`
#: without ``urlsplit`` (which gives the same answer, slower).
_PLAIN_HTTP = re.compile(
    r"(?i:https?)://(?P<host>[A-Za-z0-9][A-Za-z0-9.-]*)(?::[0-9]*)?(?P<path>(?=[/?#]|\Z)[^?#]*)"
)


def host_and_path(url: str) -> tuple[str, str] | None:
    """``(host name in lower case or "", path)`` of ``url``, as ``urlsplit`` gives them
    (found without it for plain http(s) URLs), or None when ``url`` cannot be parsed."""
    if url.isascii() and url.isprintable():
        match = _PLAIN_HTTP.match(url)
        if match:
            return match.group("host").lower(), match.group("path")
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return parts.hostname or "", parts.path


def check_url(url: str) -> str | None:
    """Check that ``url`` is an absolute http(s) URL without spaces or control characters.

    Returns None when it is acceptable, else a short English description of the problem
    (for a validation message; :func:`url_problem` gives it translatable). Never raises.
    """
    problem = url_problem(url)
    return None if problem is None else problem.english()


def url_problem(url: str) -> Msg | None:
    """What :func:`check_url` finds wrong with ``url`` as a :class:`Msg` (English for
    ``--json``, ``.translated()`` for the user), or None when it is acceptable. Never
    raises."""
    if not url:
        return Msg("URL is empty")
    if url.isascii() and url.isprintable() and " " not in url:  # the common case, fast
        if _PLAIN_HTTP.match(url):
            return None
    elif any(ch.isspace() or ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in url):
        return Msg("URL contains spaces or control characters")
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        return Msg("URL cannot be parsed ({reason})", reason=str(exc))
    if parts.scheme.lower() not in ("http", "https"):
        if not parts.scheme:
            return Msg("URL scheme must be http or https, not 'none'")
        return Msg("URL scheme must be http or https, not {scheme!r}", scheme=parts.scheme)
    if not parts.hostname:
        return Msg("URL has no host")
    return None


def clean_url(url: str) -> str:
    """Remove tracking parameters (``vd_source``, ``spm_id_from``, ``utm_*``, ``searchId``,
    ``enter_from``, ``src``, ``ref``, ``tab=readme-ov-file``, ``usp=sharing``…) and text
    fragments (``#:~:text=…``) from ``url``; everything else is kept as written.

    A URL with nothing to remove, or that cannot be parsed, is returned unchanged,
    character for character.
    """
    if "?" not in url and "#" not in url:
        return url  # no query, no fragment: nothing to remove
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[::1": check_url says what is wrong with it
        return url
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        kept = [
            (k, v) for k, v in pairs if not is_tracking_param(k) and (k, v) not in TRACKING_PAIRS
        ]
        if len(kept) != len(pairs):
            query = urlencode(kept, safe=":/,")
    fragment = parts.fragment
    if fragment.startswith(":~:"):
        fragment = ""
    elif ":~:" in fragment:
        fragment = fragment.split(":~:", 1)[0]
    if query == parts.query and fragment == parts.fragment:
        return url
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, fragment))
