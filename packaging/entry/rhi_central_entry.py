"""Frozen entry point of `rhi-central`: the same command line as the venv script."""

import sys

from sync.server.cli import main

if __name__ == "__main__":
    sys.exit(main())
