"""`make run`: a demo profile of fictional cases, made once with a printed passphrase and
enrolled with a local central service run as a child process (started, reused, stopped),
and a one-line explanation (with the xvfb-run way) when there is no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rhi_desktop.config import Settings
from rhi_desktop.demo import SURNAMES
from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import open_profile
from sync.device import sync_engine
from sync.engine import SyncOutcome
from tests.ui.conftest import START
from ui.demo import DEMO_PASSPHRASE, LocalCentral, prepare

ROOT = Path(__file__).resolve().parents[2]


def test_without_a_display_it_says_so_in_one_line_and_how_to_use_xvfb(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "ui.demo", "--dir", str(tmp_path / "demo")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "xvfb-run -a make run" in lines[0]
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "demo").exists()


def test_the_demo_profile_is_made_once_and_opens_with_the_printed_passphrase(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "demo"
    assert prepare(folder, children=12, now=START) is True
    paths = ProfilePaths(folder)
    profile = open_profile(paths, DEMO_PASSPHRASE, Settings.load(paths), None)
    with profile.store as store:
        children = store.children.all()
        assert len(children) == 12
        assert all(child.name.split()[-1] in SURNAMES for child in children)
        assert store.interviews.count() == 12
    assert prepare(folder, children=12, now=START) is False  # reused, not remade


def test_make_run_serves_a_local_central_service_and_the_demo_data_syncs_to_it(
    tmp_path: Path,
) -> None:
    service = LocalCentral(tmp_path / "central", port=0)
    try:
        service.start()
        assert service.owned and service.running and LocalCentral.answers(service.port)
        assert prepare(tmp_path / "demo", children=8, now=START, service=service) is True

        paths = ProfilePaths(tmp_path / "demo")
        profile = open_profile(paths, DEMO_PASSPHRASE, Settings.load(paths), None)
        with profile.store as store:
            enrolment = store.sync_state.enrolment()
            assert enrolment is not None and enrolment.server_url == service.url
            assert enrolment.role == "interviewer"
            mine = store.interviews.count()
            with sync_engine(profile, None, Settings.load(paths)) as engine:
                report = engine.run()
            assert report.outcome is SyncOutcome.SENT, report.summary()
            assert report.quarantined == 0 and report.pending == 0
            assert report.push.applied == report.push.sent > mine
            assert store.interviews.count() == mine + 3  # the service's demo assignments

        # A coordinator's profile on the same service sees the team's submitted work.
        assert prepare(tmp_path / "coordinator", service=service, role="coordinator")
        coordinator_paths = ProfilePaths(tmp_path / "coordinator")
        coordinator = open_profile(
            coordinator_paths, DEMO_PASSPHRASE, Settings.load(coordinator_paths), None
        )
        with coordinator.store as store:
            with sync_engine(coordinator, None, Settings.load(coordinator_paths)) as engine:
                seen = engine.run()
            assert seen.outcome is SyncOutcome.SENT, seen.summary()
            assert store.interviews.list_by_state(InterviewState.SUBMITTED)
    finally:
        service.stop()
    assert not service.running and not LocalCentral.answers(service.port)

    # A later run reuses the service's data and the enrolled profile.
    again = LocalCentral(tmp_path / "central", port=0)
    try:
        again.start()
        assert prepare(tmp_path / "demo", service=again) is False
        profile = open_profile(paths, DEMO_PASSPHRASE, Settings.load(paths), None)
        with profile.store as store:
            later = store.sync_state.enrolment()
            assert later is not None and later.user_id == enrolment.user_id
            assert later.server_url == again.url
    finally:
        again.stop()
    assert not again.running
