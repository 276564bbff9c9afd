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
"""
from __future__ import annotations

import gc
from functools import wraps
from typing import Callable, TypeVar

T = TypeVar("T")


def loader(load: Callable[..., T]) -> Callable[..., T]:
    """`load` with the collector's automatic runs paused (threshold 0) while it runs (see the module)."""

    @wraps(load)
    def run(*args, **kwargs) -> T:
        thresholds = gc.get_threshold()
        gc.set_threshold(0)             # not gc.disable(): a library may enable it again (srsly's msgpack does)
        try:
            return load(*args, **kwargs)
        finally:
            gc.set_threshold(*thresholds)

    return run
