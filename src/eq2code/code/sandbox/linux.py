"""The Linux backend's kernel calls (ctypes, no compiled code): namespaces, mounts,
capabilities, seccomp and prctl. Nothing here decides *when* to use them: `zygote.py` (the
strict sandbox) and `platform.py` (the checker's side, `eq2code doctor`) do.

Every function raises `OSError` with the kernel's errno when a call fails, so a caller can say
exactly what this machine refuses.
"""

from __future__ import annotations

import ctypes
import errno
import os
import struct
import sys

CLONE_NEWNS = 0x00020000
CLONE_NEWCGROUP = 0x02000000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
CLONE_NEWTIME = 0x00000080
NAMESPACE_FLAGS = (CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER
                   | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWTIME)
SANDBOX_NAMESPACES = CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWNS | CLONE_NEWIPC

MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_BIND, MS_REC, MS_PRIVATE = 4096, 16384, 1 << 18
MOUNT_ATTR_RDONLY = 0x1
AT_FDCWD, AT_RECURSIVE = -100, 0x8000

PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_SECCOMP = 22
PR_CAPBSET_DROP = 24
PR_SET_SECUREBITS = 28
PR_SET_NO_NEW_PRIVS = 38
PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 47, 4
SECCOMP_MODE_FILTER = 2
# SECBIT_NOROOT, NO_SETUID_FIXUP, KEEP_CAPS_LOCKED, NO_CAP_AMBIENT_RAISE and their locks
SECUREBITS = 0x01 | 0x02 | 0x04 | 0x08 | 0x20 | 0x40 | 0x80
LINUX_CAPABILITY_VERSION_3 = 0x20080522

# ----------------------------------------------------------------------------- syscall numbers

MACHINE = os.uname().machine.lower() if hasattr(os, "uname") else ""  # platform.machine() without importing platform
# sorted by name; per architecture the number, or absent where the call does not exist
_CALLS: dict[str, tuple[int, int | None]] = {  # name: (x86_64, aarch64)
    "acct": (163, 89), "add_key": (248, 217), "adjtimex": (159, 171), "bpf": (321, 280),
    "chroot": (161, 51), "clock_adjtime": (305, 266), "clock_settime": (227, 112),
    "delete_module": (176, 106), "finit_module": (313, 273), "fsconfig": (431, 431),
    "fsmount": (432, 432), "fsopen": (430, 430), "fspick": (433, 433), "init_module": (175, 105),
    "io_uring_enter": (426, 426), "io_uring_register": (427, 427), "io_uring_setup": (425, 425),
    "ioperm": (173, None), "iopl": (172, None), "kcmp": (312, 272), "kexec_file_load": (320, 294),
    "kexec_load": (246, 104), "keyctl": (250, 219), "lookup_dcookie": (212, 18),
    "mount": (165, 40), "mount_setattr": (442, 442), "move_mount": (429, 429),
    "name_to_handle_at": (303, 264), "open_by_handle_at": (304, 265), "open_tree": (428, 428),
    "perf_event_open": (298, 241), "pidfd_getfd": (438, 438), "pivot_root": (155, 41),
    "process_madvise": (440, 440), "process_vm_readv": (310, 270),
    "process_vm_writev": (311, 271), "ptrace": (101, 117), "quotactl": (179, 60),
    "reboot": (169, 142), "request_key": (249, 218), "setdomainname": (171, 162),
    "sethostname": (170, 161), "setns": (308, 268), "settimeofday": (164, 170),
    "swapoff": (168, 225), "swapon": (167, 224), "syslog": (103, 116), "umount2": (166, 39),
    "unshare": (272, 97), "userfaultfd": (323, 282), "vhangup": (153, 58),
}
DENIED = tuple(sorted(_CALLS))
_CLONE = {"x86_64": 56, "aarch64": 220}
_CLONE3 = 435
_ARCH = {"x86_64": 0xC000003E, "amd64": 0xC000003E, "aarch64": 0xC00000B7, "arm64": 0xC00000B7}
_MOUNT_SETATTR = 442
_COLUMN = {"x86_64": 0, "amd64": 0, "aarch64": 1, "arm64": 1}


def seccomp_supported() -> bool:
    return MACHINE in _ARCH and sys.platform.startswith("linux")


# ----------------------------------------------------------------------------- libc


_libc = None


def libc():
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)
        _libc.syscall.restype = ctypes.c_long
    return _libc


def _check(result: int, what: str) -> int:
    if result == -1 or result < 0:
        code = ctypes.get_errno()
        raise OSError(code, f"{what}: {os.strerror(code)}")
    return result


