"""The class report (issue 17): `eq2code check submissions/ --format html|csv -o FILE` over
`<learner>/<exercise>.py` submissions (project/classroom.py, report/formats/html.py, csv.py).

A class is generated from the example gallery (correct_* and wrong_* files of three rules);
the page's numbers are read back with html.parser and compared with `--format json` of the
same submissions. The 100-learner class is marked `big_class` (.ci/run runs it; a plain
`pytest` leaves it out); the default test uses a smaller class.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import EXAMPLES

EXERCISES = ("softmax", "sigmoid", "cross-entropy")


def make_class(dest: Path, learners: int) -> Path:
    """`dest/studentNNN/<exercise>.py`, each a correct_* or wrong_* example of that rule, spread
    deterministically so that every exercise has passes and several kinds of mistakes."""
    for k in range(learners):
        folder = dest / f"student{k:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        for j, exercise in enumerate(EXERCISES):
            files = sorted((EXAMPLES / exercise).glob("*.py"))
            shutil.copy(files[(k * 7 + j * 3) % len(files)], folder / f"{exercise}.py")
    return dest


class _Page(HTMLParser):
    """The data- attributes of the class report, and whether it loads anything from outside."""

    def __init__(self) -> None:
        super().__init__()
        self.exercises: dict[str, dict[str, int]] = {}
        self.bars: dict[str, dict[str, int]] = defaultdict(dict)
        self.cells: dict[tuple[str, str], tuple[str, list[str]]] = {}
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.external: list[str] = []
        self.svgs = 0
        self._learner: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("src", "href"):
            value = a.get(key) or ""
            if value and not value.startswith("#"):
                self.external.append(value)
        if tag == "link" or tag == "script":
            self.external.append(tag)
        if tag == "a" and (a.get("href") or "").startswith("#"):
            self.hrefs.append(a["href"][1:])
        if tag == "svg":
            self.svgs += 1
        if tag == "section" and "exercise" in (a.get("class") or "").split():
            self.exercises[a["data-exercise"]] = {k: int(a[f"data-{k}"]) for k in ("total", "pass", "fail", "error")}
            self._exercise = a["data-exercise"]
        if tag == "rect" and "bar" in (a.get("class") or "").split():
            self.bars[self._exercise][a["data-finding"]] = int(a["data-count"])
        if tag == "tr" and "learner" in (a.get("class") or "").split():
            self._learner = a["data-learner"]
        if tag == "td" and self._learner and a.get("data-exercise"):
            findings = (a.get("data-findings") or "").split()
            self.cells[(self._learner, a["data-exercise"])] = (a["data-verdict"], findings)


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eq2code", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", timeout=900, env={**os.environ, "LANG": "C.UTF-8"})


def _expected(doc: dict) -> tuple[dict, dict, dict]:
    """From the JSON report: per exercise the verdict counts, the learners per finding
    (errors and warnings), and each learner's cell."""
    verdicts: dict[tuple[str, str], str] = {}
    for c in doc["checks"]:
        p = Path(c["implementation"])
        verdicts[(p.parent.name, p.stem)] = c["verdict"]
    names: dict[tuple[str, str], list[str]] = defaultdict(list)
    bars: dict[str, Counter] = defaultdict(Counter)
    for d in doc["diagnostics"]:
        p = Path(d["path"])
        key = (p.parent.name, p.stem)
        if d["data"]["name"] not in names[key]:
            names[key].append(d["data"]["name"])
            if d["severity"] in (1, 2):
                bars[key[1]][d["data"]["name"]] += 1
    counts: dict[str, dict[str, int]] = {}
    for (_learner, exercise), verdict in verdicts.items():
        c = counts.setdefault(exercise, {"total": 0, "pass": 0, "fail": 0, "error": 0})
        c["total"] += 1
        c[verdict] += 1
    return counts, {k: dict(v) for k, v in bars.items()}, {k: (v, sorted(names[k])) for k, v in verdicts.items()}


