"""Changes needing attention: what the central service did not accept, and why.

A change the service refused (a conflict with a newer version made elsewhere, or a
rejection) is parked in the outbox with its reason and never blocks the rest. This
window lists the parked changes by kind of record, the case reference of the child it
concerns, when it was made and the reason in plain words (no names, answers or
comments), and lets the person send one again or discard it.

Sending a rejected change again queues it as it is. For a conflict (this computer now
holds the service's newer version of the record) the window asks first, because sending
it replaces that version: on confirmation the store re-bases the change onto the newer
version and puts it back on the record, so what the person sees is what will be sent.
Each choice is recorded in the audit chain by the store, in the same transaction as the
change; a choice the store refuses (sync first, or another change of the same record
comes first) is explained in the window's note.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.counted import by_count
from rhi_desktop.domain.deadlines import format_london
from rhi_desktop.store import NotFoundError, OutboxState, Store
from rhi_desktop.supervision import case_references
from sync.outgoing import CONFLICT_PREFIX, REJECTION_REASONS, UNSENDABLE
from sync.protocol import RejectReason
from ui.announce import announce
from ui.dialog_parts import ask_first
from ui.messages import error_text
from ui.profile_holder import ProfileHolder
from ui.screen_fit import resize_within_screen

AnyIndex = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate
Operation = Callable[[Store, str, str], None]


@dataclass(frozen=True, slots=True)
class ParkedChange:
    """A parked change as the window shows it: never its payload."""

    change_id: str
    entity: str
    made_at: datetime
    reason: str
    case_reference: str = ""
    """Of the child the record concerns ('' for records about no child, or none here)."""


def parked_changes(store: Store) -> list[ParkedChange]:
    return [
        ParkedChange(
            e.change_id,
            e.entity,
            e.created_at,
            e.reason or "",
            case_reference_of(store, e.entity, e.entity_id),
        )
        for e in store.outbox.quarantined()
    ]


def case_reference_of(store: Store, entity: str, entity_id: str) -> str:
    """The case reference of the child a record is about, following its links here
    ('' for a record about no child, or one whose links are not on this computer)."""
    if entity == "child":
        child = store.children.find(entity_id)
        return child.case_reference if child is not None else ""
    if entity == "episode":
        episode = store.episodes.find(entity_id)
        return case_reference_of(store, "child", episode.child_id) if episode is not None else ""
    if entity in ("offer", "review"):
        record = (store.offers if entity == "offer" else store.reviews).find(entity_id)
        if record is None:
            return ""
        entity_id = record.interview_id
    elif entity != "interview":
        return ""
    return case_references(store, [entity_id]).get(entity_id, "")


def reason_text(reason: str) -> str:
    """The stored reason (fixed English from the sync engine) in the person's words."""
    if reason.startswith(CONFLICT_PREFIX):
        return translate(
            "QuarantineView",
            "Changed on another computer since your last sync. Send yours again to "
            "replace that version, or discard yours.",
        )
    texts = {
        REJECTION_REASONS[RejectReason.NOT_PERMITTED]: translate(
            "QuarantineView", "Your account may not make this change. Ask your coordinator."
        ),
        REJECTION_REASONS[RejectReason.INVALID_PAYLOAD]: translate(
            "QuarantineView", "The central service found the record invalid. Ask IT."
        ),
        REJECTION_REASONS[RejectReason.UNKNOWN_REFERENCE]: translate(
            "QuarantineView",
            "It refers to a record the central service does not have. Send it again "
            "after the next sync; if it stays here, ask IT.",
        ),
        REJECTION_REASONS[RejectReason.CHANGE_ID_REUSED]: translate(
            "QuarantineView", "The central service already has a different change like it. Ask IT."
        ),
        REJECTION_REASONS[RejectReason.PAYLOAD_TOO_LARGE]: translate(
            "QuarantineView", "The record is too large to send. Ask IT."
        ),
        REJECTION_REASONS[RejectReason.NOT_AWAITING_REVIEW]: translate(
            "QuarantineView",
            "The interview was decided on another computer, or sent again, before this "
            "decision arrived. Discard this one; the review queue shows what is waiting.",
        ),
        UNSENDABLE: translate(
            "QuarantineView", "The change cannot be sent in the form it is in. Ask IT."
        ),
    }
    return texts.get(reason, reason)


NEVER_SENT = frozenset(
    {
        REJECTION_REASONS[RejectReason.CHANGE_ID_REUSED],
        REJECTION_REASONS[RejectReason.PAYLOAD_TOO_LARGE],
        REJECTION_REASONS[RejectReason.NOT_AWAITING_REVIEW],
        UNSENDABLE,
    }
)
"""Refusals sending the same change again can never get past: its id is taken, it is
too large, the interview is no longer waiting for that decision, or it cannot be sent
at all. (An invalid record may pass once IT has put the service right.)"""


def is_conflict(store: Store, change_id: str) -> bool:
    """Whether sending the change again would replace a newer version held here."""
    return store.outbox.newer_version_here(change_id) is not None


