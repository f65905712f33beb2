"""Real loopback servers with scripted behaviour, for fetch and failure tests."""

from __future__ import annotations

import contextlib
import selectors
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Protocol, TypeVar

Reply = tuple[int, dict[str, str], bytes]
Route = Callable[[BaseHTTPRequestHandler], Reply]


class ScriptedServer:
    """Serves ``routes[path](request) -> (status, headers, body)`` and counts hits."""

    def __init__(self, routes: dict[str, Route], tls: ssl.SSLContext | None = None) -> None:
        self.routes = routes
        self.scheme = "https" if tls else "http"
        self.hits: dict[str, int] = {}
        self.requests: list[dict[str, str]] = []
        self.log: list[tuple[str, dict[str, str]]] = []  # (path, headers) of each request
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.hits[self.path] = outer.hits.get(self.path, 0) + 1
                outer.requests.append(dict(self.headers))
                outer.log.append((self.path, dict(self.headers)))
                route = outer.routes.get(self.path)
                status, headers, body = route(self) if route else (404, {}, b"not found")
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                # (a client that stops reading at its size cap hangs up: expected)
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self._wake, self._waker = socket.socketpair()

    def serve(self) -> None:
        """Accept requests until ``stop()``, which wakes the loop at once (serve_forever
        would only notice a shutdown at its next 0.5 s poll)."""
        with selectors.DefaultSelector() as selector:
            selector.register(self._server, selectors.EVENT_READ)
            selector.register(self._wake, selectors.EVENT_READ)
            while True:
                ready = {key.fileobj for key, _ in selector.select()}
                if self._wake in ready:
                    return
                self._server._handle_request_noblock()  # type: ignore[attr-defined]

    def stop(self) -> None:
        self._waker.send(b"x")

    def close(self) -> None:
        self._server.server_close()
        self._wake.close()
        self._waker.close()

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self._server.server_address[1]}"

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self._server.server_address[1]}"


class Serving(Protocol):
    def serve(self) -> None: ...
    def stop(self) -> None: ...
    def close(self) -> None: ...


S = TypeVar("S", bound=Serving)


@contextmanager
def serving(server: S) -> Iterator[S]:
    """``server.serve()`` on a thread for the block; stopped, joined and closed after it."""
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stop()
        thread.join()
        server.close()


@contextmanager
def scripted(routes: dict[str, Route], tls: ssl.SSLContext | None = None
             ) -> Iterator[ScriptedServer]:
    with serving(ScriptedServer(routes, tls)) as server:
        yield server


def html(body: str, status: int = 200, **headers: str) -> Route:
    data = body.encode("utf-8")
    return lambda _req: (status, {"Content-Type": "text/html", **headers}, data)
