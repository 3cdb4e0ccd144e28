"""`python -m rhi_packaging COMMAND`: the steps packaging/build.sh runs after PyInstaller.

manifest   --bundle DIR --out FILE [--platform NAME]   describe the built bundle
deb        --bundle DIR --manifest FILE --out DIR      stage and build the .deb
wix-files  --manifest FILE --out FILE                  write files.wxs for the MSI
inputs-digest                                          what the bundle is built from
"""

from __future__ import annotations

import argparse
import sys
import sysconfig
from pathlib import Path

from rhi_packaging import debian, manifest, wix
from rhi_packaging.inputs import inputs_digest

REPO = Path(__file__).resolve().parents[2]
PROGRAMS = ("rhi-desktop", "rhi-central")
WINDOWS_PROGRAMS = ("rhi-desktop.exe", "rhi-central.exe", "rhi-desktop-cli.exe")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rhi_packaging")
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("manifest", help="describe the built bundle")
    make.add_argument("--bundle", type=Path, required=True)
    make.add_argument("--out", type=Path, required=True)
    make.add_argument("--platform", default=sysconfig.get_platform())
    deb = commands.add_parser("deb", help="stage and build the Debian package")
    deb.add_argument("--bundle", type=Path, required=True)
    deb.add_argument("--manifest", type=Path, required=True)
    deb.add_argument("--out", type=Path, required=True, help="folder for the .deb")
    deb.add_argument("--staging", type=Path, help="staging folder (default: next to --out)")
    files = commands.add_parser("wix-files", help="write files.wxs for the MSI")
    files.add_argument("--manifest", type=Path, required=True)
    files.add_argument("--out", type=Path, required=True)
    commands.add_parser("inputs-digest", help="print a digest of the bundle's inputs")
    args = parser.parse_args(argv)
    try:
        if args.command == "manifest":
            windows = args.platform.startswith("win")
            described = manifest.scan_bundle(
                args.bundle,
                app="rhi-desktop",
                version=manifest.project_version(REPO / "pyproject.toml"),
                platform=args.platform,
                executables=WINDOWS_PROGRAMS if windows else PROGRAMS,
            )
            manifest.write_manifest(described, args.out)
            size_mb = described.total_bytes() / 1e6
            print(f"{args.out}: {len(described.entries)} entries, {size_mb:.1f} MB")
        elif args.command == "deb":
            described = manifest.read_manifest(args.manifest)
            problems = manifest.verify_bundle(described, args.bundle)
            if problems:
                raise manifest.ManifestError(
                    f"{args.bundle} differs from {args.manifest}: " + "; ".join(problems[:5])
                )
            arch = debian.architecture()
            staging = args.staging or args.out / "deb-root"
            root = debian.stage(
                described, args.bundle, debian.Sources.from_repo(REPO), staging, arch
            )
            print(debian.build_deb(root, args.out, described, arch))
        elif args.command == "inputs-digest":
            print(inputs_digest(REPO))
        else:
            described = manifest.read_manifest(args.manifest)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(wix.files_wxs(described), encoding="utf-8")
            print(f"{args.out}: {len(described.entries)} files")
    except manifest.ManifestError as exc:
        print(f"rhi_packaging: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
