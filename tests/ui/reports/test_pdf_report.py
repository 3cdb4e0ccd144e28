"""`rhi-desktop export report` as a person or a scheduler runs it: a separate process on
a demo profile, without a display, making the PDF monthly report. Each page is rendered
with pdftoppm and kept as an artifact; none is blank, and no child's name is in it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtGui import QImage

from rhi_desktop.config import Settings
from rhi_desktop.demo import generate
from rhi_desktop.demo_answers import answer_maker
from rhi_desktop.domain.deadlines import london_date
from rhi_desktop.forms import load_bundled_form
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.reports.periods import Period
from rhi_desktop.reports.verification import verify_month
from rhi_desktop.retention import purge_expired
from rhi_desktop.session import LOCAL_ACTOR, create_profile, open_profile
from sync.trust_environment import TRUST_FROM_ENVIRONMENT
from tests.ui.conftest import PASSPHRASE
from tests.ui.driving import distinct_colours

ROOT = Path(__file__).resolve().parents[3]
NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
PDFTOPPM = "/usr/bin/pdftoppm"
PDFTOTEXT = "/usr/bin/pdftotext"


def _demo_profile(paths: ProfilePaths) -> list[str]:
    """A profile seeded as `rhi-desktop demo-seed` seeds one; returns the children's names."""
    profile = create_profile(paths, PASSPHRASE, Settings.load(paths), None)
    with profile.store as store:
        answers = answer_maker(load_bundled_form("rhi-v1.json"))
        cases = list(generate(40, interviewer_id=LOCAL_ACTOR, now=NOW, answers=answers))
        with store.transaction(LOCAL_ACTOR) as tx:
            tx.children.add_many([case.child for case in cases])
            tx.episodes.add_many([e for case in cases for e in case.episodes])
            tx.interviews.add_many([i for case in cases for i in case.interviews])
            tx.offers.add_many([o for case in cases for o in case.offers])
            tx.reviews.add_many([r for case in cases for r in case.reviews])
    return [c.child.name for c in cases] + [
        c.child.preferred_name for c in cases if c.child.preferred_name
    ]


