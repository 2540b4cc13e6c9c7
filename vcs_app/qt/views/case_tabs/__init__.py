"""One module per tab of the case view; each has `build(view, case) -> QWidget`."""
