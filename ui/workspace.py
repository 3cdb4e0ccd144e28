"""The main window's pages as tabs: the caseload and the screens a person's role opens.

Which pages are offered follows the role the central service enrolled the person with
(`ui.roles.pages_for`); the tabs are rebuilt when that changes. Every page reads through
the profile at the moment it acts: `reload()` when it is shown after unlocking or after a
sync brought records, `clear()` when the app locks. Only the page on screen reloads at
once; the others reload when next shown. Report pages work on their own background worker
and store handle (`BackgroundProfile`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol, cast

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from ui.background_profile import BackgroundProfile
from ui.profile_holder import ProfileHolder
from ui.roles import Page

Clock = Callable[[], datetime]


class PageWidget(Protocol):
    def title(self) -> str: ...
    def reload(self) -> None: ...
    def clear(self) -> None: ...


def build_page(
    page: Page, holder: ProfileHolder, background: BackgroundProfile, clock: Clock
) -> QWidget:
    """One of the role pages (every page but the caseload, which the window owns)."""
    if page is Page.REVIEW_QUEUE:
        from ui.review.queue_page import ReviewQueuePage

        return ReviewQueuePage(holder, clock)
    if page is Page.TEAM_SUPERVISION:
        from ui.supervision.supervision_page import SupervisionPage

        return SupervisionPage(holder, clock)
    if page is Page.MY_SUPERVISION:
        from ui.supervision.my_supervision_page import MySupervisionPage

        return MySupervisionPage(holder, clock)
    if page is Page.SUPERVISION_QUALITY:
        from ui.supervision.quality_review_page import QualityReviewPage

        return QualityReviewPage(holder, clock)
    if page is Page.REPORTS:
        from ui.reports.kpi_dashboard import KpiDashboardPage

        return KpiDashboardPage(background, clock, worker=background.worker)
    if page is Page.PANEL:
        from ui.reports.panel_page import PanelPage

        return PanelPage(background, clock, worker=background.worker)
    if page is Page.THEMES:
        from ui.reports.themes_page import ThemesPage

        return ThemesPage(background, clock, worker=background.worker)
    raise ValueError(f"no page is built for {page.value}")


class Workspace(QTabWidget):
    """Tabs of pages; the caseload, when offered, is the widget the window gives it."""

    records_saved = Signal()  # a page recorded something the service should get soon

    def __init__(
        self,
        holder: ProfileHolder,
        clock: Clock,
        caseload: QWidget,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.setAccessibleName(self.tr("Pages"))
        self.setDocumentMode(True)
        self._holder = holder
        self._clock = clock
        self._caseload = caseload
        caseload.setParent(self)  # owned here even while a role does not offer it
        caseload.hide()
        self.background = BackgroundProfile(holder, self)
        self._pages: dict[Page, QWidget] = {}
        self._stale: set[Page] = set()
        self._order: tuple[Page, ...] = ()
        self.currentChanged.connect(self._shown)

    @property
    def pages(self) -> tuple[Page, ...]:
        return self._order

    def page(self, key: Page) -> QWidget | None:
        return (
            self._caseload if key is Page.CASELOAD and key in self._order else self._pages.get(key)
        )

    def current_page(self) -> Page | None:
        widget = self.currentWidget()
        return next((key for key in self._order if self.page(key) is widget), None)

    def show_page(self, key: Page) -> None:
        widget = self.page(key)
        if widget is not None:
            self.setCurrentWidget(widget)

    def offer(self, pages: Sequence[Page]) -> None:
        """Show exactly these pages, in this order; keep the page on screen if offered."""
        wanted = tuple(pages)
        if wanted == self._order:
            return
        current = self.current_page()
        self.blockSignals(True)
        try:
            while self.count():
                self.removeTab(0)
            self._caseload.setParent(self)
            self._caseload.hide()
            for key in [k for k in self._pages if k not in wanted]:
                dropped = self._pages.pop(key)
                cast(PageWidget, dropped).clear()
                dropped.deleteLater()
            for key in wanted:
                if key is Page.CASELOAD:
                    self.addTab(self._caseload, _caseload_title())
                    continue
                widget = self._pages.get(key)
                if widget is None:
                    widget = build_page(key, self._holder, self.background, self._clock)
                    self._connect(widget)
                    self._pages[key] = widget
                self.addTab(widget, cast(PageWidget, widget).title())
            self._order = wanted
            self._stale = set(self._pages)
            self.tabBar().setVisible(len(wanted) > 1)
            if current in wanted:
                self.show_page(current)
        finally:
            self.blockSignals(False)
        self._shown()

    def reload(self) -> None:
        """Records changed: the page on screen reads again now, the others when shown."""
        self._stale = set(self._pages)
        self._shown()

    def clear(self) -> None:
        """The app is locking: every page drops what it shows; the store handle closes."""
        for widget in self._pages.values():
            cast(PageWidget, widget).clear()
        self._stale = set(self._pages)
        self.background.release()

    def shutdown(self) -> None:
        self.clear()
        self.background.shutdown()

    def _shown(self, _index: int = -1) -> None:
        key = self.current_page()
        if key is None or key not in self._stale or not self._holder.is_open:
            return
        self._stale.discard(key)
        cast(PageWidget, self._pages[key]).reload()

    def _connect(self, widget: QWidget) -> None:
        saved = getattr(widget, "saved", None)  # pages that record things: decisions, supervision
        if saved is not None:
            saved.connect(self.records_saved.emit)


def _caseload_title() -> str:
    return QCoreApplication.translate("Workspace", "Caseload")