def prctl(option: int, arg2: int = 0, arg3: int = 0, what: str = "prctl") -> int:
    return _check(libc().prctl(option, ctypes.c_ulong(arg2), ctypes.c_ulong(arg3),
                               ctypes.c_ulong(0), ctypes.c_ulong(0)), what)


def set_dumpable(on: bool) -> None:
    """Off: no ptrace, and /proc/PID/{mem,environ,fd} of this process belong to root and need
    CAP_SYS_PTRACE in the initial user namespace (which a sandboxed child never has)."""
    prctl(PR_SET_DUMPABLE, 1 if on else 0, what="prctl(PR_SET_DUMPABLE)")


def die_with_parent(signal_number: int = 9) -> None:
    prctl(PR_SET_PDEATHSIG, signal_number, what="prctl(PR_SET_PDEATHSIG)")


def unshare(flags: int) -> None:
    _check(libc().unshare(flags), "unshare")


SIGCHLD = 17
_python_api = None


def python_api():
    """The interpreter's own symbols (and libc's), called with the GIL held — as os.fork
    holds it around fork(2)."""
    global _python_api
    if _python_api is None:
        api = ctypes.PyDLL(None, use_errno=True)
        api.syscall.restype = ctypes.c_long
        for name in ("PyOS_BeforeFork", "PyOS_AfterFork_Parent", "PyOS_AfterFork_Child"):
            getattr(api, name).restype = None
        _python_api = api
    return _python_api


def fork_into(flags: int) -> int:
    """`os.fork()` whose child starts in new namespaces (`flags`, CLONE_NEW*): with
    CLONE_NEWPID it is PID 1 of its own, so no second fork is needed to enter it. clone(2)
    as fork(2) does it (no new stack, SIGCHLD at the end) with CPython's fork hooks around it,
    as `os.fork` runs them; libc's own fork handlers do not run, which is safe only in a
    process with a single thread — so a process with more is refused (EAGAIN)."""
    if MACHINE not in _ARCH:
        raise OSError(errno.ENOSYS, f"clone: no system call number for {MACHINE}")
    threads = len(os.listdir("/proc/self/task"))
    if threads != 1:
        raise OSError(errno.EAGAIN, f"clone: the fork server has {threads} threads, not one")
    api = python_api()
    zero = ctypes.c_ulong(0)
    api.PyOS_BeforeFork()
    pid = api.syscall(ctypes.c_long(_CLONE[_ARCH_NAME()]), ctypes.c_ulong(flags | SIGCHLD),
                      zero, zero, zero, zero)
    if pid == 0:
        api.PyOS_AfterFork_Child()
        return 0
    code = ctypes.get_errno()
    api.PyOS_AfterFork_Parent()
    if pid < 0:
        raise OSError(code, f"clone: {os.strerror(code)}")
    return pid


def _encoded(text: str | None) -> bytes | None:
    return None if text is None else os.fsencode(text)


def mount(source: str | None, target: str, fstype: str | None, flags: int,
          data: str | None = None) -> None:
    _check(libc().mount(_encoded(source), _encoded(target), _encoded(fstype), ctypes.c_ulong(flags),
                        _encoded(data)), f"mount {target}")


class _MountAttr(ctypes.Structure):
    _fields_ = [("attr_set", ctypes.c_uint64), ("attr_clr", ctypes.c_uint64),
                ("propagation", ctypes.c_uint64), ("userns_fd", ctypes.c_uint64)]


def set_read_only(path: str, read_only: bool) -> None:
    """Make every mount at and under `path` read-only (or writable again): mount_setattr
    (Linux 5.12) with AT_RECURSIVE, which changes only that attribute."""
    attr = _MountAttr(MOUNT_ATTR_RDONLY if read_only else 0, 0 if read_only else MOUNT_ATTR_RDONLY, 0, 0)
    _check(libc().syscall(_MOUNT_SETATTR, AT_FDCWD, os.fsencode(path), AT_RECURSIVE,
                          ctypes.byref(attr), ctypes.sizeof(attr)), f"mount_setattr {path}")


def write_id_maps(uid: int, gid: int) -> None:
    """Map our own ids into a user namespace just created, so files look as before."""
    for name, text in (("setgroups", b"deny"), ("uid_map", b"%d %d 1" % (uid, uid)),
                       ("gid_map", b"%d %d 1" % (gid, gid))):
        fd = os.open(f"/proc/self/{name}", os.O_WRONLY)
        try:
            os.write(fd, text)  # the kernel takes a map in one write or refuses it
        finally:
            os.close(fd)


