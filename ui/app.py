"""The `rhi-desktop` entry point: the composition root.

Headless subcommands are dispatched to the layer that implements them without creating a
QApplication (or importing Qt at all); anything else starts the desktop app.
"""

from __future__ import annotations

import sys

from rhi_desktop.no_core_dumps import forbid_core_dumps
from sync.trust_environment import forget_trust_from_environment
from ui.display import has_display


def main(argv: list[str] | None = None) -> int:
    forbid_core_dumps()  # before any passphrase is read or key unwrapped
    forget_trust_from_environment()  # before any thread runs
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
    if args and args[0] in ("-h", "--help"):
        return _print_help()
    from rhi_desktop import cli

    if args and (args[0] in cli.COMMANDS or args[0] == "--version"):
        return cli.main(args)
    from sync import cli as sync_cli

    if args and args[0] in sync_cli.COMMANDS:
        return sync_cli.main(args)
    from ui.window import profile_paths

    profile_paths(args)  # a mistyped command is a usage error (exit 2), display or not
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


# Commands the core's parser does not know, which IT's guide tells them to use.
_MORE_COMMANDS = {
    "diagnose": "what support needs to know about this installation, with no personal data",
    "export report": "the monthly report as a PDF, headless",
    "--self-test": "prove, headless, that this installation works end to end",
}


def _print_help() -> int:
    """Every command in one list: the core's, the sync layer's and this layer's own."""
    from rhi_desktop import cli
    from sync import cli as sync_cli

    cli.build_parser().print_help()
    more = {name: text for name, (_, text) in sync_cli.COMMANDS.items()} | _MORE_COMMANDS
    width = max(len(name) for name in more)
    print("\nmore commands:")
    for name, text in more.items():
        print(f"  {name:<{width}}  {text}")
    print("\nWith no command, rhi-desktop starts the desktop app.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
