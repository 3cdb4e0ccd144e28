"""Where the app's read-only resources (forms, icons, translations, stylesheet) live.

Run from the repository or a virtual environment they are the `resources/` folder beside
the packages; in the frozen bundle (PyInstaller) they are `resources/` under the bundle's
library folder, which the build lays out the same way. Code asks here instead of working
the path out from its own `__file__`, so both layouts keep working.
"""

from __future__ import annotations

import sys
from pathlib import Path

RESOURCES_DIR_NAME = "resources"


def resources_dir() -> Path:
    """The folder holding `forms/`, `icons/`, `translations/`, `style/` and the example policy."""
    bundle_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and isinstance(bundle_root, str):
        return Path(bundle_root) / RESOURCES_DIR_NAME
    return Path(__file__).resolve().parents[1] / RESOURCES_DIR_NAME


def resource_path(*parts: str) -> Path:
    """A file or folder inside the resources, e.g. `resource_path("forms", "rhi-v1.json")`."""
    return resources_dir().joinpath(*parts)
