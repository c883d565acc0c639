"""Reading the files a user (or a submission) names — as data, never as a way to hang, leak or
crash eq2code.

Every reader of eq2code goes through `read_bytes` (equation files, Python files, Markdown and
notebooks, baselines, configuration, cache entries, the source lines of a report):

- **regular files only**: a directory, FIFO, socket or device is a `FileProblem` with a clear
  message, never a blocking read (the file is opened non-blocking and checked again with
  `fstat` after opening, so a swap between the check and the open does not help);
- **no pseudo-files**: nothing under `/proc`, `/sys` or `/dev` (after resolving links) is read
  — `/proc/self/environ` is a "regular file" that holds the checker's environment;
- **size caps**: at most `limit` bytes are read (a larger file is a `FileProblem`);
- **confinement** (`confine`): a path taken from an untrusted file (a `# eq2code: eq=PATH` tag)
  must resolve — links followed — inside the project root.

Text is decoded as UTF-8 (a BOM dropped) and, for Python, by the PEP 263 coding cookie
(`tokenize.detect_encoding`), as Python itself does; `newlines` turns CRLF and CR into LF.
"""

from __future__ import annotations

import io
import os
import stat
import tokenize
from pathlib import Path

MiB = 1024 * 1024
MAX_TEXT = 8 * MiB  # an equation, Python or Markdown file
MAX_NOTEBOOK = 64 * MiB  # notebooks carry their outputs (images) too
MAX_DATA = 16 * MiB  # baselines, cache entries
MAX_CONFIG = 1 * MiB  # pyproject.toml
PSEUDO_ROOTS = ("/proc", "/sys", "/dev")
BOM_UTF8 = b"\xef\xbb\xbf"


class FileProblem(Exception):
    """A named file cannot be read; the message says why, for the user."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def is_pseudo(path: str | Path) -> bool:
    """Whether `path` (links resolved) lies under /proc, /sys or /dev."""
    if os.name != "posix":
        return False
    real = os.path.realpath(path)
    return any(real == r or real.startswith(r + "/") for r in PSEUDO_ROOTS)


def check_regular(path: str | Path, what: str) -> None:
    """Raise `FileProblem` unless `path` is a readable-looking regular file (no read, no open)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise FileProblem(f"{what} not found: {path}") from None
    except OSError as e:
        raise FileProblem(f"{what} cannot be read: {path}: {e.strerror or e}") from None
    if stat.S_ISDIR(st.st_mode):
        raise FileProblem(f"{what} is a directory: {path}")
    if not stat.S_ISREG(st.st_mode):
        raise FileProblem(f"{what} is {_kind(st.st_mode)}, not a regular file: {path}")
    if is_pseudo(path):
        raise FileProblem(f"{what} is a system pseudo-file, not read: {path}")


def read_bytes(path: str | Path, what: str, limit: int = MAX_TEXT) -> bytes:
    """The bytes of the regular file `path` (at most `limit` of them), or `FileProblem`."""
    check_regular(path, what)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) \
        | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        raise FileProblem(f"{what} cannot be read: {path}: {e.strerror or e}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # swapped after the check
            raise FileProblem(f"{what} is {_kind(st.st_mode)}, not a regular file: {path}")
        if st.st_size > limit:
            raise FileProblem(f"{what} is too large ({st.st_size} bytes; at most {limit}): {path}")
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1 * MiB, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise FileProblem(f"{what} is too large (more than {limit} bytes): {path}")
        return b"".join(chunks)
    except OSError as e:
        raise FileProblem(f"{what} cannot be read: {path}: {e.strerror or e}") from None
    finally:
        os.close(fd)


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR as LF (line and column numbers stay those an editor shows)."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, newlines: bool = False) -> str:
    """UTF-8 text (a BOM dropped; invalid bytes replaced): what the `utf-8-sig` codec does,
    without importing its module on every check."""
    if data.startswith(BOM_UTF8):
        data = data[len(BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
    return normalise_newlines(text) if newlines else text


def read_text(path: str | Path, what: str, limit: int = MAX_TEXT, newlines: bool = False) -> str:
    """A named text file as UTF-8 (see the module docstring), or `FileProblem`."""
    return decode_text(read_bytes(path, what, limit), newlines)


def decode_python(data: bytes) -> str:
    """Python source as Python reads it: the BOM or PEP 263 coding cookie decides the encoding
    (default UTF-8); line endings become LF. Raises `UnicodeDecodeError`/`SyntaxError`
    (an unknown or conflicting coding cookie) for source Python would refuse too."""
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    return normalise_newlines(data.decode(encoding))


def read_python(path: str | Path, what: str = "implementation file", limit: int = MAX_TEXT) -> str:
    """A named Python file (`decode_python`); an undecodable one is a `FileProblem`."""
    data = read_bytes(path, what, limit)
    try:
        return decode_python(data)
    except (UnicodeDecodeError, SyntaxError, LookupError) as e:
        raise FileProblem(f"{what} cannot be decoded: {path}: {python_decode_detail(e)}") from None


def python_decode_detail(e: Exception) -> str:
    if isinstance(e, UnicodeDecodeError):
        return f"the file is not valid {e.encoding} text (byte {e.start})"
    return str(e) or type(e).__name__


OUTSIDE = "it lies outside the project"


def confine(target: str | Path, root: str | Path) -> str | None:
    """Why `target` (a path named by an untrusted file) may not be read, or None when it
    resolves — links followed — to a regular file inside `root`."""
    real = os.path.realpath(target)
    base = os.path.realpath(root)
    try:
        inside = os.path.commonpath([real, base]) == base
    except ValueError:  # another drive
        inside = False
    if not inside:
        return OUTSIDE
    if is_pseudo(real):
        return "it is a system pseudo-file"
    try:
        st = os.stat(real)
    except OSError:
        return "it is not a file"
    if not stat.S_ISREG(st.st_mode):
        return f"it is {_kind(st.st_mode)}"
    return None