def _export_report(
    paths: ProfilePaths, out: Path, *options: str
) -> subprocess.CompletedProcess[str]:
    # Nor the CA locations some machines set: the app forgets them, saying so on stderr.
    left_out = {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", *TRUST_FROM_ENVIRONMENT}
    env = {k: v for k, v in os.environ.items() if k not in left_out}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "ui.app",
            "export",
            "report",
            *options,
            "--profile",
            str(paths.root),
            "--passphrase-stdin",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        env=env,
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_export_report_makes_a_pdf_with_non_blank_pages_and_no_names(
    tmp_path: Path, artifacts_dir: Path
) -> None:
    paths = ProfilePaths(tmp_path / "profile")
    names = _demo_profile(paths)
    out = tmp_path / "report-2026-10.pdf"
    done = _export_report(paths, out, "--month", "2026-10")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"Wrote the 3-page monthly report for 2026-10 to {out} (pdf).\n"
    assert done.stderr == ""
    assert out.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600

    prefix = tmp_path / "page"
    subprocess.run([PDFTOPPM, "-r", "60", "-png", str(out), str(prefix)], check=True, timeout=60)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 3
    for number, page in enumerate(pages, start=1):
        image = QImage(str(page))
        assert not image.isNull()
        assert distinct_colours(image) > 8, f"page {number} is blank"
        assert image.save(str(artifacts_dir / f"reports-05-monthly-report-page-{number}.png"))

    text = subprocess.run(
        [PDFTOTEXT, "-layout", str(out), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "October 2026" in text and "Provisional" in text and "Page 3 of 3" in text
    assert "Found episodes" in text and "Push factors" in text
    assert names and not [name for name in names if name in text]

    profile = open_profile(paths, PASSPHRASE, Settings.load(paths), None)
    with profile.store as store:
        event = [e for e in store.audit.events() if e.action == "export"][-1]
    assert dict(event.detail) == {
        "kind": "report",
        "format": "pdf",
        "rows": 3,
        "first_day": "2026-10-01",
        "last_day": "2026-10-31",
    }


def test_a_filtered_report_says_so_on_every_page(tmp_path: Path) -> None:
    paths = ProfilePaths(tmp_path / "profile")
    _demo_profile(paths)
    out = tmp_path / "report-2026-10-uasc.pdf"
    done = _export_report(paths, out, "--month", "2026-10", "--uasc", "yes", "--type", "A")
    assert done.returncode == 0, done.stderr
    for number in (1, 2, 3):
        page = subprocess.run(
            [PDFTOTEXT, "-f", str(number), "-l", str(number), str(out), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        heading = " ".join(page.split())
        assert "RHI monthly report, October 2026, UASC, type A only:" in heading, number


def test_a_verified_months_themes_say_they_are_not_part_of_the_verification(
    tmp_path: Path,
) -> None:
    paths = ProfilePaths(tmp_path / "profile")
    _demo_profile(paths)
    profile = open_profile(paths, PASSPHRASE, Settings.load(paths), None)
    with profile.store as store:
        verify_month(store, Period.parse_month("2026-10"), LOCAL_ACTOR)
    out = tmp_path / "report-2026-10.pdf"
    done = _export_report(paths, out, "--month", "2026-10")
    assert done.returncode == 0, done.stderr
    themes_page = subprocess.run(
        [PDFTOTEXT, "-f", "3", "-l", "3", str(out), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    text = " ".join(unicodedata.normalize("NFKC", themes_page).split())  # ligatures: fi
    assert "October 2026: Verified" in text
    assert "Themes are not part of the verified figures" in text


def test_export_report_refuses_a_range_in_one_line(tmp_path: Path) -> None:
    paths = ProfilePaths(tmp_path / "no-profile")
    done = _export_report(paths, tmp_path / "r.pdf", "--from", "2026-01-01", "--to", "2026-02-01")
    assert done.returncode == 1
    assert done.stderr == "rhi-desktop: export report needs --month, e.g. --month 2026-01.\n"
    assert not (tmp_path / "r.pdf").exists()


def test_export_help_lists_the_report() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ui.app", "export", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    words = " ".join(done.stdout.split())
    assert done.returncode == 0
    assert "kpi, ssda903-missing, annex-a-list8, geojson, report" in words
    assert "or report (the monthly PDF)" in words


def test_the_report_says_which_figures_may_be_short_after_the_purge(tmp_path: Path) -> None:
    paths = ProfilePaths(tmp_path / "profile")
    _demo_profile(paths)
    profile = open_profile(paths, PASSPHRASE, Settings.load(paths), None)
    with profile.store as store:
        with store.transaction(LOCAL_ACTOR) as tx:  # the service has it all: nothing waits
            tx.outbox.mark_sent([entry.change_id for entry in tx.outbox.pending(100_000)])
        purged = purge_expired(store, LOCAL_ACTOR, now=NOW + timedelta(days=60))
        reached = store.retention.removed_through()
    assert purged.interviews and reached is not None
    out = tmp_path / "report-2026-10.pdf"
    done = _export_report(paths, out, "--month", "2026-10")
    assert done.returncode == 0, done.stderr
    text = " ".join(
        subprocess.run(
            [PDFTOTEXT, str(out), "-"], check=True, capture_output=True, text=True
        ).stdout.split()
    )
    assert (
        f"Records up to {london_date(reached):%d/%m/%Y} have been removed from this computer "
        "under the retention policy"
    ) in text
    # October's own records are all here; its 12-month look-back reaches the purged ones.
    assert "may be lower than the true count: Repeat missing children (last 12 months)." in text
    assert "months up to then may show fewer than there were" in text  # the trend page
