"""The example policy IT copies: loads as shipped, and loads with every example switched on."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from rhi_desktop.config import CATALOGUE, Settings, SourceKind, load_policy

EXAMPLE = Path(__file__).resolve().parents[3] / "resources" / "policy.example.toml"
EXAMPLE_LINE = re.compile(r"^# (?P<key>[a-z_]+) = (?P<value>.+)$")


def example_lines() -> dict[str, str]:
    found: dict[str, str] = {}
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        match = EXAMPLE_LINE.match(line)
        if match:
            assert match["key"] not in found, f"{match['key']} appears twice"
            found[match["key"]] = match["value"]
    return found


def test_the_example_policy_loads_as_shipped_and_fixes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "policy.toml"
    target.write_bytes(EXAMPLE.read_bytes())

    policy = load_policy(target)

    assert policy.present
    assert dict(policy.values) == {}


def test_the_example_policy_shows_every_key_once() -> None:
    assert list(example_lines()) == list(CATALOGUE)


def test_the_example_documents_each_keys_type_and_default() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    for name in CATALOGUE:
        block = text[: text.index(f"# {name} = ")].rsplit("\n\n", 1)[-1]
        assert "Type:" in block, name
        assert "Default:" in block, name


def test_the_example_policy_loads_with_every_example_switched_on(
    tmp_path: Path, ca_file: Path, recovery_key_file: Path
) -> None:
    lookup = tmp_path / "postcodes.csv"
    lookup.write_text("postcode,lat,lon\n", encoding="utf-8")
    real_files = {
        "ca_bundle": ca_file,
        "recovery_public_key": recovery_key_file,
        "postcode_lookup": lookup,
    }
    out: list[str] = []
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        match = EXAMPLE_LINE.match(line)
        if match and match["key"] in real_files:
            out.append(f'{match["key"]} = "{real_files[match["key"]]}"')
        elif match:
            out.append(line.removeprefix("# "))
        else:
            out.append(line)
    target = tmp_path / "policy.toml"
    target.write_text("\n".join(out) + "\n", encoding="utf-8")

    settings = Settings.load(None, policy_path=target)

    assert all(settings.source(name).kind is SourceKind.POLICY for name in CATALOGUE)
    for name, value in example_lines().items():
        if name not in real_files:
            assert settings.get(CATALOGUE[name]) == tomllib.loads(f"v = {value}")["v"], name
    assert settings.ca_bundle == ca_file
    assert settings.recovery_public_key == recovery_key_file
    assert settings.postcode_lookup == lookup
