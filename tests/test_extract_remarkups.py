"""One contract over every re-markup of the sample articles: each module's TEMPLATES render
every bundled sample into its page family, and extract() must give back exactly the
sample's title, date and body (assert_exact)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from . import (
    test_extract_remarkup,
    test_extract_remarkup_cms,
    test_extract_remarkup_frontends,
    test_extract_remarkup_more,
    test_extract_remarkup_world,
    test_extract_remarkup_world2,
    test_extract_remarkup_world3,
)
from .test_extract_remarkup import assert_exact, cases

MODULES = (test_extract_remarkup, test_extract_remarkup_cms, test_extract_remarkup_frontends,
           test_extract_remarkup_more, test_extract_remarkup_world, test_extract_remarkup_world2,
           test_extract_remarkup_world3)
TEMPLATES: dict[str, Callable[[dict[str, Any]], str]] = {
    name: template for module in MODULES for name, template in module.TEMPLATES.items()}


def test_every_template_is_run_once() -> None:
    """No module's template hides another's under the same name."""
    assert len(TEMPLATES) == sum(len(module.TEMPLATES) for module in MODULES)


@pytest.mark.parametrize(("template", "article"), cases(TEMPLATES))
def test_remarkup(template: Callable[[dict[str, Any]], str], article: dict[str, Any]) -> None:
    assert_exact(template(article), article)
