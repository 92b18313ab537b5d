"""Pausing the cycle collector: it runs again afterwards, however the block ends."""

import gc

import pytest

from reviewapp.collection import cycle_collection_paused


def test_collector_is_paused_inside_and_running_after():
    with cycle_collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collector_runs_again_after_an_error():
    with pytest.raises(ValueError), cycle_collection_paused():
        raise ValueError
    assert gc.isenabled()


def test_inner_pause_leaves_restarting_to_the_outer_one():
    with cycle_collection_paused():
        with cycle_collection_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_stopped_before_stays_stopped():
    gc.disable()
    try:
        with cycle_collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_works_as_a_decorator():
    @cycle_collection_paused()
    def collecting() -> bool:
        return gc.isenabled()

    assert collecting() is False and gc.isenabled()
