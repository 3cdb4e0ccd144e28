"""Reading back what each installer would install, to compare them with the manifest."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path, PurePosixPath

WIX = "{http://wixtoolset.org/schemas/v4/wxs}"


def deb_paths(deb: Path) -> dict[str, str]:
    """Every path in the .deb (without the leading '.') -> its `ls -l`-style type and mode."""
    listing = subprocess.run(
        ["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True, check=True
    ).stdout
    names = subprocess.run(
        ["tar", "-tvf", "-"], input=listing, capture_output=True, check=True
    ).stdout.decode("utf-8")
    found = {}
    for line in names.splitlines():
        mode, _owner, _size, _date, _time, name = line.split(None, 5)
        name = name.split(" -> ", 1)[0]
        if name.startswith("./"):
            name = name[1:]
        found[name.rstrip("/") or "/"] = mode
    return found


def wix_files(files_wxs: Path) -> dict[str, ET.Element]:
    """Install path (relative to INSTALLFOLDER, forward slashes) -> its File element."""
    root = ET.parse(files_wxs).getroot()  # noqa: S314 - a file this build just wrote
    found = {}
    for component in root.iter(f"{WIX}Component"):
        files = component.findall(f"{WIX}File")
        assert len(files) == 1, "one file per component"
        sub = component.get("Subdirectory")
        folder = PurePosixPath(sub.replace("\\", "/")) if sub else PurePosixPath()
        found[str(folder / files[0].attrib["Name"])] = files[0]
    return found
