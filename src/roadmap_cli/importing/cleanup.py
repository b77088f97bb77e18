"""Text clean-up for imported titles and notes: what real Markdown leaves behind.

* Invisible format characters (U+2061 FUNCTION APPLICATION, U+200C ZERO WIDTH NON-JOINER,
  zero-width spaces, soft hyphens…) that some authors sprinkle in against copying are
  removed: they break search and ids.
* GitHub alert markers (``[!NOTE]``, ``[!TIP]``…), emoji shortcodes (``:rocket:``) and
  backticks are removed from titles.
* Titles taken from a link's text lose the site suffix a browser's page title carries:
  ``…_哔哩哔哩_bilibili``, ``… - 知乎``, ``…-CSDN博客``, ``… | by X | Medium``,
  ``… - YouTube``.
"""

from __future__ import annotations

import re

__all__ = ["strip_invisible", "strip_markers", "strip_site_suffix"]

# Format characters (category Cf) other than the bidi controls textsafe already removes,
# plus the soft hyphen and the variation selectors are kept only inside emoji.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]")
_ALERT = re.compile(r"\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]", re.IGNORECASE)
_SHORTCODE = re.compile(r"(?<![\w:/]):[a-z0-9_+\-]{2,40}:(?![\w/])")
_SUFFIXES = (
    re.compile(r"\s*[_\-|]\s*哔哩哔哩\s*[_\-]?\s*bilibili\s*$", re.IGNORECASE),
    re.compile(r"\s*[-|_]\s*知乎(?:专栏)?\s*$"),
    re.compile(r"\s*[-_|]\s*CSDN\s*博客\s*$", re.IGNORECASE),
    re.compile(r"\s*[-_|]\s*博客园\s*$"),
    re.compile(r"\s*[-_|]\s*掘金\s*$"),
    re.compile(r"\s*\|\s*by\s+[^|]+\|\s*Medium\s*$", re.IGNORECASE),
    re.compile(r"\s*[-|]\s*Medium\s*$", re.IGNORECASE),
    re.compile(r"\s+-\s+YouTube\s*$", re.IGNORECASE),
    re.compile(r"\s*[-|]\s*Stack Overflow\s*$", re.IGNORECASE),
)


def strip_invisible(text: str) -> str:
    """``text`` without invisible format characters (see the module docstring)."""
    if text.isascii():
        return text
    return _INVISIBLE.sub("", text)


def strip_markers(title: str, *, code: bool = True) -> str:
    """A title without alert markers, emoji shortcodes and (when ``code``) backticks;
    spaces are kept as they were around them (the caller collapses them)."""
    if "[!" in title:
        title = _ALERT.sub(" ", title)
    if ":" in title:
        title = _SHORTCODE.sub(" ", title)
    return title.replace("`", "") if code else title


#: A title holds one of these words when any of the suffixes matches (checked first: most
#: titles have no suffix, and one search is cheaper than nine).
_SUFFIX_WORDS = re.compile(
    r"bilibili|知乎|CSDN|博客园|掘金|Medium|YouTube|Stack Overflow", re.IGNORECASE
)


def strip_site_suffix(title: str) -> str:
    """A link title without the site's suffix (``"Llama 3.1论文精读_哔哩哔哩_bilibili"`` →
    ``"Llama 3.1论文精读"``); a title that is only a suffix is returned unchanged."""
    if _SUFFIX_WORDS.search(title) is None:
        return title
    for pattern in _SUFFIXES:
        cut = pattern.sub("", title)
        if cut != title and cut.strip():
            return cut.strip()
    return title
