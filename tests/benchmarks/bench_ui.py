"""The interviewer's app: searching a big caseload, starting up, and memory.

- `ui.filter_10k`: typing a search ("DEMO-0012", then deleting it) into the caseload's
  search box over 10,000 interviews, with the table showing the result after every
  keystroke: the app's model and proxy (a Python adapter over the store's rows, matching
  in bulk) against the same rows as text in a plain QStandardItemModel behind Qt's own
  QSortFilterProxyModel, configured to the same search (every column, any case). Goal:
  ratio <= 1.0.
- `ui.cold_start`: a new process until the unlock window is on screen, against a process
  that shows a bare QWidget. Goal: ratio <= 2.0.
- `ui.peak_memory_10k`: peak resident memory of the app unlocked on a profile of 10,000
  interviews with the "All interviews" view showing (reported; no baseline). The peak
  includes Argon2id's working memory during unlock, so `ui.resident_memory_10k` (Linux)
  also reports what the process holds once the caseload is on screen.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView

from rhi_desktop.config import Settings
from rhi_desktop.demo import generate
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import LOCAL_ACTOR, create_profile
from rhi_desktop.store import CaseloadRow
from tests.benchmarks.harness import BenchResult
from ui.caseload_model import CaseloadModel, Column
from ui.caseload_proxy import CaseloadFilterProxy
from ui.caseload_views import CaseloadView, rows_for
from ui.window import application

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
PASSPHRASE = "bench lantern oyster gravel"
TYPED = "DEMO-0012"
SHOWN = "shown"

# Mirrors ui.window.run_gui up to the unlock window, then checks the app took it over.
_COLD_START = """
import sys
from PySide6.QtCore import QTimer
from ui.window import application, build, early_unlock_window, profile_paths
paths = profile_paths(["--profile", sys.argv[1]])
app = application()
first = early_unlock_window(paths)
def shown():
    print("{marker}", flush=True)
    controller = build(paths, app, unlock_window=first)
    controller.start()
    assert controller.unlock_window is first
    controller.shutdown()
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

