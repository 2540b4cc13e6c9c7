"""Every FormDialog's validation under hypothesis text: typing anything at all into its
fields gives either a valid value or a message the VLO can act on (a DomainError shown
in the dialog), never a crash, and a refusal writes nothing to the database."""

from __future__ import annotations

from dialog_recipes import dialog_classes, dialog_recipes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

from vcs_app.domain.model import DomainError
from vcs_app.qt.dialogs.forms import FormDialog
from vcs_app.qt.dialogs.sign_in import SignInDialog
from vcs_app.storage import audit

NASTY = [
    "x" * 5000,
    "\x00",
    "a\x00b",
    "\x07\x1b[31m",
    "\u202eevil\u202c",
    "שלום",
    "👩‍👩‍👧",
    "2023-02-29",
    "29/02/2023",
    "=cmd|' /C calc'!A0",
    "+SUM(A1)",
    "@x",
    "-1",
    "1e309",
    "NaN",
    "99999999999999999999",
    "   ",
    "",
    "{{ 7*7 }}",
    "<b>bold</b>",
    "Robert'); DROP TABLE victim;--",
]
TEXT = st.one_of(st.sampled_from(NASTY), st.text(max_size=30))


def _form_dialogs(window, ws, app_cases, tmp_path) -> dict[type, object]:
    """The recipes of the dialogs built on FormDialog (the ones with `build()`)."""
    recipes = dialog_recipes(window, ws, app_cases, tmp_path)
    return {cls: make for cls, make in recipes.items() if issubclass(cls, FormDialog)}


def _text_inputs(dialog) -> list:
    inputs = [w for w in dialog.findChildren(QLineEdit) if not isinstance(w.parent(), QComboBox)]
    inputs += dialog.findChildren(QPlainTextEdit) + dialog.findChildren(QTextEdit)
    inputs += [c for c in dialog.findChildren(QComboBox) if c.isEditable()]
    return [w for w in inputs if w.isEnabled() and not getattr(w, "isReadOnly", lambda: False)()]


def _type(widget, text: str) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(text)
    elif isinstance(widget, QComboBox):
        widget.setEditText(text)
    else:
        widget.setPlainText(text)


def _fuzzer(dialog, inputs, db):
    """A hypothesis run typing into this dialog's text fields, then building its value."""

    @settings(max_examples=6, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(texts=st.lists(TEXT, min_size=len(inputs), max_size=len(inputs)))
    def fuzz(texts):
        conn = db.conn
        for widget, text in zip(inputs, texts, strict=True):
            _type(widget, text)
        changes, audited = conn.total_changes, audit.latest_id(db)
        try:
            if type(dialog).build is FormDialog.build:  # checks as you type (a letter)
                dialog.refresh()
                assert dialog.draft is not None or dialog.error.text().strip()
            else:
                dialog.build()
        except DomainError as exc:
            assert str(exc).strip()
            # Only what a failed sign-in records may be written: its audit row, and the
            # username's count of wrong passwords in a row (the throttle).
            counted = db.execute("SELECT count(*) FROM sign_in_throttle").fetchone()[0]
            written = (
                conn.total_changes
                - changes
                - (audit.latest_id(db) - audited)
                - (1 if counted and isinstance(dialog, SignInDialog) else 0)
            )
            assert written == 0, "a refused dialog wrote to the database"
            if type(dialog).accept is FormDialog.accept:
                dialog.accept()  # the message shows in the dialog, which stays open
                assert not dialog.error.isHidden() and "Cannot save" in dialog.error.text()

    return fuzz


def test_every_form_dialog_is_fuzzed(window, demo_ws, app_cases, tmp_path):
    covered = set(_form_dialogs(window, demo_ws, app_cases, tmp_path))
    missing = sorted(c.__qualname__ for c in dialog_classes(FormDialog) - covered)
    assert not missing, f"add these dialogs to the fuzz test: {missing}"


def test_any_text_gives_a_value_or_a_message_and_saves_nothing_when_refused(
    qtbot, window, demo_ws, app_cases, tmp_path
):
    crashes = []
    for cls, make in _form_dialogs(window, demo_ws, app_cases, tmp_path).items():
        dialog = make()
        qtbot.addWidget(dialog)
        inputs = _text_inputs(dialog)

        fuzz = _fuzzer(dialog, inputs, demo_ws.store.db)
        try:
            fuzz()
        except Exception as exc:  # collect all, so one run shows every dialog that breaks
            crashes.append(f"{cls.__name__}: {type(exc).__name__}: {exc}"[:400])
        dialog.deleteLater()
    assert not crashes, "\n".join(crashes)
