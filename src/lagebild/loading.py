"""Loading the process's large read-only tables without the cyclic garbage collector's cost.

A loader (the trained pipeline, the gazetteer, a place-name set) makes hundreds of thousands of objects that
live as long as the process and are never cyclic garbage. Python's collector counts them as they are made and
traverses every tracked object of the process each time enough have piled up: loading the pipeline, the
gazetteer and the extractors' tables for a small add spent 1.2-1.3 of 5.7 CPU s in such full collections (10
of them, each over everything loaded before). `loader` runs a load with the collector paused and then moves
what the process holds into the collector's permanent generation (`gc.freeze`), where later collections do not
traverse it again. Nothing else changes: reference counting frees objects as before; only cyclic garbage that
exists at the moment of a freeze is kept for the process's life.
"""
from __future__ import annotations

import gc
from functools import wraps
from typing import Callable, TypeVar

T = TypeVar("T")


def loader(load: Callable[..., T]) -> Callable[..., T]:
    """`load` with the collector's automatic runs paused (threshold 0), then what exists frozen (see the module)."""

    @wraps(load)
    def run(*args, **kwargs) -> T:
        thresholds = gc.get_threshold()
        gc.set_threshold(0)             # not gc.disable(): a library may enable it again (srsly's msgpack does)
        try:
            return load(*args, **kwargs)
        finally:
            gc.freeze()
            gc.set_threshold(*thresholds)

    return run
