"""plan reads the hour's sent count only where outbox._capped says so (issue 9 skips the
count elsewhere): for any claimed alerts, other pacings plan the same whatever the count."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.models import Alert
from monitor.notify.outbox import Claimed, Pacing, _capped, plan


def _claimed(k: int, batch: str | None) -> Claimed:
    alert = Alert(key=f"k{k}", kind="mention", organisation="Haisum", alias="Haisum",
                  url=f"https://a.example/{k}", title="T", published=None, source="s",
                  snippet="Haisum", channel="file", id=k + 1)
    return Claimed(alert, batch)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([None, None, "b1", "b2"]), max_size=30),
       st.booleans(), st.one_of(st.none(), st.integers(0, 12)), st.integers(0, 20))
def test_plan_ignores_the_count_unless_capped(batches: list[str | None], digest: bool,
                                              cap: int | None, count: int) -> None:
    claimed = [_claimed(k, b) for k, b in enumerate(batches)]
    pacing = Pacing(digest=digest, max_per_hour=cap)
    if _capped(pacing):  # the count decides: a full hour holds every loose alert
        assert cap is not None and not digest
        loose = tuple(c.alert.id for c in claimed if c.batch is None)
        if loose and cap > len({b for b in batches if b}):
            assert plan("file", claimed, pacing, cap).held == loose
            assert plan("file", claimed, pacing, 0).held == ()
    else:
        assert plan("file", claimed, pacing, count) == plan("file", claimed, pacing, 0)
