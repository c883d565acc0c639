"""Where eq2code keeps its private files: the cache directory (equations read, Lark tables).

`EQ2CODE_NO_CACHE=1`: none; `EQ2CODE_CACHE_DIR`: that directory; otherwise where each OS
expects a user's caches (platformdirs): `$XDG_CACHE_HOME/eq2code` or `~/.cache/eq2code` on
Linux, `~/Library/Caches/eq2code` on macOS, `%LOCALAPPDATA%\\eq2code\\Cache` on Windows.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from eq2code.base.digest import mac, same_mac
from eq2code.base.log import get_logger

log = get_logger(__name__)


def cache_dir() -> Path | None:
    if os.environ.get("EQ2CODE_NO_CACHE"):
        return None
    base = os.environ.get("EQ2CODE_CACHE_DIR")
    if base:
        path = Path(base)
    elif sys.platform.startswith("linux"):  # what platformdirs says there, without its import
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        path = (Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache") / "eq2code"
    else:
        from platformdirs import user_cache_dir

        path = Path(user_cache_dir("eq2code", appauthor=False))
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return path
    except OSError:
        return None


# ----------------------------------------------------------------------------- signed entries
#
# Cache entries are signed with a MAC (keyed BLAKE2b, base/digest.py) under a per-user secret
# (`secret` in the cache directory, created 0600). A writer that cannot read the secret —
# another user of a shared or group-writable cache, a sandbox that hides the home directory —
# cannot forge an entry; an entry that fails the check is ignored (read again from the
# equation). A process running as the same user with the file system open to it can read the
# secret: graders give each submission its own cache, or a read-only one (docs/security.md).

_MAGIC = b"eq2code-signed-2\n"  # 1: HMAC-SHA256; 2: keyed BLAKE2b (D37)
SECRET_NAME = "secret"


def cache_secret(d: Path) -> bytes | None:
    """The cache directory's secret (created on first use); None when it is unsafe or unusable:
    not a regular file, writable by group or others, or owned by another user (not root)."""
    import stat

    path = d / SECRET_NAME
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except OSError:
            return None
        import secrets  # only to make one: `secrets` costs a check ~1.4 ms

        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(32))
        st = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode) or st.st_mode & 0o022:
        return None
    if hasattr(os, "getuid") and st.st_uid not in (os.getuid(), 0) and os.access(d, os.W_OK):
        return None  # someone else's secret in a directory we may write: not ours to trust
    from eq2code.base.files import FileProblem, read_bytes

    try:
        data = read_bytes(path, "cache secret", 4096)
    except FileProblem:
        return None
    return data if len(data) >= 16 else None


def sign(secret: bytes, payload: bytes) -> bytes:
    return _MAGIC + mac(secret, payload) + b"\n" + payload


def verified(secret: bytes, blob: bytes) -> bytes | None:
    """The payload of a signed blob, or None when the signature does not hold."""
    if not blob.startswith(_MAGIC):
        return None
    head, sep, payload = blob[len(_MAGIC):].partition(b"\n")
    if not sep or len(head) != 64:
        return None
    return payload if same_mac(secret, head, mac(secret, payload)) else None


def read_signed(folder: str, name: str, max_bytes: int) -> bytes | None:
    """The payload of the signed cache entry `folder/name`, or None: no cache, no entry, not a
    small regular file, or a signature that does not hold (a forged entry is ignored)."""
    from eq2code.base.files import FileProblem, read_bytes

    d = cache_dir()
    secret = cache_secret(d) if d is not None else None
    if d is None or secret is None:
        return None
    try:
        blob = read_bytes(d / folder / name, "cache entry", max_bytes)
    except FileProblem:
        return None
    payload = verified(secret, blob)
    if payload is None:
        log.debug("cache entry %s/%s ignored: bad signature", folder, name)
    return payload


def write_signed(folder: str, name: str, payload: bytes) -> None:
    """Sign `payload` and store it as `folder/name` in the cache (atomically: a temporary file
    replaced); nothing when there is no cache or it cannot be written."""
    import threading

    d = cache_dir()
    secret = cache_secret(d) if d is not None else None
    if d is None or secret is None:
        return
    try:
        target = d / folder
        target.mkdir(exist_ok=True, mode=0o700)
        tmp = target / f".{os.getpid()}.{threading.get_ident()}.tmp"
        tmp.write_bytes(sign(secret, payload))
        os.replace(tmp, target / name)
    except OSError:
        log.debug("cache entry %s/%s not written", folder, name, exc_info=True)