def drop_capabilities() -> None:
    """No capability left, none to gain by exec (empty bounding set, SECBIT_NOROOT locked),
    and no new privileges (setuid bits, file capabilities) ever."""
    for cap in range(64):
        if libc().prctl(PR_CAPBSET_DROP, ctypes.c_ulong(cap), 0, 0, 0) != 0:
            if ctypes.get_errno() == errno.EINVAL:  # past the last capability
                break
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")
    libc().prctl(PR_CAP_AMBIENT, ctypes.c_ulong(PR_CAP_AMBIENT_CLEAR_ALL), 0, 0, 0)
    libc().prctl(PR_SET_SECUREBITS, ctypes.c_ulong(SECUREBITS), 0, 0, 0)  # best effort
    header = (ctypes.c_uint32 * 2)(LINUX_CAPABILITY_VERSION_3, 0)
    data = (ctypes.c_uint32 * 6)()
    _check(libc().capset(header, data), "capset")
    prctl(PR_SET_NO_NEW_PRIVS, 1, what="prctl(PR_SET_NO_NEW_PRIVS)")


# ----------------------------------------------------------------------------- seccomp


def _insn(code: int, jt: int, jf: int, k: int) -> bytes:
    return struct.pack("HBBI", code, jt, jf, k & 0xFFFFFFFF)


LD_W_ABS, JEQ_K, JGE_K, JSET_K, RET_K = 0x20, 0x15, 0x35, 0x45, 0x06
RET_ALLOW, RET_KILL_PROCESS, RET_ERRNO = 0x7FFF0000, 0x80000000, 0x00050000


def seccomp_program() -> bytes:
    """A classic BPF program: the denied calls fail with EPERM, namespace flags on clone fail
    with EPERM, clone3 (whose flags a filter cannot read) says ENOSYS so libc falls back to
    clone, another architecture or the x32 ABI kills the process; everything else is allowed."""
    column = _COLUMN[MACHINE]
    numbers = sorted({n for pair in _CALLS.values() if (n := pair[column]) is not None})
    deny = RET_ERRNO | errno.EPERM
    prog = [_insn(LD_W_ABS, 0, 0, 4), _insn(JEQ_K, 1, 0, _ARCH[MACHINE]),
            _insn(RET_K, 0, 0, RET_KILL_PROCESS), _insn(LD_W_ABS, 0, 0, 0)]
    if column == 0:  # x32 system calls have bit 30 set
        prog += [_insn(JGE_K, 0, 1, 0x40000000), _insn(RET_K, 0, 0, RET_KILL_PROCESS)]
    for number in numbers:
        prog += [_insn(JEQ_K, 0, 1, number), _insn(RET_K, 0, 0, deny)]
    prog += [_insn(JEQ_K, 0, 1, _CLONE3), _insn(RET_K, 0, 0, RET_ERRNO | errno.ENOSYS)]
    prog += [_insn(JEQ_K, 0, 3, _CLONE[_ARCH_NAME()]), _insn(LD_W_ABS, 0, 0, 16),  # args[0], low word
             _insn(JSET_K, 0, 1, NAMESPACE_FLAGS), _insn(RET_K, 0, 0, deny)]
    prog += [_insn(RET_K, 0, 0, RET_ALLOW)]
    return b"".join(prog)


def _ARCH_NAME() -> str:
    return "x86_64" if _COLUMN[MACHINE] == 0 else "aarch64"


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


_filter: tuple | None = None  # (buffer, sock_fprog), built once: `prepare_seccomp`


def prepare_seccomp() -> None:
    """Build the filter now (the zygote, before it forks: each sandbox then only installs it)."""
    global _filter
    if _filter is None and seccomp_supported():
        code = seccomp_program()
        buffer = ctypes.create_string_buffer(code, len(code))
        _filter = (buffer, _SockFprog(len(code) // 8, ctypes.cast(buffer, ctypes.c_void_p)))


def install_seccomp() -> None:
    """Confine this process and all it starts (requires no_new_privs or CAP_SYS_ADMIN)."""
    if not seccomp_supported():
        raise OSError(errno.ENOSYS, f"no seccomp filter for the architecture {MACHINE}")
    prepare_seccomp()
    assert _filter is not None
    prctl(PR_SET_NO_NEW_PRIVS, 1, what="prctl(PR_SET_NO_NEW_PRIVS)")
    _check(libc().prctl(PR_SET_SECCOMP, ctypes.c_ulong(SECCOMP_MODE_FILTER),
                        ctypes.byref(_filter[1]), 0, 0), "prctl(PR_SET_SECCOMP)")
