"""Frozen entry point of `rhi-desktop`: the same composition root as the venv script."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
