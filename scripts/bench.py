"""How long eq2code takes against the floor (`python -c "import numpy"`), issue 16.

    python scripts/bench.py [--runs N] [--pairs 100] [--markdown]

Commands are alternated (one of each per round, the order rotated by one every round) and the
median of N rounds is taken, so a machine whose load changes affects them alike, and no command
always runs right after the same one. Measured:

- floor        python -c "import numpy"
- pytest       a hand-written pytest test of the same softmax (imports numpy and pytest)
- warm         eq2code check --rule softmax F.py, the equation cache warm
- no run       the same with --no-exec: the checker's own part (no sandbox, no run, no judging)
- cold         the same with an empty cache (a shipped rule: its model was read at build time)
- cold file    a teacher's own equation file (the softmax rule's text, one comment line more, so
               no shipped model matches) with an empty cache: SymPy and Lark read it
- batch        eq2code check DIR with 100 tagged pairs (one run, --jobs default)
- warm/batch with --sandbox basic: the spawn path macOS and Windows take (the path every
  check took before the zygote)
- warm server  the warm check handed to a running check server (`eq2code server start`, D30);
  every other command runs with EQ2CODE_NO_SERVER=1
- editor       `eq2code lsp` on stdio, warm: didSave of a file (alternately wrong and fixed)
  → its publishDiagnostics, in milliseconds (target ≤ 150 ms); plain JSON-RPC, no client library

Public tools only: `hyperfine` is used when it is on PATH (--hyperfine), else a Python loop.
The bytecode of eq2code is compiled first and PYTHONDONTWRITEBYTECODE dropped, as an
installed eq2code has its .pyc files.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMPL = ROOT / "examples" / "softmax" / "correct_stable_max.py"
TEST = '''import numpy as np
from impl import softmax


def test_softmax():
    z = np.array([[1.0, 2.0, 3.0], [0.5, -1.0, 4.0]])
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    np.testing.assert_allclose(softmax(z), e / e.sum(axis=-1, keepdims=True))
'''


def eq2code() -> list[str]:
    script = Path(sys.executable).with_name("eq2code")
    return [str(script)] if script.exists() else [sys.executable, "-m", "eq2code.cli.main"]


def with_before(commands: dict[str, tuple[list[str], dict]], before: str) -> dict[str, tuple[list[str], dict]]:
    """Each eq2code command also as "NAME before": the same, with the eq2code of the source
    directory `before` (e.g. a `git worktree` of an earlier commit) first on PYTHONPATH, so that
    one run measures before and after under the same load."""
    out = {}
    for name, (command, env) in commands.items():
        out[name] = (command, env)
        if name not in ("floor", "pytest", "warm server"):  # an earlier eq2code may have no server
            out[f"{name} before"] = (command, dict(env, PYTHONPATH=os.path.abspath(before)))
    return out


def setup(work: Path, pairs: int) -> dict[str, tuple[list[str], dict]]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "EQ2CODE_SANDBOX")}
    env["EQ2CODE_NO_SERVER"] = "1"
    warm_cache = work / "cache"
    env_warm = dict(env, EQ2CODE_CACHE_DIR=str(warm_cache))
    env_server = {k: v for k, v in env_warm.items() if k != "EQ2CODE_NO_SERVER"}
    env_server["EQ2CODE_SERVER_TAG"] = f"bench-{os.getpid()}"
    batch = work / "batch"
    batch.mkdir()
    source = IMPL.read_text(encoding="utf-8").replace("def softmax", "# eq2code: rule=softmax\ndef softmax")
    for i in range(pairs):
        (batch / f"impl_{i:03d}.py").write_text(source, encoding="utf-8")
    (batch / "pyproject.toml").write_text("[tool.eq2code]\n", encoding="utf-8")
    tests = work / "pytest"
    tests.mkdir()
    shutil.copy(IMPL, tests / "impl.py")
    (tests / "test_impl.py").write_text(TEST, encoding="utf-8")
    single = [*eq2code(), "check", "--rule", "softmax", str(IMPL)]
    cold_env = dict(env, EQ2CODE_NO_CACHE="1")
    own = work / "own_softmax.tex"
    own.write_text("% a teacher's own sheet\n" + (ROOT / "rules" / "softmax.tex").read_text(encoding="utf-8"),
                   encoding="utf-8")
    return {
        "floor": ([sys.executable, "-c", "import numpy"], env),
        "pytest": ([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tests)], env),
        "warm": (single, env_warm),
        "warm server": (single, env_server),
        "cold": (single, cold_env),
        "cold file": ([*eq2code(), "check", str(own), str(IMPL)], cold_env),
        "batch": ([*eq2code(), "check", str(batch)], env_warm),
        "no run": ([*single, "--no-exec"], env_warm),
        "warm basic": ([*single, "--sandbox", "basic"], env_warm),
        "batch basic": ([*eq2code(), "check", str(batch), "--sandbox", "basic"], env_warm),
    }


def once(command: list[str], env: dict, cwd: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=cwd, capture_output=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        said = [line for line in result.stdout.decode(errors="replace").splitlines() if ": pass (" not in line]
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.decode()[-2000:]}"
                         f"{chr(10).join(said)[-3000:]}")
    return seconds


# -- the editor: one language server, driven over stdio

WRONG = '''import numpy as np


# eq2code: rule=softmax
def softmax(z):
    e = np.exp(z - np.max(z))
    return e / np.mean(e)
'''
FIXED = WRONG.replace("np.mean(e)", "np.sum(e)")


class _Server:
    """`eq2code lsp` as a subprocess; LSP messages framed by Content-Length."""

    def __init__(self, env: dict, cwd: Path) -> None:
        self.process = subprocess.Popen([*eq2code(), "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, env=env, cwd=cwd)
        self.buffer = b""
        self.next_id = 0

    def send(self, method: str, params: dict, request: bool = False) -> None:
        message: dict = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self, timeout: float = 60.0) -> dict:
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        deadline = time.monotonic() + timeout
        while True:
            head, sep, rest = self.buffer.partition(b"\r\n\r\n")
            if sep:
                length = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                                  if line.lower().startswith(b"content-length")))
                if len(rest) >= length:
                    self.buffer = rest[length:]
                    return json.loads(rest[:length])
            ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(fd, 65536) if ready else b""
            if not chunk:
                raise SystemExit("the language server did not answer")
            self.buffer += chunk

    def diagnostics(self, uri: str, version: int | None = None) -> list:
        """The next diagnostics published for `uri` — of this document `version` when given: a
        late publish of an earlier version (its verified fixes, sent after its first diagnostics)
        is not the answer to this save."""
        while True:
            message = self.receive()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri \
                    and version in (None, message["params"].get("version")):
                return message["params"]["diagnostics"]

    def close(self) -> None:
        try:
            self.send("shutdown", {}, request=True)
            self.send("exit", {})
            self.process.wait(10)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()


def editor_latencies(work: Path, env: dict, saves: int) -> list[float]:
    """Seconds from didSave to the file's publishDiagnostics on a warm server, one per save."""
    folder = work / "editor"
    folder.mkdir(exist_ok=True)
    path = folder / "softmax_exercise.py"
    path.write_text(WRONG, encoding="utf-8")
    uri = path.as_uri()
    server = _Server(env, folder)
    try:
        server.send("initialize", {"processId": os.getpid(), "rootUri": folder.as_uri(), "capabilities": {},
                                   "initializationOptions": {"debounce": 0.2, "timeout": 30}}, request=True)
        while "id" not in server.receive():
            pass
        server.send("initialized", {})
        server.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1,
                                                               "text": WRONG}})
        server.diagnostics(uri)  # the first check (the equation read, the zygote warmed)
        seconds = []
        for k in range(saves + 2):  # two more to warm up
            text = FIXED if k % 2 == 0 else WRONG
            path.write_text(text, encoding="utf-8")
            server.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2 + k},
                                                   "contentChanges": [{"text": text}]})
            started = time.perf_counter()
            server.send("textDocument/didSave", {"textDocument": {"uri": uri}})
            found = server.diagnostics(uri, version=2 + k)
            elapsed = time.perf_counter() - started
            if any(d.get("severity") == 1 for d in found) != (text is WRONG):
                which = "wrong" if text is WRONG else "fixed"
                raise SystemExit(f"the language server's diagnostics are wrong for the {which} file")
            if k >= 2:
                seconds.append(elapsed)
        return seconds
    finally:
        server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pairs", type=int, default=100)
    parser.add_argument("--batch-runs", type=int, default=3, help="rounds that include the batch commands")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--saves", type=int, default=10, help="didSave → diagnostics measurements (0: none)")
    parser.add_argument("--before", metavar="SRC", help="also time the eq2code in SRC (a src folder)")
    parser.add_argument("--only", default="", metavar="NAMES",
                        help="comma-separated commands to time (floor always), e.g. warm,cold")
    parser.add_argument("--hyperfine", action="store_true", help="use hyperfine (if on PATH) for the single commands")
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "eq2code")],
                   stdout=subprocess.DEVNULL, check=False)
    with tempfile.TemporaryDirectory(prefix="eq2code-bench-") as tmp:
        work = Path(tmp)
        commands = setup(work, args.pairs)
        if args.only:
            wanted = {"floor", *args.only.split(",")}
            commands = {name: c for name, c in commands.items() if name in wanted}
        if args.before:
            subprocess.run([sys.executable, "-m", "compileall", "-q", args.before], stdout=subprocess.DEVNULL,
                           check=False)
            commands = with_before(commands, args.before)
        servers = [c for name, c in commands.items() if name.startswith("warm server")]
        for _, env in servers:
            once([*eq2code(), "server", "start", "--idle", "600"], env, cwd=work)
        for name in ("warm", "batch", "warm before", "batch before"):  # warm the cache (and the page cache)
            if name in commands:
                once(*commands[name], cwd=work)
        if args.hyperfine and shutil.which("hyperfine"):
            names = [n for n in commands if "batch" not in n]
            subprocess.run(["hyperfine", "-N", "--warmup", "2", "--runs", str(args.runs),
                            *[" ".join(commands[n][0]) for n in names]], check=False)
        times: dict[str, list[float]] = {name: [] for name in commands}
        names = list(commands)
        for round_ in range(args.runs):
            shift = round_ % len(names)  # each round starts one command later: no command always
            for name in names[shift:] + names[:shift]:  # follows the same one (that moved medians ~5 %)
                command, env = commands[name]
                if "batch" in name and round_ >= args.batch_runs:
                    continue
                times[name].append(once(command, env, work))
        editor_env = commands["warm"][1] if "warm" in commands else dict(os.environ)
        measure_editor = args.saves and (not args.only or "editor" in args.only)
        editor = editor_latencies(work, editor_env, args.saves) if measure_editor else []
        editor_before = editor_latencies(work, dict(editor_env, PYTHONPATH=os.path.abspath(args.before)),
                                         args.saves) if measure_editor and args.before else []
        for _, env in servers:
            subprocess.run([*eq2code(), "server", "stop"], env=env, cwd=work, stdout=subprocess.DEVNULL, check=False)
    median = {name: statistics.median(values) for name, values in times.items()}
    floor = median["floor"]
    rows = [(name, median[name], median[name] / floor, len(times[name])) for name in commands]
    if args.markdown:
        print("| command | median s | × floor | runs |\n|---|---|---|---|")
        for name, seconds, ratio, n in rows:
            print(f"| {name} | {seconds:.3f} | {ratio:.2f} | {n} |")
    else:
        for name, seconds, ratio, n in rows:
            print(f"{name:<12} {seconds:8.3f} s  {ratio:6.2f} × floor  ({n} runs)")
    for label, seconds in (("editor", editor), ("editor before", editor_before)):
        if seconds:
            print(f"{label}: didSave → publishDiagnostics median {1000 * statistics.median(seconds):.0f} ms, "
                  f"max {1000 * max(seconds):.0f} ms over {len(seconds)} saves (target ≤ 150 ms): "
                  f"{' '.join(f'{1000 * s:.0f}' for s in seconds)}")
    for suffix in ("", " before") if args.before else ("",):
        ratios(median, floor, args.pairs, suffix)


