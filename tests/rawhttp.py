"""A loopback server that answers with whatever bytes a test scripts, broken ones included
(the scripted server of servers.py can only send well-formed HTTP)."""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from .servers import serving


@dataclass(frozen=True, slots=True)
class Raw:
    """What one request gets: ``data`` as it is, then the connection closed or reset."""

    data: bytes
    reset: bool = False


def ok(body: str, **headers: str) -> Raw:
    """A well-formed page, the connection closed after it."""
    data = body.encode("utf-8")
    head = {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(data)),
            "Connection": "close", **headers}
    lines = "".join(f"{k}: {v}\r\n" for k, v in head.items())
    return Raw(f"HTTP/1.1 200 OK\r\n{lines}\r\n".encode("latin-1") + data)


class RawServer:
    """Serves ``routes[path]`` to each request (404 for others) and counts hits."""

    def __init__(self, routes: dict[str, Raw]) -> None:
        self.routes = routes
        self.hits: dict[str, int] = {}
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.05)
        self._stop = threading.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}"

    def serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                head += chunk
            path = head.split(b" ", 2)[1].decode("latin-1")
            self.hits[path] = self.hits.get(path, 0) + 1
            reply = self.routes.get(path, Raw(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0"
                                              b"\r\nConnection: close\r\n\r\n"))
            try:
                conn.sendall(reply.data)
            except OSError:
                return
            if reply.reset:  # an RST instead of a FIN: SO_LINGER with a zero timeout
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    def stop(self) -> None:
        self._stop.set()

    def close(self) -> None:
        self._sock.close()


@contextmanager
def raw_server(routes: dict[str, Raw]) -> Iterator[RawServer]:
    with serving(RawServer(routes)) as server:
        yield server