def send_again(store: Store, actor: str, change_id: str) -> None:
    """Queue a parked change for the next sync as it is (audited)."""
    with store.transaction(actor) as tx:
        tx.outbox.retry(change_id)


def keep_mine(store: Store, actor: str, change_id: str) -> None:
    """Queue a conflicting change to replace the service's newer version (audited)."""
    with store.transaction(actor) as tx:
        tx.outbox.keep_mine(change_id)


def discard(store: Store, actor: str, change_id: str) -> None:
    """Drop a parked change for good (audited)."""
    with store.transaction(actor) as tx:
        tx.outbox.discard(change_id)


def kind_label(entity: str) -> str:
    labels = {
        "child": translate("QuarantineView", "Child's details"),
        "episode": translate("QuarantineView", "Missing episode"),
        "interview": translate("QuarantineView", "Return interview"),
        "offer": translate("QuarantineView", "Offer of an interview"),
        "review": translate("QuarantineView", "Coordinator's review"),
        "supervision_session": translate("QuarantineView", "Supervision session"),
        "supervision_quality_review": translate("QuarantineView", "Supervision quality review"),
        "acknowledgement": translate("QuarantineView", "Acknowledgement"),
    }
    return labels.get(entity, entity)


class Column(IntEnum):
    KIND = 0
    CASE = 1
    MADE = 2
    REASON = 3


