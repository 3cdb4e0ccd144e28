"""A simple, explainable passphrase strength estimate for every new passphrase.

Deliberately small and honest about what it measures: length, the kinds of character
used, how many separate words there are, and obvious weaknesses (a well-known password,
repeated characters, runs like "abc" or "123"). It follows the NCSC's "three random
words" advice: several unrelated words make a long passphrase that people can remember,
so word count counts for more than symbols. Each finding is a `Finding` the first-run
wizard turns into a plain sentence, so the person sees why, not just a colour.

The same rule guards the headless commands that set a new passphrase (`require_strong`):
in passphrase-only mode the passphrase is all that stands between a copied vault file and
the data, and Argon2id only slows guessing down. The estimate is a guide, not a
guarantee; opening a profile never applies it, so an existing passphrase always works.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from rhi_desktop.vault.errors import WeakPassphraseError

MIN_LENGTH = 12
MIN_WORDS = 3
# Bits credited per separate word: a word picked at random from the many thousands a
# person knows. People do not pick words uniformly, so this stays modest.
BITS_PER_WORD = 12.0
_WORD = re.compile(r"[^\W\d_]{3,}")
_SEPARATORS = re.compile(r"[\s\-_.,;:+/]+")
_THRESHOLDS = (20.0, 30.0, 40.0, 55.0)  # bits for weak, fair, strong, very strong

# A few of the passwords attackers try first; enough to catch the obvious ones.
_COMMON = frozenset(
    {
        "password",
        "password1",
        "password123",
        "passw0rd",
        "123456",
        "12345678",
        "123456789",
        "1234567890",
        "qwerty",
        "qwerty123",
        "qwertyuiop",
        "letmein",
        "welcome",
        "welcome1",
        "iloveyou",
        "admin",
        "abc123",
        "monkey",
        "football",
        "dragon",
        "sunshine",
        "princess",
        "trustno1",
        "baseball",
        "superman",
        "changeme",
        "correcthorsebatterystaple",
    }
)


class Verdict(IntEnum):
    VERY_WEAK = 0
    WEAK = 1
    FAIR = 2
    STRONG = 3
    VERY_STRONG = 4


class Finding(StrEnum):
    """One reason behind the verdict; the wizard words each for the person."""

    EMPTY = "empty"
    COMMON = "common"
    TOO_SHORT = "too_short"
    FEW_WORDS = "few_words"
    REPEATS_OR_RUNS = "repeats_or_runs"
    ONE_KIND_OF_CHARACTER = "one_kind_of_character"
    LONG = "long"
    SEVERAL_WORDS = "several_words"
    MIXED_CHARACTERS = "mixed_characters"


@dataclass(frozen=True, slots=True)
class Strength:
    verdict: Verdict
    bits: float  # rough guessing effort, in bits
    length: int
    words: int
    findings: tuple[Finding, ...]

    @property
    def acceptable(self) -> bool:
        """Good enough to protect case data: at least fair, and not a known password."""
        return self.verdict >= Verdict.FAIR and Finding.COMMON not in self.findings


def estimate(passphrase: str) -> Strength:
    """Estimate how hard `passphrase` is to guess, with the reasons."""
    length = len(passphrase)
    if not passphrase.strip():
        return Strength(Verdict.VERY_WEAK, 0.0, length, 0, (Finding.EMPTY,))
    words = _word_count(passphrase)
    classes = _character_classes(passphrase)
    effective = _effective_length(passphrase)
    findings: list[Finding] = []

    char_bits = effective * math.log2(_pool_size(classes))
    if words >= 2:
        # Words are not random letters: credit each word, plus a little for extras.
        extras = sum(1 for c in passphrase if not c.isalpha() and not c.isspace())
        bits = min(char_bits, words * BITS_PER_WORD + 3.3 * min(extras, 4))
    else:
        # One word or a jumble: people's choices are far from uniform, so halve it.
        bits = char_bits / 2

    normalised = re.sub(r"[\s\-_.]", "", passphrase.casefold())
    if normalised in _COMMON:
        findings.append(Finding.COMMON)
        bits = min(bits, 10.0)
    if effective < length * 0.75:
        findings.append(Finding.REPEATS_OR_RUNS)
    if length < MIN_LENGTH:
        findings.append(Finding.TOO_SHORT)
        bits = min(bits, _THRESHOLDS[1] - 0.1)
    if words < MIN_WORDS:
        findings.append(Finding.FEW_WORDS)
    if len(classes) == 1 and words < 2:
        findings.append(Finding.ONE_KIND_OF_CHARACTER)
    if length >= 20:
        findings.append(Finding.LONG)
    if words >= MIN_WORDS:
        findings.append(Finding.SEVERAL_WORDS)
    if len(classes) >= 3:
        findings.append(Finding.MIXED_CHARACTERS)
    verdict = Verdict(sum(1 for threshold in _THRESHOLDS if bits >= threshold))
    return Strength(verdict, round(bits, 1), length, words, tuple(findings))


def require_strong(passphrase: str) -> None:
    """Refuse a new passphrase the estimate does not find acceptable."""
    if not estimate(passphrase).acceptable:
        raise WeakPassphraseError(MIN_WORDS, MIN_LENGTH)


def _word_count(text: str) -> int:
    return sum(1 for part in _SEPARATORS.split(text) if _WORD.fullmatch(part))


def _character_classes(text: str) -> set[str]:
    classes = set()
    for char in text:
        if char.isascii() and char.islower():
            classes.add("lower")
        elif char.isascii() and char.isupper():
            classes.add("upper")
        elif char.isdigit():
            classes.add("digit")
        elif char.isspace():
            classes.add("space")
        elif char.isascii():
            classes.add("symbol")
        else:
            classes.add("other")
    return classes


def _pool_size(classes: set[str]) -> int:
    sizes = {"lower": 26, "upper": 26, "digit": 10, "space": 1, "symbol": 32, "other": 100}
    return max(2, sum(sizes[c] for c in classes))


def _effective_length(text: str) -> float:
    """Length with repeated characters and runs like 'abc'/'321' counted once."""
    if not text:
        return 0.0
    count = 1.0
    for previous, current in itertools.pairwise(text):
        step = ord(current) - ord(previous)
        if step == 0 or (abs(step) == 1 and current.isalnum() and previous.isalnum()):
            continue
        count += 1
    return count
