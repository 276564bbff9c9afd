"""Loading the process's large read-only tables without the cyclic garbage collector's repeated full runs.

A loader (the trained pipeline, the gazetteer, HanTa's lexicon, a place-name set) makes hundreds of thousands of
objects that live as long as the process and are never cyclic garbage. Python's collector counts them as they
are made and, each time enough have piled up, traverses every tracked object of the process: loading the
pipeline, the gazetteer and the extractors' tables for a small add ran 10 such full collections, each over
everything loaded before (1.2-1.3 of 5.7 CPU s). `loader` runs a load with the collector's automatic runs paused;
what the load made is collected as usual afterwards (one full collection instead of ten: 0.25 CPU s).
Nothing is frozen (`gc.freeze` would keep for the process's life any cyclic garbage of what is alive at that
moment - the Docs of a batch being analysed when an extractor loads a table on first use - and raised a 10,000-
article add's peak memory by 200 MB).

The thresholds are the process's: loads that overlap - nested, or in two threads (the web app analyses one upload
while it builds another's, each thread may load a table on first use) - share one pause, which the first of them
begins and the last ends, so the thresholds from before the first are restored, whichever load ends last.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

_lock = threading.Lock()
_paused: list[tuple[int, ...]] = []          # the thresholds from before the first load running, once per load


def loader(load: Callable[P, T]) -> Callable[P, T]:
    """`load` with the collector's automatic runs paused (threshold 0) while it runs (see the module)."""

    @wraps(load)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        with _lock:
            _paused.append(_paused[0] if _paused else gc.get_threshold())
            gc.set_threshold(0)         # not gc.disable(): a library may enable it again (srsly's msgpack does)
        try:
            return load(*args, **kwargs)
        finally:
            with _lock:
                before = _paused.pop()
                if not _paused:
                    gc.set_threshold(*before)

    return run
