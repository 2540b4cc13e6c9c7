"""The day every test works on: the workspace's clock, never the computer's, so the suite
gives the same answers on any day (CI runs it with the system clock moved, too)."""

from datetime import date

TODAY = date(2026, 11, 26)
