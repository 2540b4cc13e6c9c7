"""The interface language: English in the code, Welsh from resources/i18n/vcs_cy.qm.

Strings are marked with `self.tr("...")` (context: the class name) or
`QCoreApplication.translate("Context", "...")`, the two forms pyside6-lupdate extracts
from Python. `make translations` refreshes the .ts from the code and compiles the .qm.
Letters have their own Welsh templates; this is only the staff's interface.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from vcs_app.domain.cymraeg import add_words, in_language
from vcs_app.domain.model import label as english_label
from vcs_app.resource_files import resource_path

I18N_DIR = resource_path("i18n")
LANGUAGE_KEY = "ui/language"  # the same key the settings dialog writes
LANGUAGES = {"en": "English", "cy": "Cymraeg"}


# The language code is itself a translated string ("cy" in vcs_cy.ts), so the language of
# domain words always follows the translator installed, and goes back to English with it.
_LANGUAGE = QT_TRANSLATE_NOOP("Language", "en")


def current_language() -> str:
    """The interface language in use now: "cy" while the Welsh translator is installed."""
    return "cy" if QCoreApplication.translate("Language", _LANGUAGE) == "cy" else "en"


def shown(text: str) -> str:
    """A word or sentence from the domain (a status, a flag, "Overdue by 3 days") in the
    interface language (vcs_app/domain/cymraeg.py); other text comes back unchanged."""
    language = current_language()
    if language == "cy" and not _titles_added:
        _add_titles()
    return in_language(text, language)


_titles_added: list[bool] = []


def _add_titles() -> None:
    """The letter and licence condition titles: their Welsh is kept with them."""
    from vcs_app.services import conditions, letters

    _titles_added.append(True)
    add_words({info.title_en: info.title_cy for info in letters.letter_templates()})
    add_words({t.title: t.title_cy for t in conditions.catalogue().templates})


def offence(text: str) -> str:
    """An offence as recorded, in Welsh when Welsh is chosen and the Welsh letters have
    its wording (resources/letters/offences_cy.json); otherwise as recorded."""
    if current_language() != "cy":
        return text
    from vcs_app.domain.model import Language
    from vcs_app.services.letters import offence_wording

    welsh = offence_wording(text, Language.WELSH)
    return welsh[:1].upper() + welsh[1:] if welsh else text


def label(value) -> str:
    """The label of a stored value (an enum: "Opted in") in the interface language."""
    return shown(english_label(value))


def saved_language() -> str:
    return "cy" if QSettings().value(LANGUAGE_KEY) == "cy" else "en"


def translation_file(language: str) -> Path:
    return I18N_DIR / f"vcs_{language}.qm"


def install_translator(app: QCoreApplication, language: str | None = None) -> QTranslator | None:
    """Load the interface translation chosen in Settings (call before building windows:
    strings are translated when widgets are made). None for English or a missing file."""
    language = language or saved_language()
    if language == "en":
        return None
    translator = QTranslator(app)
    if not translator.load(str(translation_file(language))):
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    # Qt's own buttons (OK, Cancel, Next >, Yes/No...): Qt's translation where it ships
    # one, else ours (Qt has no Welsh: resources/i18n/qtbase_cy.ts).
    qt_base = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(QLocale(language), "qtbase", "_", path) or qt_base.load(
        str(I18N_DIR / f"qtbase_{language}.qm")
    ):
        app.installTranslator(qt_base)
        translator.qt_base = qt_base  # removed with it (remove_translator)
    else:
        qt_base.deleteLater()
    return translator


def remove_translator(app: QCoreApplication, translator: QTranslator | None) -> None:
    """Back to English: remove an installed translation and Qt's own with it."""
    if translator is None:
        return
    app.removeTranslator(translator)
    qt_base = getattr(translator, "qt_base", None)
    if qt_base is not None:
        app.removeTranslator(qt_base)
