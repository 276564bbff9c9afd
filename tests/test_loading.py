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
