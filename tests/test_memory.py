"""The allocator setting the app and the bench apply once (lab/memory.py)."""
import sys

import pytest

from lab.memory import keep_large_buffers


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_glibc_takes_the_fixed_thresholds_and_takes_them_again():
    assert keep_large_buffers() is True
    assert keep_large_buffers() is True