def _class_report(tmp_path: Path, learners: int) -> None:
    make_class(tmp_path / "submissions", learners)
    started = time.monotonic()
    html_run = _cli("check", "submissions", "--format", "html", "-o", "report.html", "--jobs", "2", cwd=tmp_path)
    seconds = time.monotonic() - started
    print(f"\nclass report: {learners} learners × {len(EXERCISES)} exercises in {seconds:.1f} s (--jobs 2)")
    assert html_run.returncode == 1, html_run.stderr  # some submissions fail
    assert html_run.stdout == ""  # -o: the report went to the file
    page_text = (tmp_path / "report.html").read_text(encoding="utf-8")
    # the same submissions as JSON, paired by the same layout written as [tool.eq2code] pairs
    (tmp_path / "pyproject.toml").write_text(
        '[tool.eq2code]\n[[tool.eq2code.pairs]]\nfile = "submissions/*/*.py"\nrule = "{stem}"\n', encoding="utf-8")
    json_run = _cli("check", "submissions", "--format", "json", "--jobs", "2", cwd=tmp_path)
    doc = json.loads(json_run.stdout)
    assert len(doc["checks"]) == learners * len(EXERCISES)
    counts, bars, cells = _expected(doc)

    page = _Page()
    page.feed(page_text)
    assert page.external == []  # self-contained: no network, no external CSS or JS
    assert page.svgs == 1 + sum(1 for b in bars.values() if b)  # the overview and a chart per exercise
    assert page.exercises == counts
    assert {k: v for k, v in page.bars.items() if v} == bars
    assert {k: (v, sorted(n)) for k, (v, n) in page.cells.items()} == cells
    assert len({k[0] for k in page.cells}) == learners
    # every finding named on the page links to its explanation, which is on the page
    assert set(page.hrefs) <= page.ids
    for name in {n for _, ns in cells.values() for n in ns}:
        assert f"finding-{name}" in page.ids


def test_class_report_html_matches_json(tmp_path):
    _class_report(tmp_path, 8)


@pytest.mark.big_class
def test_class_report_of_100_learners(tmp_path):
    _class_report(tmp_path, 100)


def test_class_report_csv_for_grade_books(tmp_path, run_cli, monkeypatch):
    make_class(tmp_path / "submissions", 4)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli("check", "submissions", "--format", "csv", "-o", "grades.csv", "--jobs", "2")
    assert code == 1 and out == ""
    data = (tmp_path / "grades.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # -o FILE: a byte order mark, for spreadsheets
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["learner", "cross-entropy", "sigmoid", "softmax", "passed"]
    assert [r[0] for r in rows[1:]] == ["student000", "student001", "student002", "student003"]
    for row in rows[1:]:
        assert all(cell.split(":")[0] in ("pass", "fail", "error") for cell in row[1:4])
        assert int(row[4]) == sum(cell.split(":")[0] == "pass" for cell in row[1:4])
    # student003's cross-entropy is wrong_mean.py: sum-vs-mean
    assert rows[4][1].startswith("fail: sum-vs-mean")


def test_class_layout_is_only_for_class_reports(tmp_path, run_json, run_cli):
    """Other formats keep their pairing: an untagged `softmax.py` pairs with nothing."""
    make_class(tmp_path / "submissions", 1)
    code, _out, err = run_cli("check", tmp_path / "submissions")
    assert code == 0 and "no equation–implementation pairs" in err


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.mark.skipif(_browser() is None, reason="no headless browser (chromium) installed: apt-get install chromium")
def test_class_report_renders_in_a_browser(tmp_path, run_cli, monkeypatch):
    make_class(tmp_path / "submissions", 3)
    monkeypatch.chdir(tmp_path)
    _code, _, _ = run_cli("check", "submissions", "--format", "html", "-o", "report.html", "--jobs", "2",
                         "--lang", "ja")
    shot = tmp_path / "report.png"
    proc = subprocess.run(
        [_browser(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--window-size=900,1000", f"--screenshot={shot}",
         (tmp_path / "report.html").as_uri()],
        capture_output=True, text=True, timeout=120)
    assert shot.is_file() and shot.stat().st_size > 10_000, proc.stderr[-2000:]
    # the charts are drawn: the screenshot holds the bars' colours (PNG decoded by hand: no imaging library)
    colours = _png_colours(shot.read_bytes())
    assert (0x2E, 0x7D, 0x32) in colours  # pass (green)
    assert (0xC6, 0x28, 0x28) in colours  # fail / error findings (red)
    if os.environ.get("EQ2CODE_KEEP_SCREENSHOT"):
        shutil.copy(shot, os.environ["EQ2CODE_KEEP_SCREENSHOT"])


def _png_colours(data: bytes) -> set[tuple[int, int, int]]:
    """The RGB colours of an 8-bit RGB/RGBA PNG (enough for Chromium's screenshots)."""
    import struct
    import zlib

    pos, width, height, kind, idat = 8, 0, 0, 0, b""
    while pos < len(data):
        length, ctype = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if ctype == b"IHDR":
            width, height, depth, kind = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and kind in (2, 6)
        elif ctype == b"IDAT":
            idat += body
        pos += 12 + length
    bpp = 3 if kind == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    colours: set[tuple[int, int, int]] = set()
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 0xFF
            elif f == 2:
                line[i] = (line[i] + b) & 0xFF
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        if y % 4 == 0:
            colours.update(tuple(line[x:x + 3]) for x in range(0, stride, bpp * 4))
        prev = line
    return colours
