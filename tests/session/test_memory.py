"""Memory a visit freed goes back to the system at the idle reset (glibc's `malloc_trim`)."""

from __future__ import annotations

import ctypes
import sys

import pytest

from kiosk.session.memory import return_free_memory

BLOCKS = 40_000
BLOCK_BYTES = 1024


def resident_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS in /proc/self/status")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's heap is Linux only")
def test_freed_heap_memory_is_handed_back() -> None:
    """40 MB in small blocks, all freed but the last (which pins the top of the heap, so free()
    alone cannot shrink it): glibc keeps the freed pages until `return_free_memory`."""
    libc = ctypes.CDLL(None)
    libc.malloc.restype = ctypes.c_void_p
    libc.malloc.argtypes = [ctypes.c_size_t]
    libc.free.argtypes = [ctypes.c_void_p]
    libc.memset.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_size_t]
    blocks = [libc.malloc(BLOCK_BYTES) for _ in range(BLOCKS)]
    for block in blocks:
        libc.memset(block, 1, BLOCK_BYTES)  # touched, so resident
    for block in blocks[:-1]:
        libc.free(block)
    held = resident_kib()
    assert return_free_memory()
    released = held - resident_kib()
    libc.free(blocks[-1])
    assert released > BLOCKS * BLOCK_BYTES // 1024 // 2  # most of the 40 MB
