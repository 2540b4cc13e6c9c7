"""One case: safety flags first, then tabs for each part of the VLO's work."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vcs_app.domain.model import CaseFile
from vcs_app.qt.i18n import shown
from vcs_app.qt.views.case_tabs import (
    conditions,
    history,
    letters,
    liaison,
    offender,
    timeline,
    victim,
)
from vcs_app.qt.widgets import plain_label, without_mnemonic

TABS = (victim, offender, timeline, conditions, liaison, letters, history)


class CaseView(QWidget):
    """Shows a CaseFile; actions are requested through signals the main window handles."""

    is_case_view = True  # how the main window knows a case tab (it imports this lazily)

    edit_victim = Signal(int)
    edit_offender = Signal(int)
    add_liaison = Signal(int)
    # (case id, action, request or liaison note id): conditions and OM work, handled by
    # qt/dialogs/condition.run_case_action
    om_work = Signal(int, str, int)
    # (case id, action, letter id): the letter log, handled by
    # qt/dialogs/letter.run_letter_action
    letter_action = Signal(int, str, int)

    def __init__(self, case: CaseFile) -> None:
        super().__init__()
        self.case_id = case.link.id
        self.setAccessibleName(self.tr("Case {ref}").format(ref=case.link.ref))
        self.header = plain_label()
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.header.setFont(font)
        self.safety = plain_label()
        self.safety.setWordWrap(True)
        self.safety.setFrameShape(QFrame.Shape.Box)
        self.safety.setMargin(6)
        # Read first: Tab reaches it, the keyboard can select its words, and opening a
        # case puts the focus here (main_window.open_case), so a screen reader says the
        # flags before anything else. Its accessible name is the flags themselves.
        self.safety.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.safety.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Case sections"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.safety)
        layout.addWidget(self.tabs, 1)
        # One empty page per tab; a tab's content is built the first time it is shown
        # and again only when shown after the case changed (see show_case).
        self._pages: list[QWidget] = []
        for tab in TABS:
            page = QWidget()
            page_layout = QVBoxLayout(page)
            page_layout.setContentsMargins(0, 0, 0, 0)
            self._pages.append(page)
            # Alt+1 to Alt+7 choose a section, as in a web browser's tabs, not a letter:
            # the menu bar's Alt keys and the sections' buttons need every letter there is.
            title = without_mnemonic(QCoreApplication.translate("CaseView", tab.TITLE))
            index = self.tabs.addTab(page, title)
            key = QKeySequence(f"Alt+{index + 1}")
            QShortcut(key, self, lambda i=index: self.tabs.setCurrentIndex(i))
            self.tabs.setTabToolTip(
                index,
                self.tr("{section} ({key})").format(
                    section=self.tabs.tabText(index).replace("&&", "&"),
                    key=key.toString(QKeySequence.SequenceFormat.NativeText),
                ),
            )
        self._built: dict[int, QWidget] = {}
        self._stale: set[int] = set()
        self.tabs.currentChanged.connect(self._build_if_stale)
        self.show_case(case)

    def show_case(self, case: CaseFile) -> None:
        current = self.tabs.currentIndex()
        self.case = case
        link, victim, offender = case.link, case.victim, case.offender
        self.header.setText(
            self.tr("{ref}  ·  {victim}  ·  offender {offender}").format(
                ref=link.ref, victim=victim.full_name, offender=offender.full_name
            )
        )
        flags = [shown(flag) for flag in case.safety_flags]
        needs = [shown(need) for need in case.needs]
        text = (
            self.tr("⚠ SAFETY: {flags}").format(flags="  ·  ".join(flags))
            if flags
            else self.tr("No safety flags recorded.")
        )
        spoken = (
            self.tr("Safety flags: {flags}.").format(flags="; ".join(flags))
            if flags
            else self.tr("No safety flags recorded.")
        )
        if needs:
            text += "\n" + self.tr("Needs: {needs}").format(needs="  ·  ".join(needs))
        self.safety.setText(text)
        self.safety.setAccessibleName(spoken)
        self.safety.setAccessibleDescription(
            self.tr("Needs: {needs}").format(needs="; ".join(needs)) if needs else ""
        )
        self.safety.setStyleSheet("font-weight: bold;" if flags else "")
        # Opening a case costs one tab, not seven: the others are rebuilt when shown.
        self._stale = set(range(len(TABS)))
        self._build_if_stale(max(0, current))

    def focus_first(self) -> None:
        """Where the keyboard starts in a case: its safety flags, read before anything."""
        self.safety.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_tab(self, title: str) -> QWidget:
        """Make the tab whose title contains `title` (no mnemonics, e.g. "Liaison")
        current and return its built content."""
        for index, tab in enumerate(TABS):
            if title in without_mnemonic(tab.TITLE).replace("&&", "&"):  # "Contacts & letters"
                self.tabs.setCurrentIndex(index)
                self._build_if_stale(index)
                return self._built[index]
        raise KeyError(title)

    def _build_if_stale(self, index: int) -> None:
        if index not in self._stale:
            return
        self._stale.discard(index)
        old = self._built.pop(index, None)
        if old is not None:  # out of the tree now, so a search of the page finds only the new
            old.setParent(None)
            old.deleteLater()
        self._built[index] = TABS[index].build(self, self.case)
        self._pages[index].layout().addWidget(self._built[index])
