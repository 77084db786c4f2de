"""Which picture bytes have passed the media checks, so the bytes drawn are the bytes checked.

The loader reads each media file once to check it and records a digest of exactly those bytes here.
When the kiosk draws a picture it reads the file once more, and draws those bytes only if their
digest was recorded (or if they pass the same checks there and then). A file swapped or edited
after `kiosk validate` or the kiosk's own loading therefore changes nothing on screen: it is checked
again, and refused with a log line if it fails. A pack started from the checked-pack index
(`checked_index`) is not read at all, so the index carries the digest of each picture's checked
bytes and seeds them here: the rule holds either way.
"""

from __future__ import annotations

import threading

_checked: set[bytes] = set()
_lock = threading.Lock()


def digest(data: bytes) -> bytes:
    """sha256 of `data`. hashlib is imported here, when first needed: importing it initialises
    OpenSSL (3 ms), which the start screen drawn from its record does not need before its first
    frame."""
    import hashlib

    return hashlib.sha256(data).digest()


def remember_digest(checked: bytes) -> None:
    """Record the digest of bytes that passed every media check (from the checked-pack index, which
    holds the digest of each picture as it was checked, so the kiosk need not check it again)."""
    with _lock:
        _checked.add(checked)


def remember_checked(data: bytes) -> None:
    """Record that `data` passed every media check."""
    with _lock:
        _checked.add(digest(data))


def was_checked(data: bytes) -> bool:
    """True when these exact bytes passed the media checks earlier in this process."""
    with _lock:
        return digest(data) in _checked
