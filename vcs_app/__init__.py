"""VCS Desk. Importing the package first works around a PySide6 reference bug."""

from vcs_app.refcounts import keep_singletons_alive

keep_singletons_alive()
