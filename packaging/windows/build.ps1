# Builds the MSI on Windows (x64): the frozen bundle, its manifest, files.wxs, then WiX.
#
# Needs, once per build machine:
#   py -3.11 -m venv .venv
#   .venv\Scripts\python -m pip install -e ".[gui,package]"
#   dotnet tool install --global wix --version 4.0.5
#   wix extension add --global WixToolset.Util.wixext/4.0.5
#
# Then, from the repository root:  powershell -File packaging\windows\build.ps1
# Output: build\package\rhi-desktop-<version>-x64.msi
param([string]$Python = ".venv\Scripts\python.exe")
$ErrorActionPreference = "Stop"
Set-Location (Resolve-Path "$PSScriptRoot\..\..")

$out = "build\package"
$bundle = "$out\dist\rhi-desktop"
$version = & $Python -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])"

& $Python -m PyInstaller packaging\rhi-desktop.spec --distpath "$out\dist" --workpath "$out\work" --noconfirm --log-level WARN
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

$env:PYTHONPATH = "packaging"
& $Python -m rhi_packaging manifest --bundle $bundle --out "$out\bundle-manifest.json"
if ($LASTEXITCODE -ne 0) { throw "writing the bundle manifest failed" }
& $Python -m rhi_packaging wix-files --manifest "$out\bundle-manifest.json" --out "$out\files.wxs"
if ($LASTEXITCODE -ne 0) { throw "writing files.wxs failed" }

wix build -arch x64 -ext WixToolset.Util.wixext -d "Version=$version" `
    -bindpath "Bundle=$bundle" -bindpath "Repo=." `
    packaging\windows\rhi-desktop.wxs "$out\files.wxs" `
    -o "$out\rhi-desktop-$version-x64.msi"
if ($LASTEXITCODE -ne 0) { throw "wix build failed" }

# The installed app proves itself the same way as on Linux.
& "$bundle\rhi-desktop-cli.exe" --self-test
if ($LASTEXITCODE -ne 0) { throw "the bundle's self-test failed" }
