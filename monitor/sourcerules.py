"""What a source's configuration means for its listing: which links are in scope, which hosts
it may reach, and what a listing that gave nothing must tell the user. Pure; shared by a
check (pipeline.py) and `monitor preview`."""

from __future__ import annotations

import re

from monitor.config import Settings, SourceConfig
from monitor.discover import Listing, Scope
from monitor.egress import host_key
from monitor.models import SourceKind


def own_hosts(source: SourceConfig) -> frozenset[str]:
    """The only hosts this source's links and redirects may reach at a non-public address:
    its own, never another source's (egress.py)."""
    return frozenset({host_key(source.target)})


def scope_of(source: SourceConfig, settings: Settings) -> Scope:
    return Scope(
        site=source.target,
        include=tuple(re.compile(p) for p in source.include),
        exclude=tuple(re.compile(p) for p in source.exclude),
        same_site=source.kind is not SourceKind.FEED,
        limit=settings.max_links,
    )


def listing_warnings(source: SourceConfig, listing: Listing, kept: int) -> tuple[str, ...]:
    """No silent zero: what a user must hear about a listing that gave nothing (or was not
    what the config says)."""
    warnings = list(listing.notes)
    if source.links and listing.found == 0:
        warnings.append(f"the links selector '{source.links}' matched no link on the listing")
    elif kept == 0 and listing.found == 0:
        warnings.append("the listing has no links at all (a page built by JavaScript? try "
                        "its feed or sitemap: `monitor preview` lists what it announces)")
    elif kept == 0:
        why = ", ".join(f"{n} {reason}" for reason, n in
                        sorted(listing.reasons().items(), key=lambda item: -item[1]))
        warnings.append(f"0 of {listing.found} links kept ({why}); see `monitor preview "
                        f"{source.name}`, then set include: or links:")
    return tuple(warnings)
