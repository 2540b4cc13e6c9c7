"""The files VCS Desk ships beside its code, installed as the package `vcs_app.resources`.

Nothing to import here: read them through `vcs_app.resource_files`.
"""
