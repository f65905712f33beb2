"""A loopback web server for sample sites: the demo's sites, and the tests' real HTTP server.

Each site folder is the web root of a fictional ``base_url`` (see ``expected.json``). Pages
name that host in absolute links, so the server rewrites it to its own address as it serves
(``https://host/`` and ``//host/``), keeping paths the same. HTML is served as ``text/html``
with no charset parameter, as the real sites do, so a page's ``<meta charset>`` is the only
declaration and charset detection is exercised for real.
"""

from __future__ import annotations

import json
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

_TYPES = {".html": "text/html", ".htm": "text/html", ".xml": "application/xml",
          ".json": "application/json"}

SHUTDOWN_POLL = 0.05  # seconds; stop() waits for serve_forever's next poll


class _SiteHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    root: Path
    rewrites: tuple[tuple[bytes, bytes], ...] = ()


class _Handler(BaseHTTPRequestHandler):
    server_version = "sample-sites/1"
    server: _SiteHTTPServer

    def do_GET(self) -> None:
        root = self.server.root
        path = unquote(urlsplit(self.path).path).lstrip("/") or "index.html"
        target = (root / path).resolve()
        if root not in target.parents or not target.is_file():
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        body = target.read_bytes()
        for old, new in self.server.rewrites:
            body = body.replace(old, new)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", _TYPES.get(target.suffix, "application/octet-stream"))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the demo prints its own summary."""


class SiteServer:
    """Serve one site folder on 127.0.0.1 (``port=0`` picks a free port)."""

    def __init__(self, root: Path, base_url: str | None = None, port: int = 0) -> None:
        self.root = root.resolve()
        if base_url is None:
            base_url = json.loads((root / "expected.json").read_text("utf-8"))["base_url"]
        self.base_url = base_url
        self._port = port
        self._server: _SiteHTTPServer | None = None

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("server not started")
        return f"http://127.0.0.1:{self._server.server_address[1]}/"

    def map_url(self, fictional: str) -> str:
        """The served URL of a page named by its fictional URL."""
        return self.url + fictional.removeprefix(self.base_url)

    def start(self) -> SiteServer:
        try:
            self._server = self._bind(self._port)
        except OSError:
            self._server = self._bind(0)  # the preferred port is taken: any free one will do
        host = urlsplit(self.base_url).netloc.encode()
        here = self.url.rstrip("/").encode()
        self._server.root = self.root
        self._server.rewrites = ((b"https://" + host, here), (b"http://" + host, here),
                                 (b"//" + host, here.removeprefix(b"http:")))
        threading.Thread(target=self._server.serve_forever, args=(SHUTDOWN_POLL,), daemon=True,
                         name=f"site:{self.root.name}").start()
        return self

    def _bind(self, port: int) -> _SiteHTTPServer:
        return _SiteHTTPServer(("127.0.0.1", port), _Handler)

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
