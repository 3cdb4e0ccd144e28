"""The key vault's, the store's, the interview lifecycle's, form versions' and the
reports' errors, worded for the person in their language.

The Qt-free layers raise typed errors whose `str()` is English for the command line
and for IT. Here each type is worded through Qt's translation from what the error keeps
(a file name, a schema version, a count), never from its English message. Details meant
for IT (what exactly is wrong with a damaged file) stay as the core wrote them, on a
line of their own under a translated heading.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication

from rhi_desktop.domain.deadlines import format_london
from rhi_desktop.domain.lifecycle import IllegalTransition
from rhi_desktop.retention import SecureDeleteOff
from rhi_desktop.store import errors as store
from rhi_desktop.vault import errors as vault
from ui.caseload_views import state_label
from ui.uk_dates import format_uk_date

translate = QCoreApplication.translate

Wordings = dict[type[BaseException], Callable[[Any], str]]
"""How to word each error type, given the error."""


def _nothing_changed() -> str:
    return translate("CoreErrors", "The file was left exactly as it was.")


def with_detail_for_it(text: str, detail: str) -> str:
    """`text`, then on a line of its own a technical detail as the core wrote it."""
    heading = translate("CoreErrors", "Details for IT: {0}").format(detail)
    return f"{text}\n{heading}"


def _attempts_left(count: int) -> str:
    if count == 1:
        return translate(
            "CoreErrors",
            "After 1 more wrong attempt the data on this computer will be erased "
            "(unsynced work is lost).",
        )
    return translate(
        "CoreErrors",
        "After {0} more wrong attempts the data on this computer will be erased "
        "(unsynced work is lost).",
    ).format(count)


def _wrong_passphrase(error: vault.WrongPassphrase) -> str:
    """The wait itself is counted down beside the message, so it is not repeated here."""
    text = translate(
        "CoreErrors", "That passphrase is not right. Check Caps Lock and the keyboard layout."
    )
    if error.attempts_before_wipe is not None:
        text = f"{text} {_attempts_left(error.attempts_before_wipe)}"
    return text


def _vault_texts() -> Wordings:
    return {
        vault.VaultMissing: lambda _: translate(
            "CoreErrors",
            "This profile has no key file (vault.json), so its data cannot be opened. If "
            "the profile was wiped, set it up again; otherwise ask IT to restore it.",
        ),
        vault.VaultExists: lambda _: translate(
            "CoreErrors",
            "This profile already has a key file (vault.json); a new one would make its "
            "data unreadable. Unlock the existing profile or choose another folder.",
        ),
        vault.VaultCorrupt: lambda error: with_detail_for_it(
            translate(
                "CoreErrors",
                "This profile's key file (vault.json) is damaged or has been altered. Do "
                "not delete the profile; ask IT to restore vault.json or to recover the "
                "profile with the organisation recovery key.",
            ),
            error.problem,
        ),
        vault.VaultFromAnotherProfile: lambda _: translate(
            "CoreErrors",
            "This profile's key file (vault.json) and its database (rhi.db) do not belong "
            "together: one of them was replaced, or the start of the database is damaged. "
            "The passphrase was not tried and nothing was changed. Do not delete either "
            "file: restore both from the same backup, or ask IT.",
        ),
        vault.VaultFromNewerApp: lambda _: translate(
            "CoreErrors",
            "This profile's key file was written by a newer version of RHI Desktop. "
            "Update the app (ask IT) to open it.",
        ),
        vault.UnacceptablePassphrase: lambda _: translate(
            "CoreErrors", "That passphrase cannot be used: it is empty."
        ),
        vault.WeakPassphraseError: lambda error: translate(
            "CoreErrors",
            "That passphrase is too easy to guess, so it was not used. Choose {0} or more "
            "random, unrelated words, at least {1} characters in all, and not a well-known "
            "password.",
        ).format(error.min_words, error.min_length),
        vault.WrongPassphrase: _wrong_passphrase,
        vault.UnlockDelayed: lambda _: translate(
            "CoreErrors",
            "Too many wrong passphrases. For your data's safety, wait before trying again.",
        ),
        vault.ProfileWiped: lambda error: translate(
            "CoreErrors",
            "The passphrase was wrong {0} times in a row, so as your organisation's policy "
            "requires, the data on this computer has been erased. Work that had synced is "
            "safe on the central service; set the app up again to continue.",
        ).format(error.failures),
        vault.KeystoreShareMissing: lambda _: translate(
            "CoreErrors",
            "This profile's keystore share is missing: use the organisation recovery key. "
            "The profile was protected by a passphrase and this computer's keystore, and "
            "the keystore no longer holds its part of the key (for example after a "
            "different user account or computer was used). Ask IT to recover the profile.",
        ),
        vault.KeystoreUnavailable: lambda _: translate(
            "CoreErrors",
            "This computer's keystore could not be reached. Sign out and in again (or "
            "unlock the keychain) and retry; if it keeps failing, ask IT.",
        ),
        vault.RecoveryKeyRejected: lambda error: with_detail_for_it(
            translate(
                "CoreErrors", "The organisation recovery key cannot be used. Ask IT to check it."
            ),
            error.problem,
        ),
        vault.RecoveryUnavailable: lambda _: translate(
            "CoreErrors",
            "This profile has no recovery copy of its key: no organisation recovery key was "
            "set in machine policy when it was created or its passphrase last changed. It "
            "cannot be recovered; work that had synced is safe on the central service.",
        ),
    }


def _store_texts() -> Wordings:
    return {
        store.DatabaseMissingError: lambda error: translate(
            "CoreErrors",
            "No database file ({0}) was found for this profile. Nothing was created: "
            "restore the profile folder from a backup, or set the device up again.",
        ).format(error.file_name),
        store.DatabaseEmptyError: lambda error: translate(
            "CoreErrors",
            "The database file ({0}) is empty (0 bytes), so there is nothing to open. {1} "
            "Restore it from a backup or ask IT for help.",
        ).format(error.file_name, _nothing_changed()),
        store.DatabaseExistsError: lambda error: translate(
            "CoreErrors",
            "A database file ({0}) already exists here, so a new one was not created. "
            "Open the existing profile instead.",
        ).format(error.file_name),
        store.WrongKeyError: lambda _: translate(
            "CoreErrors",
            "The database could not be unlocked with this key. Either the key is wrong or "
            "the start of the file is damaged. {0}",
        ).format(_nothing_changed()),
        store.DatabaseTruncatedError: lambda error: translate(
            "CoreErrors",
            "The database file ({0}) is incomplete: part of it is missing, for example "
            "after an interrupted copy. {1} Restore it from a backup or ask IT for help.",
        ).format(error.file_name, _nothing_changed()),
        store.DatabaseCorruptedError: lambda error: with_detail_for_it(
            translate(
                "CoreErrors",
                "The database file ({0}) is damaged. {1} Restore it from a backup or ask IT "
                "for help.",
            ).format(error.file_name, _nothing_changed()),
            error.what,
        ),
        store.DiskFullError: lambda _: translate(
            "CoreErrors",
            "The disk is full; free some space and try again. Nothing already saved was lost.",
        ),
        store.DatabaseBusyError: lambda _: translate(
            "CoreErrors",
            "The database was kept busy by other work for too long, for example a sync in "
            "progress or another RHI Desktop window using the same profile. Wait a moment "
            "and try again.",
        ),
        store.DiskError: lambda _: translate(
            "CoreErrors",
            "The database could not be read or written because of a disk or file-system "
            "error. Nothing already saved was lost; check the disk and try again.",
        ),
        store.DatabaseUnavailableError: lambda _: translate(
            "CoreErrors",
            "The database file could not be opened for reading and writing. Check that the "
            "profile folder is not read-only and that your account may use it, then try "
            "again.",
        ),
        store.DatabaseReplacedError: lambda error: translate(
            "CoreErrors",
            "The database file ({0}) was deleted, moved or replaced while RHI Desktop had "
            "it open, so nothing more is saved to it. Ask IT for help before closing the "
            "app.",
        ).format(error.file_name),
        store.WriteAheadLogUnavailableError: lambda _: translate(
            "CoreErrors",
            "The database could not switch to write-ahead logging, which keeps saved work "
            "safe. This happens on some network drives: keep the profile on this computer's "
            "own disk, or ask IT.",
        ),
        store.EncryptionUnavailableError: lambda _: translate(
            "CoreErrors",
            "This installation cannot encrypt its database (SQLCipher is missing), so it "
            "refuses to open one. Reinstall RHI Desktop.",
        ),
        store.SchemaTooNewError: lambda error: translate(
            "CoreErrors",
            "This database was written by a newer version of RHI Desktop (schema version "
            "{0}; this version understands up to {1}). Install the newer version. {2}",
        ).format(error.found, error.known, _nothing_changed()),
        store.MigrationFailedError: lambda error: translate(
            "CoreErrors",
            "Updating the database from schema version {0} to {1} failed, so the update "
            "was undone and the database is unchanged. A backup copy is kept as {2}. Ask "
            "IT for help.",
        ).format(error.from_version, error.to_version, error.backup_name),
        store.MigrationBackupFailedError: lambda error: translate(
            "CoreErrors",
            "The database needs updating from schema version {0} to {1}, and a backup copy "
            "is made first. That copy could not be written, so the update was not started "
            "and the database is unchanged. Check that the disk has free space and that the "
            "profile folder can be written to, then try again; if it keeps failing, ask IT.",
        ).format(error.from_version, error.to_version),
        store.NotFoundError: lambda _: translate(
            "CoreErrors",
            "This record is no longer on this computer. Close it and look it up again.",
        ),
        store.StaleEditError: lambda _: translate(
            "CoreErrors",
            "This record was changed elsewhere since it was opened. Reopen it to see the "
            "latest version, then make your change again.",
        ),
        store.ReadOnlyRecordError: _read_only,
        SecureDeleteOff: lambda _: translate(
            "CoreErrors",
            "Records due for deletion were not deleted: the database is not set to overwrite "
            "deleted data, so they could linger in the file. Ask IT to check the installation.",
        ),
        store.ConflictingRecordError: lambda _: translate(
            "CoreErrors",
            "This change conflicts with a record already saved (a duplicate, or a link to a "
            "record that does not exist), so it was not saved.",
        ),
        store.NewerVersionNotHereError: lambda _: translate(
            "CoreErrors",
            "This computer has not yet received the newer version of this record from the "
            "central service, so your change cannot replace it yet. Sync first, then send "
            "the change again.",
        ),
        store.OtherChangeWaitingError: _other_change_waiting,
        store.OvertakenChangeError: lambda _: translate(
            "CoreErrors",
            "The central service's version of this interview has moved on since (signed "
            "off and sent, or decided), so this earlier change cannot replace it. Discard "
            "it; the interview as the service holds it is the one on this computer.",
        ),
    }


def _other_change_waiting(error: store.OtherChangeWaitingError) -> str:
    if error.parked:
        return translate(
            "CoreErrors",
            "Another change to this record, made {0}, is also in this list. Deal with that "
            "one first (send it again or discard it), then with this one.",
        ).format(format_london(error.made_at))
    return translate(
        "CoreErrors",
        "Another change to this record, made {0}, is still waiting to be sent. Sync first "
        "so that it is sent, then deal with this one.",
    ).format(format_london(error.made_at))


def _read_only(error: store.ReadOnlyRecordError) -> str:
    if error.entity == "interview":
        return translate(
            "CoreErrors",
            "This interview can no longer be changed on this computer: it has been signed "
            "off or sent. Answers can change again only after a coordinator returns it and "
            "it is reopened.",
        )
    if error.entity == "review":
        return translate("CoreErrors", "A review decision is final; record a new review instead.")
    return translate("CoreErrors", "This record cannot be changed.")


def _lifecycle_texts() -> Wordings:
    return {
        IllegalTransition: lambda error: translate(
            "CoreErrors",
            "This interview is “{0}”, so it cannot become “{1}”. Refresh the caseload to "
            "see where it is now.",
        ).format(state_label(error.current), state_label(error.target)),
    }


def _forms_texts() -> Wordings:
    # Imported when first needed: the form engine is slow to load, and the unlock window
    # words a wrong passphrase long before any form is opened.
    from rhi_desktop.forms.loader import FormDefinitionError
    from rhi_desktop.forms.versions import FormNotInstalledError

    return {
        FormNotInstalledError: lambda error: translate(
            "CoreErrors",
            "Form {0} version {1} is not installed on this computer. Sync to fetch it, or "
            "ask IT to install it.",
        ).format(error.ref.form_id, error.ref.version),
        # A copy on this computer damaged since it was installed and checked.
        FormDefinitionError: lambda _error: translate(
            "CoreErrors",
            "This interview's form is damaged on this computer, so it cannot be opened. "
            "Sync to fetch the form again, or ask IT to reinstall the app. The answers "
            "are safe in the store.",
        ),
    }


def _report_texts() -> Wordings:
    # Imported when first needed, like the form engine.
    from rhi_desktop.reports.completeness import RecordsRemovedError
    from rhi_desktop.reports.exports.annex_a import EpisodesOverlap
    from rhi_desktop.reports.exports.same_child import ChildRecordsDisagree
    from rhi_desktop.reports.panel_rules import PanelRulesError
    from rhi_desktop.reports.verification import VerificationError

    return {
        RecordsRemovedError: _records_removed,
        ChildRecordsDisagree: _records_disagree,
        EpisodesOverlap: lambda error: translate(
            "CoreErrors",
            "Annex A List 8 was not made: episodes of case reference {0} overlap, so one "
            "absence may have been recorded twice (by two interviewers, say). The records "
            "need correcting at the central service first.",
        ).format(", ".join(error.case_references)),
        PanelRulesError: lambda error: with_detail_for_it(
            translate(
                "CoreErrors",
                "The panel rules in {0} cannot be used, so no panel list was made. Ask IT to "
                "correct the file.",
            ).format(error.source),
            "; ".join(error.problems),
        ),
        VerificationError: _verification,
    }


def _return_name(report: Any) -> str:
    from rhi_desktop.reports.completeness import StatutoryReturn

    names = {
        StatutoryReturn.SSDA903: translate("CoreErrors", "The SSDA903 missing table"),
        StatutoryReturn.ANNEX_A: translate("CoreErrors", "Annex A List 8"),
    }
    return names[report]


def _records_removed(error: Any) -> str:
    return translate(
        "CoreErrors",
        "{0} cannot be made on this computer: records up to {1} have been removed from it "
        "under the retention policy, so it would be missing some of them. It needs a "
        "computer that keeps approved interviews for the whole period; IT sets how long "
        "they are kept.",
    ).format(_return_name(error.report), format_uk_date(error.removed_through))


def _records_disagree(error: Any) -> str:
    return translate(
        "CoreErrors",
        "{0} was not made: the child records of case reference {1} disagree on the date of "
        "birth, gender or ethnicity, so it cannot tell which is right. The records need "
        "correcting at the central service first.",
    ).format(_return_name(error.statutory_return), ", ".join(error.case_references))


def _verification(error: Any) -> str:
    from rhi_desktop.reports.verification import VerificationProblem

    texts = {
        VerificationProblem.NOT_A_WHOLE_MONTH: translate(
            "CoreErrors", "Only a whole calendar month can be verified."
        ),
        VerificationProblem.DATABASE_TOO_OLD: translate(
            "CoreErrors", "This database cannot record verified months yet; update RHI Desktop."
        ),
        VerificationProblem.NOT_ENDED: translate(
            "CoreErrors", "{0} has not ended yet, so its figures cannot be verified."
        ),
        VerificationProblem.RECORDS_REMOVED: translate(
            "CoreErrors",
            "Some of {0}'s records have been removed from this computer under the retention "
            "policy, so its figures cannot be verified here.",
        ),
    }
    return texts[error.problem].format(error.month)


@cache
def _worded() -> Wordings:
    return {**_vault_texts(), **_store_texts(), **_lifecycle_texts()}


def worded_types() -> Wordings:
    """Every core error type worded here, and how."""
    return {**_worded(), **_forms_texts(), **_report_texts()}


def core_error_text(error: BaseException) -> str | None:
    """The translated sentence for a core error a person can act on; None for any other
    exception (a bug, to be reported as one)."""
    return (
        word_by_type(error, _worded())
        or word_by_type(error, _forms_texts())
        or word_by_type(error, _report_texts())
    )


def word_by_type(error: BaseException, texts: Wordings) -> str | None:
    """The wording of the nearest of the error's types that `texts` has."""
    for kind in type(error).__mro__:
        word = texts.get(kind)
        if word is not None:
            return word(error)
    return None
