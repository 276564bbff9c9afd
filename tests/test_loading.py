from __future__ import annotations

import gc

import pytest

from lagebild.loading import loader


def test_loader_pauses_the_collector_and_restores_it():
    seen = []

    @loader
    def load(x):
        seen.append(gc.get_threshold()[0])
        return [x] * 3

    before = gc.get_threshold()
    assert load(1) == [1, 1, 1]
    assert seen == [0]                             # no automatic collection while loading
    assert gc.get_threshold() == before


def test_loader_restores_the_collector_when_the_load_fails():
    @loader
    def broken():
        raise OSError("no such table")

    before = gc.get_threshold()
    with pytest.raises(OSError):
        broken()
    assert gc.get_threshold() == before


def test_nested_loaders_restore_the_outer_thresholds():
    inner = loader(lambda: gc.get_threshold()[0])
    outer = loader(lambda: (inner(), gc.get_threshold()[0]))
    before = gc.get_threshold()
    assert outer() == (0, 0)
    assert gc.get_threshold() == before


def test_overlapping_loads_in_two_threads_restore_the_thresholds_from_before_both():
    """Thread a's load ends while thread b's still runs (the web app's analysis of one upload and build of another): the
    collector stays paused for b, and b's end restores the thresholds from before a began, not a's pause."""
    import threading

    a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()
    during: list[int] = []

    @loader
    def load_a():
        a_in.set()
        assert b_in.wait(10)

    @loader
    def load_b():
        b_in.set()
        assert a_out.wait(10)
        during.append(gc.get_threshold()[0])

    def run_a():
        load_a()
        a_out.set()

    before = gc.get_threshold()
    ta = threading.Thread(target=run_a)
    ta.start()
    assert a_in.wait(10)
    tb = threading.Thread(target=load_b)
    tb.start()
    ta.join(10)
    tb.join(10)
    assert during == [0]                           # still paused after a ended
    assert gc.get_threshold() == before