_BARE_WIDGET = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
widget = QWidget()
widget.show()
def shown():
    print("{marker}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

_PEAK_MEMORY = """
import resource, sys
from PySide6.QtCore import QEventLoop, QTimer
from ui.caseload_views import CaseloadView
from ui.window import application, build, profile_paths
app = application()
controller = build(profile_paths(["--profile", sys.argv[1]]), app)
controller.start()
panel = controller.unlock_window.panel
panel.passphrase.setText(sys.argv[2])
panel.unlock_button.click()
loop = QEventLoop()
while controller.main_window is None:
    QTimer.singleShot(10, loop.quit)
    loop.exec()
window = controller.main_window
window.show_view(CaseloadView.ALL)
window.reveal_action.trigger()
app.processEvents()
resident = 0
try:
    with open("/proc/self/status") as status:  # Linux: what is held now, not the peak
        for line in status:
            if line.startswith("VmRSS:"):
                resident = int(line.split()[1])
except OSError:
    pass
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(window.caseload.rowCount(), peak, resident, flush=True)
controller.shutdown()
"""


def _make_profile(folder: Path, count: int) -> tuple[ProfilePaths, list[CaseloadRow]]:
    paths = ProfilePaths(folder / "profile")
    profile = create_profile(paths, PASSPHRASE, Settings.load(paths), None)
    with profile.store as store:
        cases = list(generate(count, interviewer_id=LOCAL_ACTOR, now=NOW))
        for start in range(0, count, 1000):
            batch = cases[start : start + 1000]
            with store.transaction(LOCAL_ACTOR) as tx:
                tx.children.add_many([c.child for c in batch])
                tx.episodes.add_many([e for c in batch for e in c.episodes])
                tx.interviews.add_many([i for c in batch for i in c.interviews])
        rows = rows_for(store, CaseloadView.ALL)
    return paths, rows


# -- ui.filter_10k --------------------------------------------------------------------------


def _type_and_erase(search: QLineEdit) -> float:
    search.setFocus()
    start = time.perf_counter()
    for char in TYPED:
        QTest.keyClicks(search, char)
        QApplication.processEvents()
    for _ in TYPED:
        QTest.keyClick(search, Qt.Key.Key_Backspace)
        QApplication.processEvents()
    return time.perf_counter() - start


def _screen(
    model: object, proxy: QSortFilterProxyModel, connect: Callable[[QLineEdit], None]
) -> tuple[QTableView, QLineEdit]:
    table = QTableView()
    table.setModel(proxy)
    table.verticalHeader().hide()
    table.resize(1200, 600)
    table.show()
    search = QLineEdit()
    connect(search)
    search.show()
    QApplication.processEvents()
    return table, search


def _connect(search: QLineEdit, on_text: Callable[[str], None]) -> None:
    search.textChanged.connect(on_text)


def _ours(rows: Sequence[CaseloadRow]) -> Callable[[], float]:
    model = CaseloadModel(NOW)
    model.set_rows(rows)
    proxy = CaseloadFilterProxy(model)
    table, search = _screen(model, proxy, lambda s: _connect(s, proxy.set_search_text))

    def measure() -> float:
        assert table.isVisible() and proxy.rowCount() == len(rows)
        return _type_and_erase(search)

    return measure


def _plain(rows: Sequence[CaseloadRow]) -> Callable[[], float]:
    ours = CaseloadModel(NOW)
    ours.set_rows(rows)
    plain = QStandardItemModel(len(rows), len(Column))
    for column in Column:
        plain.setHeaderData(
            column, Qt.Orientation.Horizontal, ours.headerData(column, Qt.Orientation.Horizontal)
        )
    for row in range(len(rows)):
        for column in Column:
            plain.setData(plain.index(row, column), ours.index(row, column).data())
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(plain)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    table, search = _screen(plain, proxy, lambda s: _connect(s, proxy.setFilterFixedString))

    def measure() -> float:
        assert table.isVisible() and proxy.rowCount() == len(rows)
        return _type_and_erase(search)

    return measure


def filter_benchmark(rows: Sequence[CaseloadRow], repeats: int) -> BenchResult:
    ours, plain = _ours(rows), _plain(rows)
    ours_times: list[float] = []
    plain_times: list[float] = []
    for _ in range(repeats):  # alternate, so machine noise falls on both alike
        ours_times.append(ours())
        plain_times.append(plain())
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    return BenchResult.compare("ui.filter_10k", min(ours_times), min(plain_times), "s", goal=1.0)


# -- ui.cold_start and ui.peak_memory_10k ---------------------------------------------------


def _until_marker(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code.format(marker=SHOWN), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == SHOWN:
                return time.perf_counter() - start
        raise RuntimeError("the process ended without showing its window")
    finally:
        process.wait(timeout=60)


def cold_start_benchmark(paths: ProfilePaths, repeats: int) -> BenchResult:
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(repeats):
        ours.append(_until_marker(_COLD_START, str(paths.root)))
        bare.append(_until_marker(_BARE_WIDGET))
    return BenchResult.compare(
        "ui.cold_start", statistics.median(ours), statistics.median(bare), "s", goal=2.0
    )


def memory_benchmarks(paths: ProfilePaths, count: int) -> list[BenchResult]:
    result = subprocess.run(
        [sys.executable, "-c", _PEAK_MEMORY, str(paths.root), PASSPHRASE],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    loaded, peak_kib, resident_kib = (int(part) for part in result.stdout.split()[-3:])
    if loaded != count:
        raise RuntimeError(f"expected {count} interviews on screen, found {loaded}")
    figures = [BenchResult.report("ui.peak_memory_10k", peak_kib / 1024, "MiB")]
    if resident_kib:  # the peak includes Argon2id's working memory during unlock
        figures.append(BenchResult.report("ui.resident_memory_10k", resident_kib / 1024, "MiB"))
    return figures


def run(scale: float) -> list[BenchResult]:
    application()  # the one QApplication, styled as in the app
    count = max(200, int(10_000 * scale))
    full = scale >= 1
    with tempfile.TemporaryDirectory() as folder:
        paths, rows = _make_profile(Path(folder), count)
        return [
            filter_benchmark(rows, repeats=5 if full else 1),
            cold_start_benchmark(paths, repeats=7 if full else 1),
            *memory_benchmarks(paths, count),
        ]
