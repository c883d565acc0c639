"""A single check's run started before the checker imports NumPy (docs/performance.md, D17).

A warm check imports NumPy (~40 ms) before it can write its run's request, and the run
(~15–20 ms) then starts. Here the command replays the request that the same check — same
files, same options — wrote last time, kept in the signed cache, into the armed sandbox's
directory and sends the run at once: the child runs while the checker imports NumPy.

The check itself does not change: when it reaches its run it builds its request as always
and adopts the early run only when that request is the same, field for field and byte for
byte (the volatile fields aside: the checker's pid, the deadline, the process limit);
otherwise the early run is killed and the check makes its own. A stale or forged entry can
therefore only cost time: the run that is judged is always the one the check would make.
Only the first run of a check is replayed or remembered (the others — another argument
order, another representation — depend on how the first one went).
"""

from __future__ import annotations

import base64
import json
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eq2code.base.digest import hex_digest
from eq2code.base.log import get_logger
from eq2code.base.paths import read_signed, write_signed
from eq2code.code.sandbox.request import Request

if TYPE_CHECKING:
    from eq2code.code.sandbox.platform import RunSlot

log = get_logger(__name__)

FOLDER = "runs"
MAX_ENTRY = 8 * 2**20  # bytes of one entry (a request's arguments are small)


@dataclass
class _Sent:
    """A run sent ahead: the request it runs, its slot, when it was sent."""

    request: Request
    slot: RunSlot
    started: float  # time.monotonic() when it was sent: its deadline counts from here


_key: str | None = None  # this check's entry: its first run is replayed from it or remembered in it
_sent: _Sent | None = None


def key_of(*parts: str) -> str:
    """The entry of a check named by these parts (its files and options)."""
    return hex_digest(json.dumps(parts).encode("utf-8"))


def start(key: str, timeout: float) -> None:
    """The check `key` begins: replay its last first run, when the cache has one and a zygote
    (strict) or a child spawned ahead (basic) is there to run it. Never raises; without an entry
    nothing happens but the key is kept."""
    global _key, _sent
    drop()
    _key = key
    try:
        payload = read_signed(FOLDER, f"{key}.json", MAX_ENTRY)
        request = _decode(payload) if payload is not None else None
    except Exception:  # the cache is an aid: any fault means no early run
        log.debug("early run entry unreadable", exc_info=True)
        return
    if request is None:
        return
    from eq2code.code.sandbox import platform

    slot = platform.open_run()
    try:
        started = time.monotonic()
        request.write(slot.base / "request", deadline=started + timeout)
        if platform.send_ahead(slot, int(request.stable["limits"]["file_bytes"])):
            _sent = _Sent(request, slot, started)
            return
    except (OSError, KeyError, TypeError, ValueError):
        log.debug("early run not sent", exc_info=True)
    slot.close()
    platform.discard_run_directory(slot.base)


def adopt(request: Request) -> tuple[RunSlot, float] | None:
    """The run sent ahead and when, if it runs exactly `request`; else None (a run sent ahead
    for another request is killed and cleaned up first)."""
    global _sent, _key
    sent, _sent = _sent, None
    if sent is None:
        return None
    if sent.request.files == request.files and sent.request.stable == json.loads(json.dumps(request.stable)):
        _key = None  # the entry holds this very request
        return sent.slot, sent.started
    _cancel(sent)
    return None


def remember(request: Request) -> None:
    """Keep the check's first request for its next time (nothing outside a single check)."""
    global _key
    key, _key = _key, None
    if key is not None:
        write_signed(FOLDER, f"{key}.json", _encode(request))


def drop() -> None:
    """The check is over: a run sent ahead that nobody adopted is killed, its directory removed."""
    global _sent, _key
    sent, _sent, _key = _sent, None, None
    if sent is not None:
        _cancel(sent)


def _cancel(sent: _Sent) -> None:
    from eq2code.code.sandbox import platform

    try:
        platform.cancel_sent(sent.slot)
    except Exception:
        log.debug("early run not cancelled cleanly", exc_info=True)
    finally:
        sent.slot.close()
        platform.discard_run_directory(sent.slot.base)


def _encode(request: Request) -> bytes:
    files = {name: base64.b64encode(data).decode("ascii") for name, data in request.files.items()}
    return json.dumps({"stable": request.stable, "files": files}, separators=(",", ":")).encode("utf-8")


def _decode(payload: bytes) -> Request | None:
    data = json.loads(payload.decode("utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("stable"), dict) \
            or not isinstance(data.get("files"), dict):
        return None
    files = {}
    for name, text in data["files"].items():
        if not (isinstance(name, str) and isinstance(text, str) and _plain_npy_name(name)):
            return None
        files[name] = base64.b64decode(text, validate=True)
    return Request(data["stable"], files)


def _plain_npy_name(name: str) -> bool:
    """A file name the runner gives an argument (`arg_0_1.npy`): no folder, no dot file."""
    stem, dot, extension = name.rpartition(".")
    return bool(dot) and extension == "npy" and stem.replace("_", "").isalnum() and stem.isascii()