class ParkedChangesModel(QAbstractTableModel):
    """A thin table over a plain list of parked changes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ParkedChange] = []

    def set_rows(self, rows: list[ParkedChange]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ParkedChange:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        change = self._rows[index.row()]
        column = Column(index.column())
        if column is Column.KIND:
            return kind_label(change.entity)
        if column is Column.CASE:
            return change.case_reference or "\u2014"
        if column is Column.MADE:
            return format_london(change.made_at)
        return reason_text(change.reason)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        return (
            translate("QuarantineView", "Record"),
            translate("QuarantineView", "Case reference"),
            translate("QuarantineView", "Changed"),
            translate("QuarantineView", "Reason"),
        )[section]


class QuarantineView(QDialog):
    changed = Signal()  # a change was sent again or discarded: counts have moved

    def __init__(self, holder: ProfileHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quarantineView")
        self.setWindowTitle(self.tr("Changes needing attention"))
        self._holder = holder
        self.confirmation: QMessageBox | None = None
        self._sent_again: set[str] = set()
        """Changes queued again from here, until they are sent or come back refused."""
        self.model = ParkedChangesModel(self)
        self.intro = intro = QLabel(
            self.tr(
                "The central service did not accept these changes. Each stays on this "
                "computer until you send it again (after the record is put right) or "
                "discard it. Where the service has a newer version made elsewhere, sending "
                "yours again replaces it. Each choice is recorded in the audit trail."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("parkedChanges")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Changes needing attention"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(Column.KIND, 190)
        self.table.setColumnWidth(Column.CASE, 130)
        self.table.setColumnWidth(Column.MADE, 170)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.note = QLabel()
        self.note.setObjectName("attentionNote")
        self.note.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("&Send again"))
        self.retry_button.setAccessibleName(self.tr("Send again"))
        self.retry_button.clicked.connect(self.send_again)
        self.discard_button = QPushButton(self.tr("&Discard…"))
        self.discard_button.setAccessibleName(self.tr("Discard"))
        self.discard_button.clicked.connect(self.ask_discard)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.setTabOrder(self.table, self.retry_button)
        self.setTabOrder(self.retry_button, self.discard_button)
        self.setTabOrder(self.discard_button, self.close_button)
        resize_within_screen(self, 900, 360)
        self.reload()

    def reload(self) -> None:
        """Read the parked changes again, keeping the selected one selected."""
        chosen = self.selected()
        rows = parked_changes(self._holder.store) if self._holder.is_open else []
        self.model.set_rows(rows)
        self.intro.setVisible(bool(rows))
        ids = [r.change_id for r in rows]
        if rows:
            row = ids.index(chosen.change_id) if chosen and chosen.change_id in ids else 0
            self.table.selectRow(row)
        else:
            self.note.setText(self.tr("Nothing needs attention."))
        self._update_buttons()
        came_back = self._sent_again.intersection(ids)
        self._sent_again = {c for c in self._sent_again - came_back if self._queued(c)}
        if came_back:  # else the note would still say it was queued
            self._say(
                by_count(
                    len(came_back),
                    self.tr("A change sent again was refused again: it is listed with why."),
                    self.tr("{0} changes sent again were refused again: they are listed with why."),
                )
            )

    def _queued(self, change_id: str) -> bool:
        if not self._holder.is_open:
            return False
        try:
            return self._holder.store.outbox.get(change_id).state is OutboxState.PENDING
        except NotFoundError:  # sent and accepted
            return False

    def selected(self) -> ParkedChange | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row_at(index.row())

    def send_again(self) -> None:
        change = self.selected()
        if change is None or not self._holder.is_open:
            return
        try:
            conflict = is_conflict(self._holder.store, change.change_id)
        except Exception as exc:  # shown to the person; bugs are logged with a reference
            self._say(error_text(exc))
            return
        if conflict:
            self.ask_keep_mine(change)
        elif self._act(send_again, change):
            self._sent_again.add(change.change_id)
            self._say(self.tr("Queued to send at the next sync."))

    def ask_keep_mine(self, change: ParkedChange) -> None:
        self._confirm(
            self.tr("Replace the newer version?"),
            self.tr(
                "The central service has a newer version of this record ({0}), made "
                "elsewhere (on another computer, or saved later on this one). Sending this "
                "change replaces that version with yours, and anything changed only in the "
                "newer version is lost. Until the next sync this computer shows your change. "
                "Your choice is recorded in the audit trail."
            ).format(kind_label(change.entity)),
            (self.tr("&Send mine"), self.tr("Send mine")),
            (self.tr("Cancel"), self.tr("Cancel")),
            lambda confirmed: self._keep_mine_answered(change, confirmed),
            QMessageBox.ButtonRole.AcceptRole,
        ).setObjectName("confirmKeepMine")

    def _keep_mine_answered(self, change: ParkedChange, confirmed: bool) -> None:
        self.confirmation = None
        if confirmed and self._act(keep_mine, change):
            self._sent_again.add(change.change_id)
            self._say(self.tr("Queued to send at the next sync, in place of the newer version."))
        self.table.setFocus()

    def ask_discard(self) -> None:
        change = self.selected()
        if change is None:
            return
        try:
            conflict = is_conflict(self._holder.store, change.change_id)
        except Exception as exc:  # shown to the person; bugs are logged with a reference
            self._say(error_text(exc))
            return
        self._confirm(
            self.tr("Discard this change?"),
            self._discard_text(change, conflict),
            (self.tr("Discard"), self.tr("Discard")),
            (self.tr("Keep"), self.tr("Keep")),
            lambda confirmed: self._discard_answered(change, confirmed),
        )

    def _new_here(self, change: ParkedChange) -> bool:
        """Whether the record was made here and never accepted by the central service."""
        store = self._holder.store
        entity_id = store.outbox.get(change.change_id).entity_id
        if change.entity == "supervision_session":
            return store.supervision_sessions.server_version(entity_id) == 0
        return store.quality_reviews.server_version(entity_id) == 0

    def _discard_text(self, change: ParkedChange, conflict: bool) -> str:
        """What discarding loses, said plainly: the typing here, a review, or the sending."""
        kind = kind_label(change.entity)
        if change.entity == "review":
            lost = self.tr(
                "Your review and its comments are removed from this computer, and the "
                "central service never has them."
            )
        elif change.entity == "supervision_session" and self._new_here(change):
            lost = self.tr(
                "This supervision session never reached the central service, and it is "
                "removed from this computer too, unless a rating made here refers to it."
            )
        elif change.entity == "supervision_quality_review" and self._new_here(change):
            lost = self.tr(
                "This rating never reached the central service, and it is removed from this "
                "computer too."
            )
        elif conflict:
            lost = self.tr(
                "What was changed in this record ({0}) on this computer is lost for good: "
                "this computer keeps the central service's newer version instead."
            ).format(kind)
        else:
            lost = self.tr(
                "The change to this record ({0}) will not be sent to the central service, "
                "and cannot be sent later. This computer still shows it, but the central "
                "service and everyone else keep their version."
            ).format(kind)
        return " ".join((lost, self.tr("The discarding is recorded in the audit trail.")))

    def _confirm(
        self,
        title: str,
        text: str,
        act: tuple[str, str],
        stay: tuple[str, str],
        answered: Callable[[bool], None],
        act_role: QMessageBox.ButtonRole = QMessageBox.ButtonRole.DestructiveRole,
    ) -> QMessageBox:
        """A warning asked before acting; Enter and Escape both leave things as they are."""
        box = ask_first(
            self,
            title,
            text,
            act,
            stay,
            lambda _box, acted: answered(acted),
            icon=QMessageBox.Icon.Warning,
            act_role=act_role,
        )
        self.confirmation = box
        return box

    def _discard_answered(self, change: ParkedChange, confirmed: bool) -> None:
        self.confirmation = None
        if confirmed and self._act(discard, change):
            self._say(self.tr("Discarded."))
        self.table.setFocus()

    def _act(self, operation: Operation, change: ParkedChange) -> bool:
        if not self._holder.is_open:
            return False
        try:
            operation(self._holder.store, self._holder.actor, change.change_id)
        except Exception as exc:  # shown to the person; bugs are logged with a reference
            self._say(error_text(exc))
            return False
        self.reload()
        self.changed.emit()
        return True

    def _say(self, text: str) -> None:
        """Shown below the list and read out: the focus stays in the list."""
        self.note.setText(text)
        announce(self.note, text)

    def _update_buttons(self, *_: object) -> None:
        chosen = self.selected()
        self.retry_button.setEnabled(chosen is not None and chosen.reason not in NEVER_SENT)
        self.discard_button.setEnabled(chosen is not None)
