"""Layout helpers shared by the case tabs."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vcs_app.qt.i18n import shown
from vcs_app.qt.widgets import plain_label


def value_label(text: str, name: str) -> QLabel:
    """A read-only value the keyboard reaches too: Tab stops on it (its caption's Alt key
    as well) and the arrow keys select its text. Its accessible name is caption and value
    ("Name: Alex Morgan"): a label's name replaces its text for a screen reader."""
    text = shown(text)  # a domain word ("Opted in") in the interface language
    value = plain_label(text or "—")
    value.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    value.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    value.setAccessibleName(f"{name}: {text or '—'}")
    return value


def form(pairs: Sequence[tuple[str, str]]) -> QFormLayout:
    """Read-only caption: value rows; each value is the caption's buddy and named by it."""
    layout = QFormLayout()
    for caption, text in pairs:
        value = value_label(text, caption)
        caption_label = plain_label(f"{caption}:")
        caption_label.setBuddy(value)
        layout.addRow(caption_label, value)
    return layout


def button(text: str, name: str, slot: Callable[[], None]) -> QPushButton:
    widget = QPushButton(text)
    widget.setAccessibleName(name)
    widget.clicked.connect(slot)
    return widget


def page(*items: QWidget | QFormLayout, buttons: Sequence[QPushButton] = ()) -> QWidget:
    """Stack items vertically (tables stretch), with a row of buttons at the bottom."""
    widget = QWidget()
    layout = QVBoxLayout(widget)
    for item in items:
        if isinstance(item, QFormLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item, 1 if isinstance(item, QAbstractItemView) else 0)
    if buttons:
        row = QHBoxLayout()
        for b in buttons:
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
    return widget
