"""What an alert says: subject, text and HTML from sandboxed, overridable templates."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2.exceptions import SecurityError

from monitor.models import Alert, Digest
from monitor.notify.render import render, subject

ALERT = Alert(key="msg_1", kind="changed", organisation="China Haisum", alias="Haisum",
              url="https://a.example/1", title="Haisum <b>wins</b>\r\nBcc: x@y.z",
              published="2024-05-10", source="news", snippet="Haisum signs a deal",
              channel="desk", detected_at="2026-11-21T12:00:00+00:00",
              added=("Poly Group will supply the steel.",))


def test_subject_names_the_organisation_and_is_one_line() -> None:
    assert subject(ALERT) == "[monitor] China Haisum: Haisum <b>wins</b> Bcc: x@y.z"
    digest = Digest("dig_1", "desk", (ALERT, ALERT))
    assert subject(digest) == "[monitor] 2 alerts: China Haisum"


def test_text_and_html_carry_every_field_and_escape_html() -> None:
    rendered = render(ALERT)
    for text in ("China Haisum", '"Haisum"', "https://a.example/1", "news", "2024-05-10",
                 "2026-11-21T12:00:00+00:00", "Haisum signs a deal", "an edited",
                 "+ Poly Group will supply the steel.", "msg_1"):
        assert text in rendered.text, text
    assert "Haisum &lt;b&gt;wins&lt;/b&gt;" in rendered.html and "<b>wins</b>" not in rendered.html
    assert "<li>Poly Group will supply the steel.</li>" in rendered.html


def test_a_templates_directory_overrides_by_file_name(tmp_path: Path) -> None:
    (tmp_path / "subject.txt").write_text("NEWS {{ alerts[0].organisation }}\n", "utf-8")
    (tmp_path / "message.txt").write_text("{{ alerts|length }} for {{ key }}", "utf-8")
    rendered = render(ALERT, tmp_path)
    assert rendered.subject == "NEWS China Haisum"
    assert rendered.text == "1 for msg_1"
    assert "China Haisum" in rendered.html  # not overridden: the built-in one


def test_templates_are_sandboxed(tmp_path: Path) -> None:
    (tmp_path / "message.txt").write_text("{{ key.__class__.__mro__[1].__subclasses__() }}",
                                          "utf-8")
    with pytest.raises(SecurityError):
        render(ALERT, tmp_path)
