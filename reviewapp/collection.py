"""Pausing Python's cycle collector around bulk work that makes no cyclic garbage."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Run the block with the cycle collector paused.

    Aligning a long text or checking a long document makes hundreds of thousands of
    short-lived lists, tuples and matches and next to no cyclic garbage, yet each burst
    of them starts a collection that walks every object alive: a tenth to a fifth of
    the work's time. Whatever cycles there are wait for the next collection.

    Only the caller that found the collector running starts it again, so overlapping
    callers in other threads never leave it stopped for good.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
