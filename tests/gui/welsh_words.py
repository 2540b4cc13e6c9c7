"""What counts as an English word on a Welsh screen, and the visible text of a window.

English is judged by the program's own vocabulary, not a dictionary: a word is English
when the interface's English (the .ts sources, the domain and service strings, the
licence conditions) uses it and no Welsh text of the program does (.ts translations, the
domain catalogue vcs_app/domain/cymraeg.py, the Welsh offence names). Names come
from the demo generator's invented people and places; acronyms (all capitals) and
references are not words."""

from __future__ import annotations

import ast
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QTabWidget,
    QWidget,
)

from vcs_app.domain import cymraeg
from vcs_app.domain.model import Referral
from vcs_app.qt.dialogs.condition import (
    AcknowledgementDialog,
    ChangeOMDialog,
    ChaseDialog,
    ConditionDialog,
    DatedNoteDialog,
    DecisionDialog,
    OMDialog,
    SendToOMDialog,
    VariationDialog,
)
from vcs_app.qt.dialogs.duplicates import DuplicatesDialog
from vcs_app.qt.dialogs.intake import IntakeDialog
from vcs_app.qt.dialogs.letter import LetterDialog
from vcs_app.qt.dialogs.settings import SettingsDialog
from vcs_app.qt.i18n import shown
from vcs_app.services import cases, intake, om

ROOT = Path(__file__).resolve().parents[2]
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Words the two languages share or that are not English here (checked by a Welsh reader
# of this list): loan words in Welsh use, Latin, and the names of Acts and bodies.
SHARED = {"map", "tariff", "demo", "person", "problem", "data", "desk", "vcs", "e", "s"}


# Not words: format fields, template code and markup.
CODE = re.compile(r"\{[^{}]*\}|\{[{%#].*?[}%#]\}|<[^>]+>|%\d", re.DOTALL)


def words(text: str) -> list[str]:
    return [w for w in WORD.findall(CODE.sub(" ", text)) if not w.isupper() and len(w) > 1]


def _literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and " " in n.value.strip()
    ]


def _json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _json_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _json_strings(v)]
    return []


@cache
def vocabularies() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(English words, Welsh words, names and places) of the program, lower case."""
    ts = ET.parse(ROOT / "resources" / "i18n" / "vcs_cy.ts").getroot()
    english: set[str] = set()
    welsh: set[str] = set()
    for message in ts.iter("message"):
        english.update(w.lower() for w in words(message.findtext("source") or ""))
        welsh.update(w.lower() for w in words(message.findtext("translation") or ""))
    for folder in ("domain", "services"):
        for path in (ROOT / "vcs_app" / folder).rglob("*.py"):
            if path.name in ("cymraeg.py", "demo.py"):
                continue
            for text in _literals(path):
                english.update(w.lower() for w in words(text))
    conditions = json.loads((ROOT / "resources" / "conditions.json").read_text("utf-8"))
    for text in _json_strings(conditions):
        english.update(w.lower() for w in words(text))
    for text in list(cymraeg.WORDS.values()) + list(cymraeg.TEMPLATES.values()):
        welsh.update(w.lower() for w in words(text))
    offences = json.loads((ROOT / "resources" / "letters" / "offences_cy.json").read_text())
    welsh.update(w.lower() for w in words(" ".join(offences["offences"].values())))
    seeds = json.loads((ROOT / "resources" / "demo" / "seeds.json").read_text("utf-8"))
    # Names of invented people and places, and the notes an officer typed (shown as
    # typed, in whatever language they were written): not the interface's words.
    kept = ("given_names", "family_names", "vlos", "oms", "streets", "towns")
    kept += ("establishments", "hospitals", "courts", "liaison", "contact_notes")
    names = {w.lower() for key in kept for text in _json_strings(seeds[key]) for w in words(text)}
    return frozenset(english), frozenset(welsh), frozenset(names)


def english_words(text: str) -> list[str]:
    english, welsh, names = vocabularies()
    return [
        w
        for w in words(text)
        if w.lower() in english
        and w.lower() not in welsh
        and w.lower() not in names
        and w.lower() not in SHARED
    ]


def visible_text(root: QWidget, rows: int = 25) -> list[str]:
    """The text a person sees in `root`: captions, buttons, titles, tabs, placeholders,
    combo items, table headers and the first rows of each table."""
    seen = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if w is not root and not w.isVisibleTo(root):
            continue
        if isinstance(w, QLabel):
            text = w.text()
            if w.textFormat() != Qt.TextFormat.PlainText and "<" in text:
                text = re.sub(r"<[^>]+>", " ", text)
            seen.append(text)
        elif isinstance(w, QAbstractButton):
            seen.append(w.text())
        elif isinstance(w, QGroupBox):
            seen.append(w.title())
        elif isinstance(w, (QTabWidget, QTabBar)):
            seen.extend(w.tabText(i) for i in range(w.count()))
        elif isinstance(w, QComboBox):
            seen.extend(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QLineEdit) and not isinstance(w.parentWidget(), QAbstractSpinBox):
            seen.append(w.placeholderText())
        elif isinstance(w, QAbstractSpinBox):
            seen.append(w.specialValueText())
            seen.append(getattr(w, "suffix", lambda: "")())
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            for c in range(model.columnCount()):
                seen.append(str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                for r in range(min(rows, model.rowCount())):
                    seen.append(str(model.index(r, c).data() or ""))
    return [t.replace("&", "") for t in seen if t]


def officer_screens(window, ws, case, with_conditions, folder: Path, wait):
    """(name, widget) of each screen issue 23 names, opened as an officer would: the
    caseload, two cases (every tab), the report, a new referral and its duplicate check,
    each licence-condition dialog, a letter and the settings. `with_conditions` is a case
    with a licence-condition request; `wait(predicate)` waits for the report."""
    request = with_conditions.conditions[0]
    window.show()
    yield "caseload", window
    for c in (case, with_conditions):
        view = window.open_case(c.link.id)
        for i in range(view.tabs.count()):
            view.tabs.setCurrentIndex(i)
            yield f"case {c.link.ref}, tab {view.tabs.tabText(i)!r}", view
    reports = window.open_reports()
    wait(lambda: reports.report is not None, timeout=20_000)
    yield "reports", reports
    referral = Referral(
        victim=replace(case.victim, id=None),
        offender=replace(case.offender, id=None),
        offence=case.link.offence,
        referral_date=date(2026, 11, 2),
    )
    om_name = with_conditions.link.om_name
    yield "new referral", IntakeDialog(window, cases.vlo_names(ws))
    yield "duplicate check", DuplicatesDialog(window, referral, intake.find_matches(ws, referral))
    yield "request a condition", ConditionDialog(window, case.link.id, case.victim.full_name)
    yield "send to the OM", SendToOMDialog(window, with_conditions, None, folder / "r.pdf")
    yield "acknowledgement", AcknowledgementDialog(window, request)
    yield "decision", DecisionDialog(window, request)
    yield "variation", VariationDialog(window, request)
    yield "chase", ChaseDialog(window, om_name, "our question")
    yield "victim told", DatedNoteDialog(window, "Cofnodi", "&Nodyn:", shown(request.title))
    yield "add an OM", OMDialog(window)
    yield (
        "change the OM",
        ChangeOMDialog(window, om_name, [r.om for r in om.directory(ws) if r.om.id]),
    )
    yield "write a letter", LetterDialog(window, ws, case.link.id)
    yield "settings", SettingsDialog(window, ws)
