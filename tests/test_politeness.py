"""Politeness without head-of-line blocking (issue 9.5), and a fetch deadline that counts the
request, not the queue before it (issue 9.1), against real loopback servers."""

from __future__ import annotations

import asyncio

from monitor.fetch import Fetcher, FetchSettings, make_client
from monitor.models import FetchResult
from monitor.politeness import HostLimiter

from .servers import html, scripted


def test_a_host_waiting_out_its_delay_does_not_hold_the_global_slot() -> None:
    """T13 (politeness): one global slot, and host A must wait an hour before its next
    request. That wait is A's alone: host B, never contacted, is fetched at once while A's
    second request is still waiting (before, A slept holding the only global slot)."""
    limiter = HostLimiter(total=1, per_host=1, delay=3600)
    settings = FetchSettings(retries=0)
    with scripted({"/a": html("<p>a</p>")}) as slow, scripted({"/b": html("<p>b</p>")}) as new:

        async def go() -> tuple[FetchResult, bool]:
            async with make_client(settings) as client:
                fetcher = Fetcher(client, settings, limiter)
                await fetcher.get(slow.url + "/a", allowed_hosts={slow.host})
                second = asyncio.create_task(
                    fetcher.get(slow.url + "/a", allowed_hosts={slow.host}))
                await asyncio.sleep(0.05)  # the second request to A is waiting its turn
                try:
                    async with asyncio.timeout(30):  # A's turn is 30 to 90 minutes away
                        other = await fetcher.get(new.url + "/b", allowed_hosts={new.host})
                    return other, second.done()
                finally:
                    second.cancel()

        other, a_done = asyncio.run(go())
    assert other.text == "<p>b</p>" and not a_done
    assert slow.hits == {"/a": 1} and new.hits == {"/b": 1}


def test_the_fetch_deadline_starts_with_the_request_not_the_queue() -> None:
    """A fetch queued behind a busy global slot for longer than its deadline still succeeds:
    the deadline (0.5 s here) starts when its request does, not when it began to wait (2 s
    here), so a busy pass does not turn its own queue into timeouts."""
    limiter = HostLimiter(total=1, per_host=1, delay=0)
    settings = FetchSettings(retries=0, timeout=0.5)
    with scripted({"/p": html("<p>served</p>")}) as srv:

        async def go() -> FetchResult:
            async with make_client(settings) as client:
                fetcher = Fetcher(client, settings, limiter)
                async with limiter.slot("busy.example:80"):  # the only global slot, taken
                    queued = asyncio.create_task(
                        fetcher.get(srv.url + "/p", allowed_hosts={srv.host}))
                    await asyncio.sleep(2.0)
                    assert not queued.done() and srv.hits == {}
                return await queued

        assert asyncio.run(go()).text == "<p>served</p>"


def test_requests_to_one_host_keep_their_gap_when_several_may_run() -> None:
    """With two requests allowed per host and a delay between them, the second request
    waits its gap (without a global slot), so both never start together."""
    limiter = HostLimiter(total=4, per_host=2, delay=3600)

    async def go() -> tuple[bool, bool]:
        async with limiter.slot("a.example:80"):
            pass
        second = asyncio.create_task(_enter(limiter, "a.example:80"))
        other = asyncio.create_task(_enter(limiter, "b.example:80"))
        await asyncio.sleep(0.05)
        done = second.done(), other.done()
        second.cancel()
        return done

    assert asyncio.run(go()) == (False, True)


async def _enter(limiter: HostLimiter, host: str) -> None:
    async with limiter.slot(host):
        pass
