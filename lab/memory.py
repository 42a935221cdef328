"""The process's memory allocator, set once for the models' large temporary tensors.

glibc gives every freed block above its mmap threshold back to the system and maps a fresh one on the next
allocation, which the kernel must fault in and zero page by page. The threshold starts at 128 KB and only
grows after such a block has been freed, so how fast a handler runs depends on what ran before it: on 2
cores the 2-d VAE's grid posterior (about 40 MB of decoder feature maps per batch) took 291 ms in a fresh
process and 147 ms once a larger batch had run. Fixed thresholds keep those blocks in the heap from the
first call, and let the heap hold up to TRIM_THRESHOLD of freed memory before returning it.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import sys

M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3   # mallopt's parameter numbers (malloc.h)
MMAP_THRESHOLD = 128 * 2 ** 20
TRIM_THRESHOLD = 256 * 2 ** 20


def keep_large_buffers() -> bool:
    """Fix glibc's mmap and trim thresholds for this process; returns whether it applied (glibc only)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").mallopt
    except (OSError, AttributeError):   # another C library (musl has no mallopt)
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD))
