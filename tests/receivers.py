"""Real receivers for the alert channels, on 127.0.0.1 only, with scripted failures.

    SmtpReceiver   an aiosmtpd server: plain, STARTTLS (trustme certificate for 127.0.0.1),
                   implicit TLS, or no STARTTLS at all; optional AUTH; scripted 4xx/5xx replies
                   and a connection dropped after the final "." with no reply
    HttpReceiver   an HTTP server recording every POST, verifying Standard Webhooks signatures
                   with the ``standardwebhooks`` library when given the secret; scripted
                   statuses, slow or endless answers, and down/up on the same port

Both are context managers (``with SmtpReceiver(...) as smtp:``) and have ``reset()`` to forget
what they recorded and scripted between tests sharing one server.
"""

from __future__ import annotations

import asyncio
import email
import socket
import ssl
import threading
from collections import deque
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default as default_policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, Self

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

HOST = "127.0.0.1"
SmtpMode = Literal["plain", "starttls", "tls", "no_starttls"]


def free_port() -> int:
    """A port free on 127.0.0.1 now (aiosmtpd's Controller needs to know it before binding)."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True, slots=True)
class Tls:
    """A throwaway CA (its PEM file is what a channel's ``ca_file`` points at) and a server
    context holding a certificate it issued for the IP address 127.0.0.1."""

    ca_file: Path
    server: ssl.SSLContext


def make_tls(directory: Path, identity: str = HOST) -> Tls:
    """``identity``: the name or IP the certificate is for (another one: a wrong-host cert)."""
    ca = trustme.CA()
    cert = ca.issue_cert(identity)
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(server)
    ca_file = directory / ("test-ca.pem" if identity == HOST else f"test-ca-{identity}.pem")
    ca.cert_pem.write_to_path(str(ca_file))
    return Tls(ca_file, server)


class _Running:
    """start/stop as a context manager."""

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def reset(self) -> None:
        """Forget what was recorded and scripted."""
        raise NotImplementedError

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


# --- SMTP -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mail:
    """One message the SMTP server accepted, parsed with the email package."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    raw: bytes
    message: EmailMessage
    tls: bool  # the session was encrypted (STARTTLS done, or implicit TLS)

    @property
    def key(self) -> str:
        """The alert key from ``Message-ID: <key@domain>``."""
        return str(self.message["Message-ID"]).strip("<>").split("@", 1)[0]

    def text(self) -> str:
        part = self.message.get_body(("plain",))
        assert part is not None
        return str(part.get_content())

    def html(self) -> str:
        part = self.message.get_body(("html",))
        assert part is not None
        return str(part.get_content())


@dataclass
class _SmtpScript:
    data_failures: deque[str] = field(default_factory=deque)  # replies to the next DATAs
    drops: int = 0  # next DATAs answered by closing the connection
    refused: dict[str, str] = field(default_factory=dict)  # RCPT address -> reply


class SmtpReceiver(_Running):
    """An aiosmtpd server on 127.0.0.1 recording each accepted message.

    ``mode``: "plain" (STARTTLS not offered, for ``security: none``), "starttls" (offered,
    with ``tls``), "tls" (implicit TLS from the first byte) or "no_starttls" (a server that
    does not offer it, as a stripping attacker would make it look)."""

    def __init__(self, mode: SmtpMode = "plain", *, tls: Tls | None = None,
                 auth: tuple[str, str] | None = None, port: int | None = None) -> None:
        if mode in ("starttls", "tls") and tls is None:
            raise ValueError(f"mode {mode} needs a certificate")
        self.mode = mode
        self.port = port or free_port()
        self.mails: list[Mail] = []
        self.mail_commands = 0  # MAIL FROM seen, accepted or not: "nothing was sent" is 0
        self.logins: list[str] = []
        self._auth = auth
        self._tls = tls
        self._script = _SmtpScript()
        self._lock = threading.Lock()
        self._controller: Controller | None = None

    def reset(self) -> None:
        with self._lock:
            self.mails.clear()
            self.logins.clear()
            self.mail_commands = 0
            self._script = _SmtpScript()

    def fail_data(self, count: int, reply: str = "451 4.7.1 Greylisted, try again later") -> None:
        self._script.data_failures.extend([reply] * count)

    def drop_after_data(self, count: int = 1) -> None:
        """Take the message, then close the connection without answering the final "."."""
        self._script.drops += count

    def refuse(self, address: str, reply: str = "550 5.1.1 No such user here") -> None:
        self._script.refused[address] = reply

    def start(self) -> None:
        kwargs: dict[str, Any] = {"server_hostname": "mx.test", "ident": "test-smtp",
                                  "ready_timeout": 5.0}
        if self.mode == "starttls":
            assert self._tls is not None
            kwargs["tls_context"] = self._tls.server
        if self.mode == "tls":
            assert self._tls is not None
            kwargs["ssl_context"] = self._tls.server
        if self._auth:
            kwargs["authenticator"] = self._authenticate
            kwargs["auth_require_tls"] = self.mode == "starttls"
        self._controller = Controller(self, hostname=HOST, port=self.port, **kwargs)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def _authenticate(self, server: SMTP, session: Session, envelope: Envelope,
                      mechanism: str, data: Any) -> AuthResult:
        assert self._auth is not None and isinstance(data, LoginPassword)
        login, password = data.login.decode(), data.password.decode()
        self.logins.append(login)
        return AuthResult(success=(login, password) == self._auth, handled=False)

    # aiosmtpd handler hooks

    async def handle_MAIL(self, server: SMTP, session: Session, envelope: Envelope,
                          address: str, mail_options: list[str]) -> str:
        with self._lock:
            self.mail_commands += 1
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope,
                          address: str, rcpt_options: list[str]) -> str:
        refused = self._script.refused.get(address)
        if refused:
            return refused
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        with self._lock:
            if self._script.data_failures:
                return self._script.data_failures.popleft()
            raw = envelope.original_content or b""
            parsed = email.message_from_bytes(raw, policy=default_policy)
            assert isinstance(parsed, EmailMessage)
            implicit = server.transport is not None and \
                server.transport.get_extra_info("ssl_object") is not None
            self.mails.append(Mail(str(envelope.mail_from), tuple(envelope.rcpt_tos), raw,
                                   parsed, session.ssl is not None or implicit))
            if self._script.drops:
                self._script.drops -= 1
                assert isinstance(server.transport, asyncio.Transport)
                server.transport.abort()  # the "." arrived; its reply never will
        return "250 2.0.0 Ok: queued as TEST1"


