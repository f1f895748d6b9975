"""Client for the websequencediagrams.com rendering API (opt-in).

Protocol: ``POST {url}/index.php`` with form fields ``message`` (the diagram
source), ``style``, ``apiVersion=1``, ``format`` (``svg`` needs an API key,
otherwise ``png``) and ``apikey``; the answer is JSON such as
``{"img": "?png=mscKTO107", "errors": []}``; then ``GET {url}/{img}``
returns the image.

Every request has a timeout; a failed attempt (connection error, timeout,
HTTP 5xx, malformed answer) is retried once.  Anything still wrong raises
:class:`RemoteError`, which the hook turns into one warning and a fallback
to the local renderer.  Knows nothing about MkDocs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin
from xml.etree import ElementTree

import requests

DEFAULT_URL = "https://www.websequencediagrams.com"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


class RemoteError(Exception):
    """The remote service failed, timed out or answered something unusable."""


@dataclass(frozen=True)
class RemoteImage:
    """An image fetched from the service: ``fmt`` is ``"svg"`` or ``"png"``."""

    fmt: str
    data: bytes


@dataclass(frozen=True)
class RemoteRenderer:
    """Settings for one remote service; :meth:`render` does the requests."""

    url: str = DEFAULT_URL
    style: str = "modern-blue"
    api_key: str | None = None
    timeout: float = 10.0
    retries: int = 1

    @property
    def fmt(self) -> str:
        """Image format asked for: SVG needs an API key."""
        return "svg" if self.api_key else "png"

    def options(self) -> dict[str, Any]:
        """What decides the output (for cache keys); never the API key."""
        return {"renderer": "remote", "url": self.url, "style": self.style, "format": self.fmt}

    def render(self, source: str, session: requests.Session | None = None) -> RemoteImage:
        """Render ``source`` remotely; raise :class:`RemoteError` on failure."""
        http = session or requests.Session()
        last: Exception | None = None
        for _attempt in range(1 + max(0, self.retries)):
            try:
                return self._render_once(http, source)
            except RemoteDiagramError:
                raise
            except _Permanent as exc:
                raise RemoteError(str(exc)) from None
            except (requests.RequestException, RemoteError) as exc:
                last = exc
        raise RemoteError(_describe(last)) from None

    def _render_once(self, http: requests.Session, source: str) -> RemoteImage:
        form = {"message": source, "style": self.style, "apiVersion": "1", "format": self.fmt}
        if self.api_key:
            form["apikey"] = self.api_key
        base = self.url.rstrip("/") + "/"
        answer = http.post(urljoin(base, "index.php"), data=form, timeout=self.timeout)
        _check_status(answer)
        img = _parse_answer(answer.content)
        image = http.get(urljoin(base, img), timeout=self.timeout)
        _check_status(image)
        return RemoteImage(self.fmt, _check_image(self.fmt, image.content))


class _Permanent(RemoteError):
    """A failure that a retry cannot fix (HTTP 4xx)."""


class RemoteDiagramError(_Permanent):
    """The service rejected this diagram's source (other diagrams may work)."""


def _check_status(response: requests.Response) -> None:
    if response.status_code >= 500:
        raise RemoteError(f"HTTP {response.status_code} from {response.url}")
    if response.status_code >= 400:
        raise _Permanent(f"HTTP {response.status_code} from {response.url}")


def _parse_answer(body: bytes) -> str:
    """Return the image reference from the JSON answer of ``index.php``."""
    try:
        answer = json.loads(body)
    except ValueError:
        raise RemoteError("malformed answer (not JSON)") from None
    if not isinstance(answer, dict):
        raise RemoteError("malformed answer (not a JSON object)")
    errors = answer.get("errors") or []
    if errors:
        raise RemoteDiagramError("service reported: " + "; ".join(map(str, errors))[:300])
    img = answer.get("img")
    if not isinstance(img, str) or not img.startswith("?") or len(img) > 200:
        raise RemoteError("malformed answer (no usable 'img')")
    return img


def _check_image(fmt: str, data: bytes) -> bytes:
    """Return ``data`` if it really is an image of ``fmt``."""
    if fmt == "png":
        if not data.startswith(PNG_MAGIC):
            raise RemoteError("answer is not a PNG image")
        return data
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        raise RemoteError("answer is not well-formed SVG") from None
    if not root.tag.endswith("svg"):
        raise RemoteError("answer is not an SVG document")
    return data


def _describe(exc: Exception | None) -> str:
    if isinstance(exc, requests.Timeout):
        return "timed out"
    if isinstance(exc, requests.ConnectionError):
        return "connection failed"
    return str(exc) if exc else "failed"
