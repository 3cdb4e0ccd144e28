"""Errors from the key vault, the store, the lifecycle, form versions, reports and sync
are worded by the app, through translation, from what each error keeps; a programming
error is reported as a bug, never shown as written."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from rhi_desktop.config import ConfigError
from rhi_desktop.config.errors import Problem
from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.domain.lifecycle import IllegalTransition
from rhi_desktop.forms.loader import FormDefinitionError
from rhi_desktop.forms.versions import FormNotInstalledError
from rhi_desktop.reports.completeness import RecordsRemovedError
from rhi_desktop.reports.exports.annex_a import EpisodesOverlap
from rhi_desktop.reports.exports.same_child import ChildRecordsDisagree
from rhi_desktop.reports.panel_rules import PanelRulesError
from rhi_desktop.reports.verification import VerificationError, VerificationProblem
from rhi_desktop.store import errors as store
from rhi_desktop.vault import errors as vault
from sync.errors import EnrolmentRefused, Refusal, SyncError
from tests.ui.error_samples import SAMPLES, SYNC_SAMPLES
from ui import sync_errors
from ui.core_errors import core_error_text, worded_types
from ui.messages import error_text
from ui.profile_holder import ProfileLocked


def _concrete(base: type[BaseException]) -> set[type[BaseException]]:
    found: set[type[BaseException]] = set()
    for kind in base.__subclasses__():
        found |= {kind} | _concrete(kind)
    return found


def test_every_error_a_person_can_meet_is_worded_and_has_a_sample() -> None:
    meetable = (_concrete(vault.VaultError) | _concrete(store.StoreError)) - {
        store.TransactionError  # a programming error: reported as a bug
    }
    meetable |= {
        IllegalTransition,
        FormNotInstalledError,
        FormDefinitionError,
        PanelRulesError,
        VerificationError,
        RecordsRemovedError,
        ChildRecordsDisagree,
        EpisodesOverlap,
    }
    assert meetable == set(worded_types())
    assert {type(sample) for sample in SAMPLES} == meetable


def test_every_sync_error_is_worded_and_has_a_sample() -> None:
    assert _concrete(SyncError) == set(sync_errors.worded_types())
    assert {type(sample) for sample in SYNC_SAMPLES} == _concrete(SyncError)


@pytest.mark.parametrize("error", SAMPLES, ids=lambda error: type(error).__name__)
def test_each_sample_reads_as_a_sentence_and_the_app_shows_it(error: BaseException) -> None:
    text = core_error_text(error)
    assert text and "{" not in text  # every placeholder filled
    assert error_text(error) == text


@pytest.mark.parametrize("error", SYNC_SAMPLES, ids=lambda error: type(error).__name__)
def test_each_sync_sample_reads_as_a_sentence_and_the_app_shows_it(error: SyncError) -> None:
    text = sync_errors.sync_error_text(error)
    assert text and "{" not in text
    assert error_text(error) == text


def test_every_reason_a_month_cannot_be_verified_has_its_own_words() -> None:
    texts = {error_text(VerificationError(problem, "2026-11")) for problem in VerificationProblem}
    assert len(texts) == len(VerificationProblem)
    assert error_text(VerificationError(VerificationProblem.NOT_ENDED, "2026-11")) == (
        "2026-11 has not ended yet, so its figures cannot be verified."
    )


def test_broken_panel_rules_name_the_file_and_leave_the_problems_for_it() -> None:
    broken = PanelRulesError("panel_rules.toml", ["not valid TOML (line 3)", "rules: missing"])
    said, detail = error_text(broken).split("\n")
    assert said.startswith("The panel rules in panel_rules.toml cannot be used")
    assert detail == "Details for IT: not valid TOML (line 3); rules: missing"


def test_every_enrolment_refusal_has_its_own_words() -> None:
    texts = {error_text(sample) for sample in SYNC_SAMPLES if isinstance(sample, EnrolmentRefused)}
    assert len(texts) == len(Refusal)


def test_a_wrong_passphrase_warns_of_the_wipe_and_leaves_the_wait_to_the_countdown() -> None:
    text = error_text(vault.WrongPassphrase(4, 8.0, 1))
    assert text == (
        "That passphrase is not right. Check Caps Lock and the keyboard layout. After 1 "
        "more wrong attempt the data on this computer will be erased (unsynced work is lost)."
    )
    assert error_text(vault.WrongPassphrase(1, 0.0, None)) == (
        "That passphrase is not right. Check Caps Lock and the keyboard layout."
    )


def test_what_is_wrong_with_a_damaged_file_is_kept_for_it_on_a_line_of_its_own() -> None:
    damaged = store.DatabaseCorruptedError("rhi.db", "its header cannot be read with this key")
    first, detail = error_text(damaged).split("\n")
    assert first.startswith("The database file (rhi.db) is damaged.")
    assert detail == "Details for IT: its header cannot be read with this key"


def test_states_are_named_as_the_caseload_names_them() -> None:
    text = error_text(IllegalTransition(InterviewState.SUBMITTED, InterviewState.IN_PROGRESS))
    assert "“Sent for review”" in text and "“In progress”" in text


def test_a_store_programming_error_is_reported_as_a_bug_with_a_reference(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.ERROR):
        text = error_text(store.TransactionError("A transaction is already open on this store."))
    assert text.startswith("Sorry, something went wrong (reference ")
    assert "transaction" not in text
    assert "TransactionError" in caplog.text


def test_a_locked_app_says_so() -> None:
    assert error_text(ProfileLocked()) == (
        "The app is locked; unlock it to read or change case data."
    )


def test_a_policy_problem_is_shown_as_written_for_it_not_as_a_bug(
    caplog: pytest.LogCaptureFixture,
) -> None:
    policy = ConfigError(Path("/etc/rhi-desktop/policy.toml"), [Problem("server_url", "not https")])
    with caplog.at_level(logging.ERROR):
        assert error_text(policy) == "/etc/rhi-desktop/policy.toml: server_url: not https"
    assert not caplog.records
