"""The test fixtures copied from ../shared stay the originals."""

from __future__ import annotations

import pytest
from conftest import SEED, SHARED_SEED


@pytest.mark.skipif(not SHARED_SEED.exists(), reason="../shared is absent: nothing to compare the copy with")
def test_the_seed_copy_is_the_shared_original():
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()
