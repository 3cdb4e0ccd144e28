"""The interviewer's main window: caseload views, search, actions and the lock cover.

The window reads and writes only through the `ProfileHolder` at the moment it acts and
keeps plain rows in its models, so locking (`cover`) can drop every row, close the
database and hide the content behind the unlock panel; `uncover` reloads and puts the
person back on the same view, search and interview. Handlers read as one sentence: they
open a dialog whose save callback is an operation from `ui.casework`.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.counted import by_count
from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.forms import INTERVIEW_FORM_ID, Holding
from rhi_desktop.store import CaseloadRow
from ui.announce import announce
from ui.appearance import icon
from ui.caseload_model import CaseloadModel, Column
from ui.caseload_proxy import CaseloadFilterProxy
from ui.caseload_views import CaseloadView, counts_for, rows_for
from ui.casework import (
    OFFERABLE,
    OPENABLE_FOR_EDIT,
    READ_ONLY_VIEWABLE,
    CaseworkError,
    FoundChild,
    OfferAttempt,
    amend_returned,
    coordinator_feedback,
    is_late,
    record_found_child,
    record_offer,
    sign_off,
    start_interview,
)
from ui.dialog_parts import SavingDialog, ask_first, information_box
from ui.interview_editor import InterviewWindow, open_interview_editor
from ui.messages import error_text
from ui.new_case_dialog import NewCaseDialog
from ui.offer_dialog import OfferDialog
from ui.profile_holder import ProfileHolder
from ui.record_table import FillColumn, record_table_view
from ui.roles import Page, pages_for
from ui.screen_fit import resize_within_screen
from ui.sidebar_model import ViewListModel
from ui.sign_off_check import check_for_sign_off
from ui.sign_off_dialogs import LateReasonDialog, SignOffDialog, blocker_box
from ui.status_bar import SyncStatusBar
from ui.sync_status import ConnectionStatus, ConnectionStatusSource
from ui.unlock import UnlockPanel
from ui.workspace import Workspace

if TYPE_CHECKING:
    from rhi_desktop.forms.versions import FormRegistry

CONTENT, COVER = 0, 1
COUNTDOWN_INTERVAL_MS = 30_000
STATUS_INTERVAL_MS = 5_000
NOTE_SHOWN_MS = 10_000
"""How long a note in the status bar stays (what comes first, on a row that cannot open)."""
_WIDTHS = {Column.CASE_REFERENCE: 130}
"""The case reference (varying content) starts at this, or its header's need if more;
the child's name takes what the others leave; the others fit their longest text."""
CELL_PADDING = 8
"""Room around a cell's text: the cell's margins."""
SIDEBAR_WIDTH = 164
"""The views' sidebar: narrow enough to leave the caseload every column in a window of
the default size; a view name too long for it wraps onto a second line."""
PAGE_MARGIN = 6
SIDEBAR_ITEM_PADDING = 8
"""The sidebar items' left and right padding in the style sheet, together."""


