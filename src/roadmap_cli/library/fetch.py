"""Downloading a roadmap: standard library only, bounded in time and size.

:func:`fetch` reads an http(s) address with :mod:`urllib.request`: TLS certificates
verified (the default context), redirects followed only to other http(s) addresses (at
most 10), a deadline for the whole download (:data:`TIMEOUT` seconds, or
``ROADMAP_FETCH_TIMEOUT`` — tests set a short one), and at most :data:`MAX_BYTES` read. A
GitHub page (``github.com/O/R/blob/REF/PATH``) is read from its raw form
(:func:`raw_url`). Every failure is a :class:`FetchError`, one line naming the address
and the reason. This module is the only one that touches the network, and only
``roadmap add`` and ``roadmap update`` call it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from roadmap_cli.errors import RoadmapError
from roadmap_cli.support.i18n import _
from roadmap_cli.support.records import record

__all__ = ["MAX_BYTES", "TIMEOUT", "FetchError", "Fetched", "fetch", "raw_url"]

#: The most a download may hold (bytes): a roadmap is a few hundred kilobytes.
MAX_BYTES = 5 * 1024 * 1024
#: Seconds a whole download may take.
TIMEOUT = 20.0
_CHUNK = 64 * 1024

#: ``progress(received_bytes, total_bytes_or_None)``, called as a download goes on.
ProgressCallback = Callable[[int, "int | None"], None]


class FetchError(RoadmapError):
    """A download that failed (exit 1): ``"<url>: <reason>"``."""

    def __init__(self, url: str, reason: str, hint: str | None = None) -> None:
        super().__init__(f"{url}: {reason}", hint)
        self.url = url
        self.reason = reason


@record
class Fetched:
    """A finished download: the address asked for, the address really read (after the
    raw form and redirects), the bytes and the response's content type (may be "")."""

    url: str
    final_url: str
    data: bytes
    content_type: str