# --- HTTP (webhooks, apprise) ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Request:
    """One POST the HTTP receiver got."""

    path: str
    headers: dict[str, str]  # lower-case names
    body: bytes
    verified: bool | None  # Standard Webhooks signature valid (None: no secret to check)
    status: int  # what the receiver answered

    @property
    def accepted(self) -> bool:
        return 200 <= self.status < 300

    @property
    def webhook_id(self) -> str | None:
        return self.headers.get("webhook-id")


@dataclass(frozen=True, slots=True)
class Answer:
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b"ok"
    delay: float = 0.0  # seconds before answering (cut short by stop())
    endless: bool = False  # stream the body until the client goes away


class HttpReceiver(_Running):
    """Records every POST; answers 200 unless scripted. ``stop()`` closes the port and
    ``start()`` opens the same port again (a receiver that is down, then back)."""

    MAX_ENDLESS = 64 * 1024 * 1024  # an "endless" body still ends, so a broken test ends

    def __init__(self, secret: str | None = None) -> None:
        self.secret = secret
        self.requests: list[Request] = []
        self.port = 0
        self._script: deque[Answer] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self.streamed = 0  # bytes of the last endless answer written before the client left
        self.stream_ended = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self._script.clear()
            self.streamed = 0
            self.stream_ended.clear()

    def answer_next(self, count: int, status: int, *, headers: dict[str, str] | None = None,
                    body: bytes = b"", delay: float = 0.0, endless: bool = False) -> None:
        answer = Answer(status, tuple((headers or {}).items()), body, delay, endless)
        with self._lock:
            self._script.extend([answer] * count)

    def ids(self) -> list[str | None]:
        return [r.webhook_id for r in self.requests]

    def _record(self, path: str, headers: dict[str, str], body: bytes) -> Answer:
        verified: bool | None = None
        if self.secret is not None:
            try:
                Webhook(self.secret).verify(body, headers)
                verified = True
            except WebhookVerificationError:
                verified = False
        with self._lock:
            answer = self._script.popleft() if self._script else Answer()
            self.requests.append(Request(path, headers, body, verified, answer.status))
            return answer

    def start(self) -> None:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                headers = {k.lower(): v for k, v in self.headers.items()}
                answer = outer._record(self.path, headers, body)
                if answer.delay and outer._stopping.wait(answer.delay):
                    return
                self.send_response(answer.status)
                for name, value in answer.headers:
                    self.send_header(name, value)
                if not answer.endless:
                    self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                if answer.endless:
                    outer._stream(self)
                else:
                    self.wfile.write(answer.body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # a client hanging up on a slow or endless answer is part of the tests

        self._stopping.clear()
        self._server = Server((HOST, self.port), Handler)
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def _stream(self, handler: BaseHTTPRequestHandler) -> None:
        """Write until the client hangs up; ``streamed`` is how far it got."""
        chunk = b"x" * 65536
        sent = 0
        try:
            while sent < self.MAX_ENDLESS and not self._stopping.is_set():
                handler.wfile.write(chunk)  # raises once the client has closed
                sent += len(chunk)
        except OSError:
            pass
        finally:
            self.streamed = sent
            self.stream_ended.set()

    def stop(self) -> None:
        """Close the port now; requests in progress are cut off."""
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join()
            self._thread = None
