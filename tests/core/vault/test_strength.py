"""The passphrase strength rule: three random words pass, well-known and short ones do
not, every verdict comes with its reasons, and a new passphrase that fails is refused."""

from __future__ import annotations

import pytest

from rhi_desktop.vault import VaultError, WeakPassphraseError
from rhi_desktop.vault.strength import Finding, Verdict, estimate, require_strong


@pytest.mark.parametrize(
    "passphrase",
    ["purple tractor sandwich", "lantern-Oyster-gravel-41", "Siân Łukasz ffordd cwm"],
)
def test_three_or_more_random_words_are_good_enough(passphrase: str) -> None:
    strength = estimate(passphrase)
    assert strength.acceptable and strength.verdict >= Verdict.FAIR
    assert Finding.SEVERAL_WORDS in strength.findings and strength.words >= 3


@pytest.mark.parametrize(
    ("passphrase", "finding"),
    [
        ("", Finding.EMPTY),
        ("   ", Finding.EMPTY),
        ("password123", Finding.COMMON),
        ("Correct Horse Battery Staple", Finding.COMMON),
        ("x7#Kp!2mQ9", Finding.TOO_SHORT),
        ("aaaaaaaaaaaaaaaaaaaa", Finding.REPEATS_OR_RUNS),
        ("abcdefghijklmnopqrst", Finding.REPEATS_OR_RUNS),
        ("two words", Finding.FEW_WORDS),
    ],
)
def test_weak_passphrases_are_refused_with_the_reason(passphrase: str, finding: Finding) -> None:
    strength = estimate(passphrase)
    assert not strength.acceptable
    assert finding in strength.findings


def test_more_words_never_make_a_passphrase_weaker() -> None:
    words = ["lantern", "oyster", "gravel", "kettle", "meadow", "copper"]
    bits = [estimate(" ".join(words[:n])).bits for n in range(1, len(words) + 1)]
    assert bits == sorted(bits) and bits[-1] > bits[2] > bits[0]
    assert estimate(" ".join(words)).verdict is Verdict.VERY_STRONG


@pytest.mark.parametrize("passphrase", ["a", "password123", "Correct Horse Battery Staple"])
def test_a_weak_new_passphrase_is_refused_without_repeating_it(passphrase: str) -> None:
    with pytest.raises(WeakPassphraseError) as refused:
        require_strong(passphrase)
    assert isinstance(refused.value, VaultError)
    message = str(refused.value)
    assert message.startswith("That passphrase is too easy to guess")
    assert "3 or more random, unrelated words, at least 12 characters" in message
    if len(passphrase) > 1:
        assert passphrase.casefold() not in message.casefold()


def test_an_acceptable_passphrase_passes_the_rule() -> None:
    require_strong("lantern oyster gravel kettle")
