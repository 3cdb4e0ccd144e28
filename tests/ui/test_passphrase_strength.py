"""The passphrase meter: three random words pass, well-known and short ones do not, and
every verdict comes with its reasons."""

from __future__ import annotations

import pytest

from ui.passphrase_strength import Finding, Verdict, estimate


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
