"""The email channel: one multipart (text + HTML) message per alert or digest, over SMTP.

STARTTLS by default with a verified certificate; a server that does not offer STARTTLS is a
permanent failure, never a silent downgrade to plain text. ``Message-ID`` is derived from the
alert key, so a resend after a lost reply is recognisably the same message. Scraped text goes
into headers only through :func:`header_text`, which removes line breaks and defuses RFC 2047
encoded words (Python's email package decodes ``=?utf-8?q?=0D=0ABcc:...?=`` inside a header
value back into a real line break, i.e. an injected header).
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import format_datetime
from pathlib import Path

from monitor.channelconfig import SmtpSettings
from monitor.errors import ChannelError
from monitor.models import Message
from monitor.notify.base import EMAIL_SCHEDULE
from monitor.notify.render import one_line, render

ZERO_WIDTH_SPACE = "\u200b"
# 7-bit clean: non-ASCII bodies go base64 or quoted-printable, since _transmit does not
# negotiate 8BITMIME/SMTPUTF8 (raw 8-bit data to a server that did not ask for it is refused
# or mangled by some relays).
MAIL_POLICY = SMTP_POLICY.clone(cte_type="7bit")


def header_text(text: str) -> str:
    """Scraped text safe for a header: one line, and no ``=?`` that could start an
    encoded word (a zero-width space between the two keeps the text readable)."""
    return one_line(text).replace("=?", f"={ZERO_WIDTH_SPACE}?")


def build_message(message: Message, sender: str, to: tuple[str, ...],
                  templates: Path | None = None) -> EmailMessage:
    rendered = render(message, templates)
    mail = EmailMessage(policy=MAIL_POLICY)
    mail["Subject"] = header_text(rendered.subject)
    mail["From"] = sender
    mail["To"] = ", ".join(to)
    mail["Date"] = format_datetime(datetime.now(UTC))
    mail["Message-ID"] = f"<{message.key}@{sender.rsplit('@', 1)[1]}>"
    mail["X-Monitor-Key"] = message.key
    mail.set_content(rendered.text)
    mail.add_alternative(rendered.html, subtype="html")
    return mail


class SmtpChannel:
    """Sends through one SMTP server, one connection per message (alerts are rare)."""

    schedule = EMAIL_SCHEDULE

    def __init__(self, name: str, smtp: SmtpSettings, sender: str, to: tuple[str, ...], *,
                 password: str | None = None, templates: Path | None = None) -> None:
        self.name = name
        self._smtp = smtp
        self._sender = sender
        self._to = to
        self._password = password
        self._templates = templates

    def close(self) -> None:
        """Nothing held between messages."""

    def _tls(self) -> ssl.SSLContext:
        ca = str(self._smtp.ca_file) if self._smtp.ca_file else None
        return ssl.create_default_context(cafile=ca)

    def _connect(self) -> smtplib.SMTP:
        s = self._smtp
        local = socket.gethostname()  # EHLO name without a resolver round trip
        if s.security == "tls":
            client: smtplib.SMTP = smtplib.SMTP_SSL(s.host, s.effective_port, local_hostname=local,
                                                    timeout=s.timeout, context=self._tls())
        else:
            client = smtplib.SMTP(s.host, s.effective_port, local_hostname=local,
                                  timeout=s.timeout)
        try:
            # MAIL is sent by hand (_transmit), and smtplib greets only in sendmail() and
            # login(): without this, servers answer "503 send HELO first" (read as permanent).
            client.ehlo_or_helo_if_needed()
            if s.security == "starttls":
                if not client.has_extn("starttls"):
                    raise ChannelError(f"{s.host} does not offer STARTTLS; refusing to send in "
                                       "clear text (set smtp.security: none to allow it)",
                                       disable=True)
                client.starttls(context=self._tls())
                client.ehlo()
        except BaseException:
            client.close()  # a refused or failed handshake must not leak the socket
            raise
        return client

    def _login(self, client: smtplib.SMTP) -> None:
        if not self._smtp.username:
            return
        try:
            client.login(self._smtp.username, self._password or "")
        except smtplib.SMTPNotSupportedError as exc:
            raise ChannelError(f"{self._smtp.host} does not offer AUTH here (it may want TLS); "
                               "channel paused", disable=True) from exc

    def send(self, message: Message) -> str:
        mail = build_message(message, self._sender, self._to, self._templates)
        try:
            client = self._connect()
            try:
                self._login(client)
                return _transmit(client, mail, self._sender, self._to)
            finally:
                _quit(client)
        except smtplib.SMTPAuthenticationError as exc:
            raise ChannelError(f"SMTP login refused ({exc.smtp_code}); channel paused",
                               disable=True) from exc
        except ssl.SSLError as exc:
            raise ChannelError(f"TLS with {self._smtp.host} failed: {exc}; channel paused",
                               disable=True) from exc
        except smtplib.SMTPResponseException as exc:
            text = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) \
                else str(exc.smtp_error)
            raise ChannelError(f"SMTP {exc.smtp_code} {text}",
                               retryable=not 500 <= exc.smtp_code < 600) from exc
        except (smtplib.SMTPException, OSError) as exc:
            unreachable = isinstance(exc, (OSError, smtplib.SMTPConnectError,
                                           smtplib.SMTPServerDisconnected))
            raise ChannelError(f"SMTP {self._smtp.host}: {type(exc).__name__}: {exc}",
                               unreachable=unreachable) from exc


def _transmit(client: smtplib.SMTP, mail: EmailMessage, sender: str, to: tuple[str, ...]) -> str:
    """MAIL, RCPT, DATA by hand, to keep the server's final answer (its queue id)."""
    code, reply = client.mail(sender)
    if code != 250:
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    refused = {}
    for rcpt in to:
        code, reply = client.rcpt(rcpt)
        if code not in (250, 251):
            refused[rcpt] = (code, reply)
    if len(refused) == len(to):
        code, reply = next(iter(refused.values()))
        raise smtplib.SMTPResponseException(code, reply)
    code, reply = client.data(mail.as_bytes())
    if code != 250:
        raise smtplib.SMTPResponseException(code, reply)
    answer = f"{code} {reply.decode(errors='replace')}"
    return answer + (f" (refused: {', '.join(refused)})" if refused else "")


def _quit(client: smtplib.SMTP) -> None:
    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        client.close()
