"""One instance of every core and sync error type the app words for a person
(`ui.core_errors`, `ui.sync_errors`), with the kind of detail each really carries, and
one of each reason where an error has several."""

from __future__ import annotations

from datetime import UTC, date, datetime

from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.domain.lifecycle import IllegalTransition
from rhi_desktop.forms.loader import FormDefinitionError
from rhi_desktop.forms.versions import FormNotInstalledError, FormRef
from rhi_desktop.reports.completeness import RecordsRemovedError, StatutoryReturn
from rhi_desktop.reports.exports.annex_a import EpisodesOverlap
from rhi_desktop.reports.exports.same_child import ChildRecordsDisagree
from rhi_desktop.reports.panel_rules import PanelRulesError
from rhi_desktop.reports.verification import VerificationError, VerificationProblem
from rhi_desktop.retention import SecureDeleteOff
from rhi_desktop.store import errors as store
from rhi_desktop.vault import errors as vault
from sync import errors as sync
from sync.endpoint import CaBundleUnreadable, EndpointMismatch

SAMPLES: list[BaseException] = [
    vault.VaultMissing(),
    vault.VaultExists(),
    vault.VaultCorrupt("it is not valid JSON"),
    vault.VaultFromNewerApp(),
    vault.VaultFromAnotherProfile(),
    vault.UnacceptablePassphrase(),
    vault.WeakPassphraseError(3, 12),
    vault.WrongPassphrase(4, 8.0, 2),
    vault.UnlockDelayed(30.0),
    vault.ProfileWiped(10),
    vault.KeystoreShareMissing(),
    vault.KeystoreUnavailable(),
    vault.RecoveryKeyRejected("the private key file does not hold an RSA key"),
    vault.RecoveryUnavailable(),
    store.DatabaseMissingError("rhi.db"),
    store.DatabaseEmptyError("rhi.db"),
    store.DatabaseExistsError("rhi.db"),
    store.WrongKeyError(),
    store.DatabaseTruncatedError("rhi.db"),
    store.DatabaseCorruptedError("rhi.db", "some of its pages failed their integrity check"),
    store.DiskFullError(),
    store.DatabaseBusyError(),
    store.DiskError(),
    store.DatabaseUnavailableError(),
    store.DatabaseReplacedError("rhi.db"),
    store.WriteAheadLogUnavailableError(),
    store.EncryptionUnavailableError(),
    store.SchemaTooNewError(9, 7),
    store.MigrationFailedError(6, 7, "rhi.db.pre-migration-v6"),
    store.NotFoundError("interview", "0192f0c4"),
    store.StaleEditError("interview", "0192f0c4"),
    store.ReadOnlyRecordError("interview", "0192f0c4", "it is submitted"),
    store.ConflictingRecordError(),
    store.MigrationBackupFailedError(6, 7),
    store.NewerVersionNotHereError("interview", "0192f0c4"),
    *(
        store.OtherChangeWaitingError(
            "interview",
            "0192f0c4",
            "7d1e5a40",
            parked=parked,
            made_at=datetime(2026, 3, 2, tzinfo=UTC),
        )
        for parked in (False, True)
    ),
    store.OvertakenChangeError("interview", "0192f0c4", "submitted"),
    SecureDeleteOff(),
    IllegalTransition(InterviewState.APPROVED, InterviewState.IN_PROGRESS),
    FormNotInstalledError(FormRef("rhi", 3)),
    FormDefinitionError(["(file): not valid JSON: Expecting value at line 1 column 1"]),
    PanelRulesError("panel_rules.toml", ["rules[0].min_episodes: Input should be >= 1"]),
    *(VerificationError(problem, "2026-11") for problem in VerificationProblem),
    *(RecordsRemovedError(report, date(2026, 10, 27)) for report in StatutoryReturn),
    *(ChildRecordsDisagree(report, ["CR-104", "CR-221"]) for report in StatutoryReturn),
    EpisodesOverlap(["CR-104"]),
]

SYNC_SAMPLES: list[BaseException] = [
    sync.ServiceUnreachable("localhost did not answer in time"),
    sync.ServiceFault("HTTP 503"),
    sync.TlsRejected("localhost's certificate is not trusted (unable to get local issuer)"),
    sync.DeviceRevoked(),
    sync.NotEnrolled("its device token is missing"),
    sync.Unauthorised(),
    *(sync.EnrolmentRefused(reason) for reason in sync.Refusal),
    sync.AuditRejected(),
    sync.RequestRefused(409, "stale_base"),
    EndpointMismatch("https://rhi.example.gov.uk", "https://old.example.gov.uk"),
    CaBundleUnreadable("/etc/rhi/ca.pem", "No such file or directory"),
]
