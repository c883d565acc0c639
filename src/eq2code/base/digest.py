"""Digests and signatures of eq2code's own files: cache keys, the early run's entries, the
signature of a cache blob (base/paths.py).

They use CPython's built-in BLAKE2b, not `hashlib` or `hmac`: importing either loads OpenSSL,
3–4 ms of a warm check that does nothing else with it (docs/performance.md round 11, D37).
BLAKE2b with a key is a MAC by design (RFC 7693 §2.9), so no HMAC construction is needed.

Finding fingerprints stay SHA-256 (findings/model.py): they are written into baselines and SARIF
results that must keep matching across versions, and are computed only where a report shows
them.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b  # the built-in module `hashlib.blake2b` itself comes from
except ImportError:  # a Python built without it
    from hashlib import blake2b

MAX_KEY = 64  # bytes of a BLAKE2b key


def hex_digest(data: bytes, chars: int = 32) -> str:
    """`chars` hexadecimal digits (even, at most 128) naming `data`."""
    return blake2b(data, digest_size=chars // 2).hexdigest()


def mac(secret: bytes, payload: bytes) -> bytes:
    """The signature of `payload` under `secret`: 64 hexadecimal digits, as ASCII bytes."""
    return blake2b(payload, key=_key(secret), digest_size=32).hexdigest().encode()


def same_mac(secret: bytes, given: bytes, expected: bytes) -> bool:
    """Whether a signature read from a file is the expected one, in a time that does not tell
    where they differ: both are signed again under the secret and those digests compared
    (double-MAC verification), so timing can only reveal digests no one can predict."""
    key = _key(secret)
    return blake2b(given, key=key).digest() == blake2b(expected, key=key).digest()


def _key(secret: bytes) -> bytes:
    return secret if len(secret) <= MAX_KEY else blake2b(secret).digest()
