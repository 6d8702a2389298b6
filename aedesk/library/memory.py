"""Giving freed image buffers back to the operating system (glibc).

glibc's malloc raises its mmap threshold after big buffers are freed, so later decode
buffers come from per-thread heaps that are never trimmed: with a few worker threads the
process keeps several hundred MB of freed pixels resident. A fixed threshold makes every
buffer of 4 MB or more an mmap of its own, returned to the system when freed. Measured on a
analysis of 24 MP JPEGs on 4 threads: 234 MB peak and 167 MB kept without, 202 MB and 84 MB
with (with a half-scale decode, 2 threads: 338 MB against 251 MB).
"""

from __future__ import annotations

import ctypes
import sys

M_MMAP_THRESHOLD = -3  # mallopt parameter, from glibc's malloc.h
THRESHOLD = 4 * 1024 * 1024


def return_freed_buffers() -> None:
    """Fix malloc's mmap threshold, once per process; a no-op where there is no glibc."""
    if not sys.platform.startswith("linux"):
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt(M_MMAP_THRESHOLD, THRESHOLD)
