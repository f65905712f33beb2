"""The garbage collector's settings for a pass or the daemon (issue 9).

A pass allocates millions of short-lived objects (node wrappers, lines, votes); the
collector's default young-generation threshold (700) ran about 730 young and 6 full
collections in a 5,000-article pass, 0.51 CPU-s, and each full one walked again the
~200,000 objects the imports made, which live as long as the process. Frozen after start-up
(gc.freeze moves them to a generation no collection walks) and with collections at
YOUNG_THRESHOLD allocations: 0.16-0.24 CPU-s in the same pass, peak RSS unchanged (127 MB).
A young collection costs about the same at 20,000 or 100,000 allocations (7 ms vs 3-4: it
walks what the pages in flight hold, not the garbage), so the rarer the cheaper: 17 -> 9
young collections, 0.14-0.17 -> 0.065 CPU-s per 5,000-article pass (16 us an article),
peak RSS 133 -> 138-139 MB (the cycles waiting longer), flat since the threshold bounds it.
"""

from __future__ import annotations

import gc

# allocations (net of frees) between young collections: a page's extraction makes tens of
# thousands; the garbage cycles that many allocations can hold are about 5 MB (measured)
YOUNG_THRESHOLD = 100_000


def settle() -> None:
    """Collect the young generations once, freeze what start-up made (modules, config,
    compiled patterns), and collect the young generation less often. Call it after the
    imports a run needs, once.

    Not a full collection: it walked every object the imports made, 26-28 CPU-ms per run,
    to find 25 garbage objects (the classes attrs replaces when it adds slots: a few KB),
    which are frozen with the rest instead; the young generations (config loading's
    garbage: 5 objects in a pass over the synthetic site) cost 0.1 ms."""
    gc.collect(1)
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD)
