"""Build steps after PyInstaller: the bundle manifest, the Debian package, the WiX file list.

The manifest, written from the built bundle, is the one list of files both installers
ship: the Debian package is staged from it and the MSI's `files.wxs` is generated from
it, so the two cannot drift apart. Run as `python -m rhi_packaging` with `packaging/` on
`sys.path` (packaging/build.sh does); the name avoids the unrelated `packaging` library.
"""
