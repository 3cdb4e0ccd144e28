"""`make run`: the desktop app on a demo profile of fictional cases.

    python -m ui.demo --dir .demo

The first run creates the profile (passphrase-only, so no demo secret lands in this
computer's keystore) and fills it from `rhi_desktop.demo`; later runs reuse it. The
demo passphrase is fixed and printed, because the data is fiction and the point is to
let anyone try the app. Without a display it says how to run under a virtual one.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path

from rhi_desktop.config import Settings
from rhi_desktop.demo import generate
from rhi_desktop.domain.deadlines import utc_now
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import LOCAL_ACTOR, create_profile

DEMO_PASSPHRASE = "demo lantern oyster gravel"  # noqa: S105 - fictional data, printed on purpose
DEMO_CHILDREN = 60
NO_DISPLAY = (
    "No display found, so the app cannot open a window here; run it under a virtual "
    "display instead: xvfb-run -a make run"
)


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def prepare(directory: Path, *, children: int = DEMO_CHILDREN, now: datetime | None = None) -> bool:
    """Make the demo profile in `directory` unless it is already there; True if made."""
    paths = ProfilePaths(directory)
    if paths.vault.exists():
        return False
    profile = create_profile(paths, DEMO_PASSPHRASE, Settings.load(paths), None)
    with profile.store as store:
        cases = list(generate(children, interviewer_id=LOCAL_ACTOR, now=now or utc_now()))
        with store.transaction(profile.actor) as tx:
            tx.children.add_many([c.child for c in cases])
            tx.episodes.add_many([e for c in cases for e in c.episodes])
            tx.interviews.add_many([i for c in cases for i in c.interviews])
            tx.offers.add_many([o for c in cases for o in c.offers])
            tx.reviews.add_many([r for c in cases for r in c.reviews])
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.demo")
    parser.add_argument("--dir", type=Path, default=Path(".demo"), help="demo profile folder")
    parser.add_argument("--children", type=int, default=DEMO_CHILDREN, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    made = prepare(args.dir, children=args.children)
    where = args.dir.resolve()
    print(f"{'Created' if made else 'Using'} the demo profile in {where} (fictional data).")
    print(f"Demo passphrase: {DEMO_PASSPHRASE}")
    from ui.window import run_gui

    return run_gui(["--profile", str(args.dir)])


if __name__ == "__main__":
    sys.exit(main())