def ratios(median: dict[str, float], floor: float, pairs: int, suffix: str) -> None:
    """The issue's ratios (`suffix` " before": of the earlier eq2code)."""
    def m(name: str) -> float | None:
        return median.get(name + suffix)

    warm, cold, cold_file, batch = m("warm"), m("cold"), m("cold file"), m("batch")
    if warm:
        print(f"warm single check / floor{suffix}: {warm / floor:.2f} (target ≤ 1.5)")
    if cold:
        print(f"cold single check / floor{suffix}: {cold / floor:.2f} (target ≤ 6)")
    if cold_file:
        print(f"cold check of an own equation file / floor{suffix}: {cold_file / floor:.2f} (target ≤ 6)")
    if warm and batch:
        print(f"{pairs} pairs / warm single check{suffix}: {batch / warm:.2f} (target ≤ 10)")
    served = m("warm server")
    if served:
        print(f"warm check with the check server running / floor{suffix}: {served / floor:.2f}")
    no_run = m("no run")
    if no_run:
        print(f"the checker alone (--no-exec) / floor{suffix}: {no_run / floor:.2f}")
    warm_basic, batch_basic = m("warm basic"), m("batch basic")
    if warm_basic and batch_basic:
        print(f"basic (spawn){suffix}: warm / floor {warm_basic / floor:.2f}, "
              f"{pairs} pairs / warm {batch_basic / warm_basic:.2f}")


if __name__ == "__main__":
    main()