def raw_url(url: str) -> str:
    """The raw-file address of a GitHub ``blob`` page
    (``https://github.com/O/R/blob/REF/PATH`` → ``https://raw.githubusercontent.com/O/R/REF/PATH``);
    any other address unchanged."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    segments = parts.path.split("/")
    if host in ("github.com", "www.github.com") and len(segments) > 5 and segments[3] == "blob":
        path = "/".join([segments[1], segments[2], *segments[4:]])
        return urlunsplit(("https", "raw.githubusercontent.com", "/" + path, parts.query, ""))
    return url


def fetch_timeout() -> float:
    """:data:`TIMEOUT`, or ``ROADMAP_FETCH_TIMEOUT`` (seconds) when set to a positive
    number."""
    try:
        value = float(os.environ.get("ROADMAP_FETCH_TIMEOUT", ""))
    except ValueError:
        return TIMEOUT
    return value if value > 0 else TIMEOUT


#: The reason an :class:`urllib.error.HTTPError` carries for a redirect :func:`fetch`
#: refuses to follow (a marker, turned into a translated message there).
_NON_HTTP = "redirect to a non-http(s) address"


def _opener() -> Any:
    import urllib.error
    import urllib.request

    class HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(
            self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
        ) -> Any:
            scheme = urlsplit(newurl).scheme.lower()
            if scheme not in ("http", "https"):
                raise urllib.error.HTTPError(newurl, code, _NON_HTTP, headers, fp)
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return urllib.request.build_opener(HttpOnlyRedirects())


def fetch(
    url: str,
    *,
    timeout: float | None = None,
    limit: int = MAX_BYTES,
    progress: ProgressCallback | None = None,
) -> Fetched:
    """Download ``url`` (http or https; a GitHub page is read from its raw form).

    Args:
        url: the address.
        timeout: seconds the whole download may take (default :func:`fetch_timeout`).
        limit: the most bytes accepted.
        progress: called with (bytes received, total or None) after each chunk.

    Raises:
        FetchError: not an http(s) address, the host cannot be reached, an HTTP error
            status, a redirect elsewhere than http(s) or too many of them, the deadline
            passed, more than ``limit`` bytes, a TLS failure, a broken connection.
    """
    import http.client
    import ssl
    import urllib.error
    import urllib.request

    from roadmap_cli import __version__
    from roadmap_cli.support.urls import url_problem

    problem = url_problem(url)
    if problem:
        raise FetchError(url, problem.translated())
    seconds = timeout if timeout is not None else fetch_timeout()
    deadline = time.monotonic() + seconds
    target = raw_url(url)
    request = urllib.request.Request(
        target, headers={"User-Agent": f"roadmap-cli/{__version__}", "Accept-Encoding": "identity"}
    )
    too_big = _("is larger than {n} MB, too large for a roadmap").format(n=limit // (1024 * 1024))
    if limit < 1024 * 1024:
        too_big = _("is larger than {n} bytes, too large for a roadmap").format(n=limit)
    try:
        with _opener().open(request, timeout=seconds) as response:
            final_url = response.geturl()
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            if total is not None and total > limit:
                raise FetchError(url, too_big)
            chunks: list[bytes] = []
            received = 0
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError
                _set_timeout(response, remaining)
                chunk = response.read(min(_CHUNK, limit + 1 - received))
                if not chunk:
                    break
                chunks.append(chunk)
                received += len(chunk)
                if received > limit:
                    raise FetchError(url, too_big)
                if progress is not None:
                    progress(received, total)
            content_type = response.headers.get("Content-Type", "") or ""
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            if exc.reason == _NON_HTTP:
                reason = _("redirect to a non-http(s) address ({address})").format(
                    address=exc.filename
                )
            else:
                reason = _("too many redirects (HTTP {code})").format(code=exc.code)
            raise FetchError(url, reason) from None
        raise FetchError(
            url, _("HTTP error {code} {reason}").format(code=exc.code, reason=exc.reason).rstrip()
        ) from None
    except urllib.error.URLError as exc:
        raise FetchError(url, _reason(exc.reason, seconds)) from None
    except TimeoutError:
        raise FetchError(url, _("timed out after {n} s").format(n=f"{seconds:g}")) from None
    except ssl.SSLError as exc:
        raise FetchError(url, _("TLS failed ({reason})").format(reason=exc.reason or exc)) from None
    except http.client.HTTPException as exc:
        raise FetchError(
            url, _("the connection broke off ({reason})").format(reason=type(exc).__name__)
        ) from None
    except OSError as exc:
        raise FetchError(url, _reason(exc, seconds)) from None
    except ValueError as exc:
        raise FetchError(url, _("not a valid address ({reason})").format(reason=exc)) from None
    return Fetched(url, final_url, b"".join(chunks), content_type)


def _set_timeout(response: Any, seconds: float) -> None:
    """Let the next read wait at most ``seconds`` (the time left before the deadline)."""
    sock = getattr(getattr(getattr(response, "fp", None), "raw", None), "_sock", None)
    if sock is not None:
        sock.settimeout(max(seconds, 0.01))


def _reason(reason: object, seconds: float) -> str:
    import socket
    import ssl

    if isinstance(reason, TimeoutError):
        return _("timed out after {n} s").format(n=f"{seconds:g}")
    if isinstance(reason, ssl.SSLCertVerificationError):
        return _("the TLS certificate could not be verified ({reason})").format(
            reason=reason.verify_message
        )
    if isinstance(reason, ssl.SSLError):
        return _("TLS failed ({reason})").format(reason=reason.reason or reason)
    if isinstance(reason, socket.gaierror):
        return _("cannot reach the host (its name does not resolve)")
    if isinstance(reason, ConnectionRefusedError):
        return _("cannot reach the host (connection refused)")
    if isinstance(reason, OSError):
        return _("cannot reach the host ({reason})").format(reason=reason.strerror or reason)
    return _("cannot reach the host ({reason})").format(reason=reason)
