"""Alert and digest messages as subject, plain text and HTML, from Jinja2 templates.

The built-in templates live in ``monitor/templates``; a channel's ``templates:`` directory
overrides any of them by file name. Rendering is sandboxed (templates cannot reach Python
internals) and the HTML template is autoescaped, since titles and snippets are scraped text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from monitor.models import Alert, Digest, Message

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

SUBJECT_PREFIX = "[monitor]"
MAX_SUBJECT = 200  # characters; mail clients cut long subjects anyway
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


@dataclass(frozen=True, slots=True)
class Rendered:
    subject: str
    text: str
    html: str


@lru_cache(maxsize=8)
def _environment(templates: Path | None) -> SandboxedEnvironment:
    # imported here: only email and apprise render templates, and jinja2 costs every
    # `monitor` start ~50 ms of CPU otherwise (the outbox imports this module for alerts_of)
    from jinja2 import (
        ChoiceLoader,
        FileSystemLoader,
        PackageLoader,
        StrictUndefined,
        select_autoescape,
    )
    from jinja2.sandbox import SandboxedEnvironment

    loaders: list[FileSystemLoader | PackageLoader] = [PackageLoader("monitor", "templates")]
    if templates is not None:
        loaders.insert(0, FileSystemLoader(str(templates)))
    return SandboxedEnvironment(
        loader=ChoiceLoader(loaders), undefined=StrictUndefined, keep_trailing_newline=True,
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
    )


def one_line(text: str) -> str:
    """Scraped text made safe for a header or a subject: no CR, LF or other controls."""
    return " ".join(_CONTROL.sub(" ", text).split())


def alerts_of(message: Message) -> tuple[Alert, ...]:
    return message.alerts if isinstance(message, Digest) else (message,)


def subject(message: Message) -> str:
    """``[monitor] China Haisum: <title>``, or a digest's count and organisations."""
    if isinstance(message, Digest):
        orgs = sorted({a.organisation or a.source for a in message.alerts})
        text = f"{SUBJECT_PREFIX} {len(message.alerts)} alerts: {', '.join(orgs)}"
    elif message.organisation:
        text = f"{SUBJECT_PREFIX} {message.organisation}: {message.title}"
    else:
        text = f"{SUBJECT_PREFIX} {message.title}"
    text = one_line(text)
    return text if len(text) <= MAX_SUBJECT else text[: MAX_SUBJECT - 1] + "…"


def render(message: Message, templates: Path | None = None) -> Rendered:
    env = _environment(templates)
    context = {"alerts": alerts_of(message), "digest": isinstance(message, Digest),
               "key": message.key, "subject": subject(message)}
    custom = env.get_template("subject.txt").render(context) if templates and \
        (templates / "subject.txt").is_file() else context["subject"]
    return Rendered(subject=one_line(str(custom)),
                    text=env.get_template("message.txt").render(context),
                    html=env.get_template("message.html").render(context))
