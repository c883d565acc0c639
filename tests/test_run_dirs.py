"""Where runs happen (code/sandbox/rundirs.py) and what the zygote inherits (spawn.Spawned)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from sandbox_helpers import needs_strict

from eq2code.code.sandbox import rundirs


@pytest.fixture
def fresh_base(monkeypatch):
    monkeypatch.setattr(rundirs, "_base", None)
    yield
    rundirs._base = None


def test_tmpdir_set_by_the_user_is_where_runs_go(tmp_path, monkeypatch, fresh_base):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # tempfile caches its choice
    assert rundirs.run_base() == str(tmp_path)
    run = Path(rundirs.new_run_path())
    try:
        assert run.parent == tmp_path and run.name.startswith(f"eq2code-{os.getpid()}-")
        assert stat.S_IMODE(run.stat().st_mode) == 0o700
    finally:
        run.rmdir()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/dev/shm is Linux's")
def test_without_tmpdir_runs_go_to_the_memory_file_system_when_it_has_room(monkeypatch, fresh_base):
    monkeypatch.delenv("TMPDIR", raising=False)
    base = rundirs.run_base()
    shm = rundirs.MEMORY_DIRECTORY
    usable = os.path.isdir(shm) and os.access(shm, os.W_OK) and \
        os.statvfs(shm).f_bavail * os.statvfs(shm).f_frsize >= rundirs.MEMORY_ROOM
    assert (base == shm) == usable
    run = Path(rundirs.new_run_path())
    try:
        assert str(run.parent) == base and stat.S_IMODE(run.stat().st_mode) == 0o700
    finally:
        run.rmdir()


def test_a_run_directory_name_is_never_reused(fresh_base):
    runs = [Path(rundirs.new_run_path()) for _ in range(20)]
    try:
        assert len({r.name for r in runs}) == 20
    finally:
        for r in runs:
            r.rmdir()


@needs_strict("the zygote runs only with the strict sandbox")
def test_the_zygote_keeps_no_descriptor_of_the_checker_but_its_pipes(tmp_path):
    from eq2code.code.sandbox import platform
    from eq2code.code.sandbox.zygote import Zygote

    leaked = os.open(tmp_path / "secret.txt", os.O_CREAT | os.O_WRONLY, 0o600)
    os.set_inheritable(leaked, True)  # as a descriptor handed down by an editor or a shell would be
    zygote = Zygote(platform.child_environment())
    try:
        zygote.ready()
        try:
            targets = {os.readlink(f"/proc/{zygote.process.pid}/fd/{fd}")
                       for fd in os.listdir(f"/proc/{zygote.process.pid}/fd")}
        except PermissionError:
            pytest.skip("the zygote is non-dumpable: its descriptors are root's to list")
        assert str(tmp_path / "secret.txt") not in targets
        assert os.readlink(f"/proc/{zygote.process.pid}/cwd") == "/"
    finally:
        zygote.close()
        os.close(leaked)
