"""Lists reload at once when visible and only once when next shown otherwise."""

from PySide6.QtWidgets import QWidget

from vcs_app.qt.widgets import ReloadWhenShown
from vcs_app.services.cases import Changed


class _List(ReloadWhenShown, QWidget):
    RELOAD_ON = ("om",)

    def __init__(self) -> None:
        super().__init__()
        self.reloads = 0

    def reload(self) -> None:
        self.reloads += 1


def test_hidden_list_reloads_once_when_next_shown(qtbot):
    view = _List()
    qtbot.addWidget(view)
    view.refresh_after(Changed((), "om"))
    view.refresh_after(Changed((), "om"))
    assert view.reloads == 0
    view.show()
    qtbot.waitExposed(view)
    assert view.reloads == 1
    view.refresh_after(Changed((), "om"))
    assert view.reloads == 2


def test_changes_of_other_kinds_are_ignored(qtbot):
    view = _List()
    qtbot.addWidget(view)
    view.show()
    view.refresh_after(Changed((), "letter"))
    assert view.reloads == 0