class _WrappingItemDelegate(QStyledItemDelegate):
    """Sizes a wrapped item for the width it is drawn in: the style sheet's padding
    inside the item (left and right) leaves the text less room than the row's width."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        narrower = QStyleOptionViewItem(option)
        narrower.rect = QRect(option.rect.adjusted(0, 0, -SIDEBAR_ITEM_PADDING, 0))
        return super().sizeHint(narrower, index)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    quit_requested = Signal()
    sync_requested = Signal()  # "Sync now"
    attention_requested = Signal()  # the changes the central service did not accept
    enrol_requested = Signal()  # "Enrol this computer…", offered only while not enrolled

    def __init__(
        self,
        holder: ProfileHolder,
        clock: Callable[[], datetime],
        status_source: ConnectionStatusSource,
        parent: QWidget | None = None,
        *,
        can_enrol: bool = False,
    ) -> None:
        """`can_enrol`: this app can enrol the computer with the central service."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("RHI Desktop"))  # never a child's name or reference
        self._holder = holder
        self._clock = clock
        self._status_source = status_source
        self._view = CaseloadView.DUE
        self._selected_id: str | None = None
        self._reloading = False
        self._covered = True
        self._registry: FormRegistry | None = None
        self._quit_agreed = False  # the person chose to quit with answers not saved
        self._opened_in: dict[str, InterviewState] = {}  # the state each window opened for
        self._interviews: dict[str, InterviewWindow] = {}
        self._can_enrol = can_enrol
        self._enrolled = False
        self.sync_details: QMessageBox | None = None
        """The last sync's details, while shown."""

        self.caseload = CaseloadModel(clock(), self)
        self.proxy = CaseloadFilterProxy(self.caseload, self)
        self.views_model = ViewListModel(self)
        self._build_actions()
        self._build_content()
        self.cover_panel = UnlockPanel(clock, locked=True)
        cover = QWidget()
        cover.setObjectName("lockCover")
        cover_layout = QVBoxLayout(cover)
        cover_layout.addStretch(1)
        cover_layout.addWidget(self.cover_panel, 0, Qt.AlignmentFlag.AlignHCenter)
        cover_layout.addStretch(2)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.content)
        self.stack.addWidget(cover)
        self.setCentralWidget(self.stack)
        self.status = SyncStatusBar()
        self.setStatusBar(self.status)
        self._build_menus_and_toolbar()

        self._countdown = QTimer(self)
        self._countdown.setInterval(COUNTDOWN_INTERVAL_MS)
        self._countdown.timeout.connect(self.tick)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_INTERVAL_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self.setMinimumSize(760, 460)
        resize_within_screen(self, 1280, 720)
        self.cover()

    # -- building ------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        name: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        handler: Callable[[], object],
    ) -> QAction:
        action = QAction(icon(name), text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(
            f"{action.text().replace('&', '').removesuffix('…')} ({action.shortcut().toString()})"
            if shortcut is not None
            else action.text().replace("&", "")
        )
        action.triggered.connect(handler)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_case_action = self._action(
            self.tr("&New found child…"), "new-case", "Ctrl+N", self.new_case
        )
        self.offer_action = self._action(
            self.tr("Record &offer…"), "offer", "Ctrl+O", self.record_offer
        )
        self.open_action = self._action(
            self.tr("Open &interview"), "interview", "Ctrl+I", self.open_interview
        )
        self.sign_off_action = self._action(
            self.tr("&Sign off…"), "sign-off", "Ctrl+Shift+S", self.sign_off
        )
        self.reveal_action = self._action(
            self.tr("Show child &names"), "reveal", "Ctrl+Shift+N", self._reveal_changed
        )
        self.reveal_action.setCheckable(True)
        self.lock_action = self._action(
            self.tr("&Lock"), "lock", "Ctrl+L", self.lock_requested.emit
        )
        # From any of the app's windows (an interview's too); modal dialogs: LockShortcutFilter.
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.refresh_action = self._action(
            self.tr("&Refresh"), "refresh", QKeySequence.StandardKey.Refresh, self.reload
        )
        self.search_action = self._action(
            self.tr("&Find…"), "search", QKeySequence.StandardKey.Find, self._focus_search
        )
        self.quit_action = self._action(self.tr("&Quit"), "quit", "Ctrl+Q", self.close)
        self.sync_action = self._action(
            self.tr("S&ync now"), "sync", "F9", self.sync_requested.emit
        )
        self.sync_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # as Lock
        self.sync_details_action = self._action(
            self.tr("Last sync &details…"), "sync", None, self.show_sync_details
        )
        self.enrol_action = self._action(
            self.tr("&Enrol this computer…"), "sync", None, self.enrol_requested.emit
        )
        self.enrol_action.setVisible(False)
        self.attention_action = self._action(
            self.tr("Changes needing &attention…"),
            "attention",
            "Ctrl+Shift+A",
            self.attention_requested.emit,
        )
        self.view_actions: dict[CaseloadView, QAction] = {}
        for number, view in enumerate(CaseloadView, start=1):
            self.view_actions[view] = self._action(
                view.label(), view.icon_name, f"Ctrl+{number}", partial(self.show_view, view)
            )

    def _build_content(self) -> None:
        self.sidebar = QListView()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setModel(self.views_model)
        self.sidebar.setAccessibleName(self.tr("Caseload views"))
        self.sidebar.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sidebar.setMinimumWidth(SIDEBAR_WIDTH)
        self.sidebar.setMaximumWidth(280)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setWordWrap(True)  # a long view name takes two lines, never "…"
        self.sidebar.setItemDelegate(_WrappingItemDelegate(self.sidebar))
        self.sidebar.selectionModel().currentRowChanged.connect(self._sidebar_changed)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the caseload"))
        self.search.setPlaceholderText(self.tr("Search by case reference or status (Ctrl+F)"))
        self.search.textChanged.connect(self.proxy.set_search_text)
        self.search.textChanged.connect(self._update_empty_note)

        self.table = record_table_view(self.proxy, "caseload", self.tr("Caseload"), _WIDTHS.items())
        self._fit_columns()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        # Through the action, so Enter does only what the menu would: nothing while the
        # caseload is not the page on screen.
        self.table.activated.connect(self._row_activated)

        self.empty_note = QLabel()
        self.empty_note.setObjectName("emptyNote")
        self.empty_note.setWordWrap(True)
        self.view_title = QLabel()
        self.view_title.setObjectName("viewTitle")

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.view_title)
        top.addStretch(1)
        top.addWidget(self.search, 2)
        right_layout.addLayout(top)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.empty_note)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.sidebar)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([SIDEBAR_WIDTH, 1000])
        caseload = QWidget()
        caseload.setObjectName("caseloadPage")
        caseload_layout = QVBoxLayout(caseload)
        caseload_layout.setContentsMargins(*(PAGE_MARGIN,) * 4)
        caseload_layout.addWidget(splitter)
        self.workspace = Workspace(self._holder, self._clock, caseload)
        self.workspace.records_saved.connect(self.sync_requested.emit)
        self.workspace.currentChanged.connect(lambda _index: self._update_actions())
        self.content = QWidget()
        self.content.setObjectName("content")
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.workspace)
        self.setTabOrder(self.sidebar, self.search)
        self.setTabOrder(self.search, self.table)

    def _build_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_case_action)
        file_menu.addSeparator()
        file_menu.addAction(self.sync_action)
        file_menu.addAction(self.sync_details_action)
        file_menu.addAction(self.enrol_action)
        file_menu.addAction(self.attention_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.quit_action)
        interview_menu = self.interview_menu = bar.addMenu(self.tr("&Interview"))
        for action in (self.offer_action, self.open_action, self.sign_off_action):
            interview_menu.addAction(action)
        view_menu = bar.addMenu(self.tr("&View"))
        for action in self.view_actions.values():
            view_menu.addAction(action)
        view_menu.addSeparator()
        for action in (self.reveal_action, self.search_action, self.refresh_action):
            view_menu.addAction(action)
        self.go_menu = bar.addMenu(self.tr("&Go"))
        self.page_actions: dict[Page, QAction] = {}
        toolbar = QToolBar(self.tr("Actions"))
        toolbar.setObjectName("actions")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setAccessibleName(self.tr("Actions"))
        for action in (
            self.new_case_action,
            self.offer_action,
            self.open_action,
            self.sign_off_action,
        ):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.enrol_action)
        toolbar.addAction(self.sync_action)
        toolbar.addAction(self.reveal_action)
        toolbar.addAction(self.lock_action)
        for action in toolbar.actions():
            button = toolbar.widgetForAction(action)
            if button is not None:
                button.setAccessibleName(action.text().replace("&", "").removesuffix("…"))
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    # -- locking -------------------------------------------------------------------------

    @property
    def covered(self) -> bool:
        return self._covered

    def cover(self) -> None:
        """Hide every bit of case data behind the unlock panel and forget the rows."""
        self._covered = True
        self._countdown.stop()
        self._status_timer.stop()
        self.content.setEnabled(False)
        self.stack.setCurrentIndex(COVER)
        self.workspace.clear()
        self._reloading = True
        self.caseload.clear()
        self._reloading = False
        self.views_model.clear_counts()
        self.empty_note.clear()
        self.reveal_action.setChecked(False)  # names are hidden again after a lock
        self.caseload.set_names_revealed(False)
        self.toolbar.hide()
        self.status.show_locked()
        self._update_actions()
        self.cover_panel.reset()

    def uncover(self) -> None:
        """Back to where the person was: same view, search and selected interview."""
        self._covered = False
        self.content.setEnabled(True)
        self.stack.setCurrentIndex(CONTENT)
        self.toolbar.show()
        self.cover_panel.stop_timers()
        self._show_enrolment()
        self._offer_pages()
        self.reload()
        self.workspace.reload()
        self._countdown.start()
        self._status_timer.start()
        self.activateWindow()
        self._focus_page_on_screen()

    def _fit_columns(self) -> None:
        """Columns of set width fit their longest text (and their header's) in the fonts
        the style sheet gives them: the table's, in bold for overdue rows. The child's
        name, shown only on request and the one text that can be long, takes what is left
        and gives way first, so a window of the default size needs no sideways scrolling."""
        table = self.table
        table.ensurePolished()
        regular = table.fontMetrics()
        font = QFont(table.font())
        font.setBold(True)
        bold = QFontMetrics(font)
        header = table.horizontalHeader()
        sign = table.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + CELL_PADDING
        for column, texts in self.caseload.longest_texts().items():
            widest = max(
                (bold if in_bold else regular).horizontalAdvance(text) for text, in_bold in texts
            )
            widest += CELL_PADDING + (sign if column is Column.DEADLINE else 0)
            table.setColumnWidth(column, max(widest, header.sectionSizeHint(column)))
        for column, width in _WIDTHS.items():  # and never narrower than their headers
            table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        self._child_column = FillColumn(table, Column.CHILD, header.sectionSizeHint(Column.CHILD))

    def _focus_page_on_screen(self) -> None:
        """The caseload table on the caseload, else the first control of the page showing:
        never a control of a page that is not on screen, where keys would act unseen."""
        if self.workspace.current_page() is Page.CASELOAD:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        page = self.workspace.currentWidget()
        if page is not None:
            candidate = page.nextInFocusChain()
            while candidate is not None and candidate is not page and page.isAncestorOf(candidate):
                takes_tab = candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
                if takes_tab and candidate.isVisibleTo(page) and candidate.isEnabled():
                    candidate.setFocus(Qt.FocusReason.OtherFocusReason)
                    return
                candidate = candidate.nextInFocusChain()
        self.workspace.tabBar().setFocus(Qt.FocusReason.OtherFocusReason)

    def stop_timers(self) -> None:
        self._countdown.stop()
        self._status_timer.stop()
        self.cover_panel.stop_timers()

    # -- showing -------------------------------------------------------------------------

    @property
    def current_view(self) -> CaseloadView:
        return self._view

    @property
    def selected_interview_id(self) -> str | None:
        return self._selected_id

    def show_view(self, view: CaseloadView) -> None:
        if self._covered:
            return
        self._view = view
        self.reload()

    def reload(self) -> None:
        if self._covered or not self._holder.is_open:
            return
        store = self._holder.store
        self._reloading = True
        try:
            self.views_model.set_counts(counts_for(store))
            self.caseload.set_now(self._clock())
            self.caseload.set_rows(rows_for(store, self._view))  # in the store's order
            header = self.table.horizontalHeader()
            if header.sortIndicatorSection() >= 0:  # and back in the person's, if they chose
                self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
            self.proxy.set_search_text(self.search.text())
        finally:
            self._reloading = False
        self.sidebar.selectionModel().setCurrentIndex(
            self.views_model.index(self.views_model.row_of(self._view)),
            QItemSelectionModel.SelectionFlag.ClearAndSelect,
        )
        self.view_title.setText(self._view.label())
        self._reselect()
        self._update_empty_note()
        self.refresh_status()
        self._update_actions()

    def records_arrived(self) -> None:
        """The central service sent new or changed records: show them, keeping the view,
        search and selected interview, and the page on screen."""
        self._show_enrolment()
        self._offer_pages()  # a role can arrive with the first sync after enrolling
        self._registry = None  # a published form may have been installed: look again
        self.reload()
        self.workspace.reload()
        for interview_id in list(self._interviews):
            window = self.interview_window(interview_id)
            if window is not None:
                window.editor.notice_stored_changes(self.forms())

    def enrolled(self) -> None:
        """This computer has just been enrolled: offer what its role opens, drop "Enrol
        this computer…", and let the status bar say how the first sync goes."""
        self.records_arrived()

    def _show_enrolment(self) -> None:
        """Whether the computer is enrolled, read once per change rather than on every
        status refresh."""
        if not self._holder.is_open:
            return
        self._enrolled = self._holder.store.sync_state.enrolment() is not None
        self._offer_enrolment(self._status_source.current())

    def _offer_enrolment(self, status: ConnectionStatus) -> None:
        """ "Enrol this computer…" while it is not enrolled, or the service no longer
        knows it (its last sync was refused so)."""
        unrecognised = status.activity is not None and status.activity.unrecognised
        self.enrol_action.setVisible(self._can_enrol and (not self._enrolled or unrecognised))

    @property
    def caseload_offered(self) -> bool:
        return Page.CASELOAD in self.workspace.pages

    def _offer_pages(self) -> None:
        """The pages the enrolled role opens, and a Go menu entry (Alt+number) for each."""
        if not self._holder.is_open:
            return
        pages = pages_for(self._holder.store.sync_state.enrolment())
        if pages == self.workspace.pages:
            return
        self.workspace.offer(pages)
        for action in self.page_actions.values():
            self.removeAction(action)
            action.deleteLater()
        self.go_menu.clear()
        self.page_actions = {}
        for number, key in enumerate(pages, start=1):
            widget = self.workspace.page(key)
            assert widget is not None
            title = self.workspace.tabText(self.workspace.indexOf(widget))
            action = self._action(
                title, "view-all", f"Alt+{number}" if number < 10 else None,
                partial(self.workspace.show_page, key),
            )  # fmt: skip
            self.go_menu.addAction(action)
            self.page_actions[key] = action
        self.go_menu.menuAction().setVisible(len(pages) > 1)
        caseload = self.caseload_offered
        for action in (
            self.new_case_action, self.offer_action, self.open_action, self.sign_off_action,
            self.reveal_action, self.search_action, *self.view_actions.values(),
        ):  # fmt: skip
            action.setVisible(caseload)
        self.interview_menu.menuAction().setVisible(caseload)

    def tick(self) -> None:
        """Move the countdowns on (the timer calls this; tests call it after moving time)."""
        self.caseload.set_now(self._clock())

    def show_sync_details(self) -> None:
        """How the last sync went, whole and selectable: the status bar has room for its
        first line only, and its details for IT are otherwise in a tooltip."""
        if self._covered or not self._holder.is_open:
            return
        box = information_box(self, self.status.details(self._status_source.current()))
        box.setWindowTitle(self.tr("Last sync"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.sync_details = box
        box.open()

    def refresh_status(self) -> None:
        if self._covered or not self._holder.is_open:
            return
        pending, quarantined = self._holder.store.outbox.counts()
        status = self._status_source.current()
        self.status.show_status(status, pending, quarantined, enrolled=self._enrolled)
        self._offer_enrolment(status)

    def _reselect(self) -> None:
        selection = self.table.selectionModel()
        if self._selected_id is None:
            return
        row = self.caseload.row_of(self._selected_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.caseload.index(row, 0))
        if not index.isValid():
            return
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _update_empty_note(self) -> None:
        if self._covered:
            self.empty_note.clear()
        elif self.caseload.rowCount() == 0:
            self.empty_note.setText(self._empty_view_text(self._view))
        elif self.proxy.rowCount() == 0:
            self.empty_note.setText(self.tr("Nothing matches the search."))
        else:
            self.empty_note.setText(
                by_count(
                    self.caseload.rowCount(),
                    self.tr("{1} of 1 interview shown."),
                    self.tr("{1} of {0} interviews shown."),
                    self.proxy.rowCount(),
                )
            )

    def _empty_view_text(self, view: CaseloadView) -> str:
        """Why a view can be empty, and what to do: each a whole sentence to translate."""
        texts = {
            CaseloadView.DUE: self.tr(
                "Nothing is due. New found children appear here after a sync, or when you "
                "record one with New found child (Ctrl+N)."
            ),
            CaseloadView.IN_PROGRESS: self.tr(
                "No interviews are in progress. An interview moves here when you open it from "
                "Due with Open interview (Ctrl+I), and stays until you sign it off."
            ),
            CaseloadView.READY_TO_SEND: self.tr(
                "Nothing is waiting to be sent. Interviews you sign off wait here until the "
                "next sync sends them for review."
            ),
            CaseloadView.RETURNED: self.tr(
                "No interviews have been returned to you. If a coordinator asks for changes, "
                "the interview appears here after a sync."
            ),
            CaseloadView.SENT: self.tr(
                "No interviews are waiting for review. Signed-off interviews appear here once "
                "a sync has sent them."
            ),
            CaseloadView.APPROVED: self.tr(
                "No interviews have been approved yet. They appear here after a sync, once a "
                "coordinator approves them."
            ),
            CaseloadView.ALL: self.tr(
                "There are no interviews on this computer yet. They appear after a sync, or "
                "when you record a new found child (Ctrl+N)."
            ),
        }
        return texts[view]

    def selected_row(self) -> CaseloadRow | None:
        """The row the person chose, highlighted: not one Qt made current by itself (the
        first, when the list is shown, or the next, when the chosen one leaves it)."""
        selection = self.table.selectionModel()
        index = selection.currentIndex()
        if not index.isValid() or not selection.isRowSelected(index.row(), index.parent()):
            return None
        source = self.proxy.mapToSource(index)
        if not source.isValid():
            return None
        return self.caseload.row_at(source.row())

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._reloading:
            row = self.selected_row() if current.isValid() else None
            self._selected_id = row.interview_id if row is not None else None
        self._update_actions()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        """The current row chosen or let go of, as a click on it or Ctrl+Space does."""
        self._row_changed(self.table.selectionModel().currentIndex(), QModelIndex())

    def _sidebar_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._reloading:
            view = self.views_model.view_at(current.row())
            if view != self._view:
                self.show_view(view)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if column < 0:
            self.reload()  # back to the store's order: soonest deadline first
        else:
            self.proxy.sort(column, order)
        self._reselect()

    def _reveal_changed(self) -> None:
        self.caseload.set_names_revealed(self.reveal_action.isChecked())
        self.proxy.set_search_text(self.search.text())

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _update_actions(self) -> None:
        open_ = not self._covered and self._holder.is_open
        on_caseload = open_ and self.workspace.current_page() is Page.CASELOAD
        row = self.selected_row() if on_caseload else None
        state = row.state if row is not None else None
        self.new_case_action.setEnabled(on_caseload)
        self.offer_action.setEnabled(state in OFFERABLE)
        self.open_action.setEnabled(state in OPENABLE_FOR_EDIT | READ_ONLY_VIEWABLE)
        self.sign_off_action.setEnabled(state is InterviewState.IN_PROGRESS)
        self.reveal_action.setEnabled(on_caseload)
        self.lock_action.setEnabled(open_)
        self.refresh_action.setEnabled(open_)
        self.sync_action.setEnabled(open_)
        self.sync_details_action.setEnabled(open_)
        self.enrol_action.setEnabled(open_)
        self.attention_action.setEnabled(open_)
        self.search_action.setEnabled(on_caseload)
        for action in self.view_actions.values():
            action.setEnabled(on_caseload)
        for action in self.page_actions.values():
            action.setEnabled(open_)

    # -- acting --------------------------------------------------------------------------

    def new_case(self) -> None:
        self._open_dialog(NewCaseDialog(self._save_new_case, self))

    def _save_new_case(self, found: FoundChild) -> None:
        store, actor = self._holder.store, self._holder.actor
        self._selected_id = record_found_child(store, actor, found, self._clock())
        self.search.clear()
        self.show_view(CaseloadView.DUE)

    def record_offer(self) -> None:
        row = self.selected_row()
        if row is None or row.state not in OFFERABLE:
            return
        dialog = OfferDialog(
            partial(self._save_offer, row.interview_id),
            row.state,
            self._your_name(),
            self._clock(),
            self,
            case_reference=row.case_reference,
        )
        self._open_dialog(dialog)

    def _your_name(self) -> str:
        """The person's name as the central service knows them (never their user id);
        empty before this computer is enrolled, or if the roster has not arrived yet."""
        member = self._holder.store.team.member(self._holder.actor)
        return member.name if member is not None else ""

    def _save_offer(self, interview_id: str, attempt: OfferAttempt) -> None:
        record_offer(self._holder.store, self._holder.actor, interview_id, attempt, self._clock())
        self._selected_id = interview_id
        self.reload()

    def forms(self) -> FormRegistry:
        """The form definitions on this device: bundled, and installed into the profile."""
        if self._registry is None:
            from rhi_desktop.forms.versions import FormRegistry

            self._registry = FormRegistry.for_profile(self._holder.profile.paths.root)
        return self._registry

    def close_interviews(self) -> None:
        """Close every interview window, each saving what was typed first, and stop the
        pages' background work (the app is closing; the database is still open)."""
        self.workspace.shutdown()
        for interview_id in list(self._interviews):
            window = self.interview_window(interview_id)
            if window is not None:
                window.close_without_asking()  # quitting asked first, if work would be lost

    def interview_window(self, interview_id: str) -> InterviewWindow | None:
        window = self._interviews.get(interview_id)
        return window if window is not None and shiboken6.isValid(window) else None

    def _row_activated(self, index: QModelIndex) -> None:
        """Enter on a row (or a double-click) chooses it and opens its interview; on one
        that cannot open yet, it says what comes first rather than doing nothing."""
        if not index.isValid():
            return
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        if self.open_action.isEnabled():
            self.open_action.trigger()
            return
        row = self.selected_row()
        if row is None or row.state not in OFFERABLE:
            return
        said = (
            self.tr("The child declined: record a new offer first (Ctrl+O), then open it.")
            if row.state is InterviewState.DECLINED
            else self.tr("Record the offer first (Ctrl+O): the interview opens once offered.")
        )
        self.status.showMessage(said, NOTE_SHOWN_MS)
        announce(self.table, said)

    def open_interview(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        read_only = row.state in READ_ONLY_VIEWABLE
        if not read_only and row.state not in OPENABLE_FOR_EDIT:
            return
        existing = self.interview_window(row.interview_id)
        if existing is not None and self._opened_in.get(row.interview_id) is row.state:
            _bring_forward(existing)
            return
        if existing is not None and existing.answers_at_risk() is not None:
            self._ask_to_reopen(row, existing)
            return
        if existing is not None:  # it has moved on since (returned, say): show it as it is
            existing.close_without_asking()
            existing.deleteLater()
        self._open_row(row, read_only)

    def _ask_to_reopen(self, row: CaseloadRow, existing: InterviewWindow) -> None:
        """The open window holds answers it would lose: reopen only if the person says so."""

        def answered(_box: QMessageBox, reopen: bool) -> None:
            if not reopen:
                _bring_forward(existing)
                return
            if self.interview_window(row.interview_id) is existing:
                existing.close_without_asking()
                existing.deleteLater()
                self._open_row(row, row.state in READ_ONLY_VIEWABLE)

        ask_first(
            self,
            self.tr("Reopen without what was typed?"),
            self.tr(
                "This interview has changed since its window was opened, and the window "
                "holds answers that are not kept. Reopening shows the interview as it now "
                "stands and closes that window, losing them."
            ),
            (self.tr("&Reopen anyway"), self.tr("Reopen anyway")),
            (self.tr("&Keep working"), self.tr("Keep working")),
            answered,
        )

    def _open_row(self, row: CaseloadRow, read_only: bool) -> None:
        # A returned interview is read beside the coordinator's comments until amended.
        returned = row.state is InterviewState.RETURNED
        read_only = read_only or returned
        try:
            if not read_only:
                start_interview(
                    self._holder.store,
                    self._holder.actor,
                    row.interview_id,
                    self._clock(),
                    self.forms().newest_usable(INTERVIEW_FORM_ID),
                )
                self._selected_id = row.interview_id
                self.reload()
            window = open_interview_editor(
                self,
                self._holder,
                row.interview_id,
                registry=self.forms(),
                read_only=read_only,
                on_saved=self.refresh_status,
                clock=self._clock,
                review=(
                    coordinator_feedback(self._holder.store, row.interview_id)
                    if returned
                    or row.state is InterviewState.IN_PROGRESS  # amending
                    or row.state is InterviewState.APPROVED  # with a note, perhaps
                    else None
                ),
                amend=partial(self._amend, row.interview_id) if returned else None,
                sign_off=partial(self.sign_off_interview, row.interview_id),
            )
        except Exception as exc:  # shown to the person; bugs are logged with a reference
            self._tell(error_text(exc))
            return
        self._interviews[row.interview_id] = window
        # The state it shows: starting it moved an offered interview on to in progress.
        self._opened_in[row.interview_id] = self._stored_state(row.interview_id)
        window.destroyed.connect(partial(self._forget_window, row.interview_id, id(window)))

    def _stored_state(self, interview_id: str) -> InterviewState:
        return self._holder.store.interviews.get(interview_id).state

    def _forget_window(self, interview_id: str, window_id: int) -> None:
        """A closed interview window goes from the list, unless another took its place."""
        current = self._interviews.get(interview_id)
        if current is not None and id(current) == window_id:
            del self._interviews[interview_id]

    def _amend(self, interview_id: str) -> bool:
        """Start the next revision of a returned interview; False (and why) if it cannot."""
        try:
            amend_returned(self._holder.store, self._holder.actor, interview_id, self._clock())
        except Exception as exc:  # shown to the person; bugs are logged with a reference
            # over the interview's window, where Amend was chosen: the keyboard stays there
            over = self.interview_window(interview_id) or self
            self._open_dialog(information_box(over, error_text(exc)))
            return False
        self._opened_in[interview_id] = self._stored_state(interview_id)  # in progress now
        self._selected_id = interview_id
        self.reload()
        return True

    def sign_off(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.sign_off_interview(row.interview_id, self)

    def sign_off_interview(self, interview_id: str, over: QWidget) -> None:
        """Check, confirm (and for a late one, ask why) and sign off; the questions are
        shown over `over` (the caseload, or the interview's own window). Over an open
        interview's window always, wherever sign-off was asked for: over the caseload,
        its answers could still be changed while the question waits, and what was signed
        off would not be what was checked."""
        interview = self._holder.store.interviews.get(interview_id)
        if interview.state is not InterviewState.IN_PROGRESS:
            return
        window = self.interview_window(interview_id)
        if window is not None:
            if over is not window:
                over = window
                _bring_forward(window)  # its question would wait where no one sees it
            if not window.save_now():  # sign off what was typed, never another version
                text = self.tr(
                    "The answers on screen could not all be saved, so this interview cannot "
                    "be signed off yet. The interview window says why."
                )
                self._open_dialog(information_box(over, text))
                return
            interview = self._holder.store.interviews.get(interview_id)
        check = check_for_sign_off(interview, self._clock, self.forms(), QLocale().bcp47Name())
        if not check.ok:
            self._open_dialog(blocker_box(over, check, open_already=over is not self))
            return
        # What is held beside the record, as saved (from the open window, or from before
        # the app stopped): answers a change hid that the form offers to undo, and those a
        # move to a newer version kept aside. Signing off lets go of both, so it says so.
        # Answers whose notice was dismissed or replaced are not offered back, and
        # sign-off lets go of them quietly, as closing the form does.
        content = self._holder.store.held_answers.get(interview_id)
        holding = None if content is None else Holding.from_content(content)
        self._open_dialog(
            SignOffDialog(
                lambda _confirmed: self._confirmed(interview_id, interview.version, over),
                over,
                case_reference=self._holder.store.children.get(interview.child_id).case_reference,
                hidden_answers=holding is not None and holding.key is not None,
                kept_aside=holding is not None and bool(holding.kept),
            )
        )

    def _confirmed(self, interview_id: str, checked: int, over: QWidget) -> None:
        """`checked`: the interview's version whose answers were checked."""
        interview = self._holder.store.interviews.get(interview_id)
        now = self._clock()
        if is_late(interview, now):
            complete = partial(self._complete, interview_id, checked)
            self._open_dialog(LateReasonDialog(complete, interview.returned_at, now, over))
        else:
            self._complete(interview_id, checked, None)

    def _complete(self, interview_id: str, checked: int, late_reason: str | None) -> None:
        try:
            sign_off(
                self._holder.store,
                self._holder.actor,
                interview_id,
                self._clock(),
                late_reason,
                checked_version=checked,
            )
        except CaseworkError as exc:  # changed since it was checked: nothing signed off
            over = self.interview_window(interview_id) or self
            self._open_dialog(information_box(over, error_text(exc)))
            return
        window = self.interview_window(interview_id)
        if window is not None:
            window.close_without_asking()  # read-only from now on; it opens again as such
        self._selected_id = interview_id
        self.reload()

    def _open_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        over = dialog.parentWidget()
        back = over.window() if over is not None else self
        dialog.finished.connect(partial(self._dialog_finished, weakref.ref(back)))
        dialog.open()

    def _dialog_finished(self, back: weakref.ref[QWidget], _result: int) -> None:
        """The keyboard focus goes back to the window the dialog was over: the caseload,
        or an interview's window (a sign-off refused there)."""
        if self._covered or QApplication.activeModalWidget() is not None:
            return
        window = back()
        if window is None or not window.isVisible():
            window = self
        window.activateWindow()

    def _tell(self, text: str) -> None:
        self._open_dialog(information_box(self, text))

    def unsaved_interviews(self) -> list[str]:
        """Open interviews that closing would lose answers of, even after saving once
        more: answers not in the store (saving stopped: the record changed on another
        computer) or hidden by a change the form still offers to undo. While locked the
        store is closed (locking saved what it could), so nothing is saved first."""
        save = not self._covered and self._holder.is_open
        return [
            interview_id
            for interview_id in list(self._interviews)
            if (window := self.interview_window(interview_id)) is not None
            and window.answers_at_risk(save=save) is not None
        ]

    def closeEvent(self, event: QCloseEvent) -> None:
        # The person quitting (not the app shutting down, which blocks signals first).
        if not self.signalsBlocked() and not self._quit_agreed and self._work_would_be_lost():
            event.ignore()
            self._ask_to_quit()
            return
        self.stop_timers()
        self.quit_requested.emit()
        super().closeEvent(event)

    def _work_would_be_lost(self) -> bool:
        """Quitting now would lose work: answers in an open interview that are not kept
        (not saved, or hidden by a change), or (locked) typing in a dialog the lock hid."""
        if self.unsaved_interviews():
            return True
        return self._covered and self._hidden_dialog_typing()

    @staticmethod
    def _hidden_dialog_typing() -> bool:
        return any(
            isinstance(widget, SavingDialog) and widget.has_changes()
            for widget in QApplication.topLevelWidgets()
        )

    def _quit_question(self) -> str:
        """What quitting now would lose, and what to do instead."""
        if not self._covered:
            return self.tr(
                "Some answers in an open interview are not kept (they could not be saved, "
                "or a change or a move to a newer version hid them), and quitting now would "
                "lose them. The interview window says why."
            )
        if self.unsaved_interviews():  # locked: nothing is saved first
            return self.tr(
                "Unlock to see the answers in an open interview that are not kept; quitting "
                "now would lose them."
            )
        return self.tr(
            "Unlock to finish the details being typed in a dialog the lock hid; "
            "quitting now would lose them."
        )

    def _ask_to_quit(self) -> None:
        def answered(_box: QMessageBox, leave: bool) -> None:
            if leave:
                self._quit_agreed = True
                self.close()

        ask_first(
            self,
            self.tr("Quit without what was typed?"),
            self._quit_question(),
            (self.tr("&Quit anyway"), self.tr("Quit anyway")),
            (self.tr("&Keep working"), self.tr("Keep working")),
            answered,
        )


def _bring_forward(window: QWidget) -> None:
    """Show an open window in front, restored if it was minimised (and as large as it
    was: a maximised one stays maximised). Raising alone leaves a minimised window where
    no one sees it."""
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
