"""Keep None, True and False alive under PySide6 6.12 on Python 3.11.

PySide6 6.12 returns None from every void method (`painter.save()`, `label.setText()`,
`app.processEvents()`...) and True from `SignalInstance.emit()` without taking a new
reference, so each such call takes one reference away from None or True. Python 3.12+
makes these objects immortal; on 3.11, after enough calls (a batch of letters makes
thousands: every page painted, every progress report) their count reaches zero and the
interpreter aborts with "none_dealloc" / "bool_dealloc: deallocating True or False".

Giving each a vast number of spare references makes them immortal in effect, as they
are on newer Pythons. `vcs_app/__init__.py` runs this before anything else, so the GUI,
the headless commands and the tests are all covered.
"""

from __future__ import annotations

import ctypes
import sys

_SPARE = 1 << 40  # more calls than any session will ever make


def keep_singletons_alive() -> bool:
    """Pad the reference counts; False where it is not needed or not safe to do."""
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):  # immortal / debug
        return False
    for value in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(value))
        # The count is the first field of an object in release builds; make sure before
        # touching it (getrefcount adds its own argument's reference).
        if abs(count.value - (sys.getrefcount(value) - 1)) > 2:
            return False
    for value in (None, True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += _SPARE
    return True
