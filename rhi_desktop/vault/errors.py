"""What can go wrong with a profile's key, in words the person at the keyboard can act on.

Messages never contain a passphrase, key material or a traceback: they may be copied
into a support ticket. `str(error)` is the English wording for the command line and
for IT; the app words each error itself, in the person's language, from the type and
the attributes kept on it.
"""

from __future__ import annotations

import math


class VaultError(Exception):
    """Base of every key-vault failure."""


class VaultMissing(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "This profile has no key file (vault.json), so its data cannot be opened. "
            "If the profile was wiped, set it up again; otherwise ask IT to restore it."
        )


class VaultExists(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "This profile already has a key file (vault.json); a new one would make its "
            "data unreadable. Unlock the existing profile or choose another folder."
        )


class VaultCorrupt(VaultError):
    """vault.json is unreadable, damaged or has been altered."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(
            f"This profile's key file (vault.json) is damaged or has been altered: {problem}. "
            "Do not delete the profile; ask IT to restore vault.json or to recover the "
            "profile with the organisation recovery key."
        )


class VaultFromAnotherProfile(VaultError):
    """vault.json records a different database salt from the one rhi.db starts with:
    either file may have been replaced, or the start of the database damaged, so the
    wording blames neither."""

    def __init__(self) -> None:
        super().__init__(
            "This profile's key file (vault.json) and its database (rhi.db) do not belong "
            "together: one of them was replaced, or the start of the database is damaged. "
            "The passphrase was not tried and nothing was changed. Do not delete either "
            "file: restore both from the same backup, or ask IT."
        )


class VaultFromNewerApp(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "This profile's key file was written by a newer version of RHI Desktop. "
            "Update the app (ask IT) to open it."
        )


class UnacceptablePassphrase(VaultError):
    """The passphrase is empty or only spaces."""

    def __init__(self) -> None:
        super().__init__("That passphrase cannot be used: it is empty.")


class WeakPassphraseError(VaultError):
    """A new passphrase is too easy to guess to protect case data.

    Raised before anything is written. It keeps the rule, never the passphrase.
    """

    def __init__(self, min_words: int, min_length: int) -> None:
        self.min_words = min_words
        self.min_length = min_length
        super().__init__(
            "That passphrase is too easy to guess, so it was not used. Choose "
            f"{min_words} or more random, unrelated words, at least {min_length} "
            "characters in all, and not a well-known password."
        )


class WrongPassphrase(VaultError):
    """The passphrase (with this computer's keystore share, if any) did not open the key."""

    def __init__(
        self, failures: int, retry_after_seconds: float, attempts_before_wipe: int | None
    ) -> None:
        self.failures = failures
        self.retry_after_seconds = retry_after_seconds
        self.attempts_before_wipe = attempts_before_wipe
        parts = ["That passphrase is not right. Check Caps Lock and the keyboard layout."]
        if retry_after_seconds > 0:
            parts.append(f"You can try again in {describe_wait(retry_after_seconds)}.")
        if attempts_before_wipe is not None:
            parts.append(
                f"After {attempts_before_wipe} more wrong "
                f"{'attempt' if attempts_before_wipe == 1 else 'attempts'} the data on this "
                "computer will be erased (unsynced work is lost)."
            )
        super().__init__(" ".join(parts))


class UnlockDelayed(VaultError):
    """Raised while the back-off after wrong passphrases runs; nothing was checked."""

    def __init__(self, retry_after_seconds: float) -> None:
        self.retry_after_seconds = retry_after_seconds
        super().__init__(
            "Too many wrong passphrases. For your data's safety, wait "
            f"{describe_wait(retry_after_seconds)} before trying again."
        )


class ProfileWiped(VaultError):
    def __init__(self, failures: int) -> None:
        self.failures = failures
        super().__init__(
            f"The passphrase was wrong {failures} times in a row, so as your organisation's "
            "policy requires, the data on this computer has been erased. Work that had "
            "synced is safe on the central service; set the app up again to continue."
        )


class KeystoreShareMissing(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "This profile's keystore share is missing — use the organisation recovery key. "
            "The profile was protected by a passphrase and this computer's keystore, and "
            "the keystore no longer holds its part of the key (for example after a "
            "different user account or computer was used). Ask IT to recover the profile."
        )


class KeystoreUnavailable(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "This computer's keystore could not be reached. Sign out and in again (or "
            "unlock the keychain) and retry; if it keeps failing, ask IT."
        )


class RecoveryKeyRejected(VaultError):
    """The organisation recovery key (public or private) cannot be used."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(f"The organisation recovery key cannot be used: {problem}.")


class RecoveryUnavailable(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "This profile has no recovery copy of its key: no organisation recovery key was "
            "set in machine policy when it was created or its passphrase last changed. "
            "It cannot be recovered; work that had synced is safe on the central service."
        )


def describe_wait(seconds: float) -> str:
    """'8 seconds', '2 minutes 8 seconds': whole seconds, rounded up so it never undersells."""
    total = max(1, math.ceil(seconds))
    minutes, secs = divmod(total, 60)
    parts = []
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    if secs:
        parts.append(f"{secs} second{'s' if secs != 1 else ''}")
    return " ".join(parts)
