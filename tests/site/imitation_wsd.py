"""A local imitation of the websequencediagrams.com API, for tests only.

``POST /index.php`` answers ``{"img": "?png=…", "errors": []}`` (or ``?svg=``
when ``format=svg``); ``GET /?png=…`` returns a tiny PNG, ``GET /?svg=…`` an
SVG.  ``server.mode`` switches misbehaviour: ``ok``, ``http500``, ``flaky``
(first POST fails with 500, then OK), ``slow`` (sleeps before answering),
``malformed`` (HTML instead of JSON), ``bad-image`` (JSON fine, image junk),
``diagram-error`` (the service rejects the source).
"""

from __future__ import annotations

import json
import struct
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

SLOW_SECONDS = 1.5


def tiny_png() -> bytes:
    """A valid 1x1 PNG."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0\xff\x00\x00")) + chunk(b"IEND", b"")


REMOTE_SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><text>remote</text></svg>'


class ImitationServer(ThreadingHTTPServer):
    """The server; ``mode`` and the received ``posts`` / ``gets`` are public."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.mode = "ok"
        self.posts: list[dict[str, list[str]]] = []
        self.gets: list[str] = []

    @property
    def url(self) -> str:
        """Base URL of the imitation."""
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self) -> "ImitationServer":
        """Serve in a daemon thread."""
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self


class _Handler(BaseHTTPRequestHandler):
    server: ImitationServer

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:  # noqa: N802 (http.server API)
        length = int(self.headers.get("Content-Length") or 0)
        form = parse_qs(self.rfile.read(length).decode("utf-8"))
        self.server.posts.append(form)
        mode = self.server.mode
        if self.path != "/index.php":
            return self._send(404, b"not found", "text/plain")
        if mode == "slow":
            time.sleep(SLOW_SECONDS)
        if mode == "http500" or (mode == "flaky" and len(self.server.posts) == 1):
            return self._send(500, b"Internal Server Error", "text/plain")
        if mode == "malformed":
            return self._send(200, b"<html><body>maintenance</body></html>", "text/html")
        if mode == "diagram-error":
            answer = {"img": "", "errors": ["Line 3: Syntax error."]}
        else:
            fmt = form.get("format", ["png"])[0]
            answer = {"img": f"?{fmt}=msc{len(self.server.posts)}", "errors": []}
        self._send(200, json.dumps(answer).encode(), "application/json")

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        self.server.gets.append(self.path)
        if self.server.mode == "bad-image":
            return self._send(200, b"this is not an image", "image/png")
        if self.path.startswith("/?svg="):
            return self._send(200, REMOTE_SVG, "image/svg+xml")
        if self.path.startswith("/?png="):
            return self._send(200, tiny_png(), "image/png")
        self._send(404, b"not found", "text/plain")
