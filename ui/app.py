"""The `rhi-desktop` entry point: the composition root.

Headless subcommands are dispatched to the layer that implements them without creating a
QApplication (or importing Qt at all); anything else starts the desktop app.
"""

from __future__ import annotations

import sys

from rhi_desktop.no_core_dumps import forbid_core_dumps
from ui.display import has_display


def main(argv: list[str] | None = None) -> int:
    forbid_core_dumps()  # before any passphrase is read or key unwrapped
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "--self-test":
        from ui.self_test import run_self_test

        return run_self_test(args[1:])
    if args and args[0] == "diagnose":
        from ui.diagnose import run_diagnose

        return run_diagnose(args[1:])
    if args[:2] == ["export", "report"]:  # the PDF needs Qt, so not the core's export
        from ui.reports import pdf_command

        return pdf_command.main(args)
    from rhi_desktop import cli

    if args and (args[0] in cli.COMMANDS or args[0] in ("-h", "--help", "--version")):
        return cli.main(args)
    from sync import cli as sync_cli

    if args and args[0] in sync_cli.COMMANDS:
        return sync_cli.main(args)
    if not has_display():
        print(
            "rhi-desktop: no display found; run it under a virtual one with: "
            "xvfb-run -a rhi-desktop",
            file=sys.stderr,
        )
        return 1
    from ui.sync_bridge import enrol_with_service
    from ui.window import run_gui

    return run_gui(args, enroller=enrol_with_service)


if __name__ == "__main__":
    sys.exit(main())
