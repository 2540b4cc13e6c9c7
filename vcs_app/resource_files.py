"""The files VCS Desk ships beside its code: letter templates, rules, help, translations,
the report template and the demo seeds.

They live in resources/ at the top of the checkout and are installed as the package data
`vcs_app.resources` (pyproject.toml maps the folder to that name), so this one lookup finds
them in the checkout (editable install), in an installed wheel and in the desktop build.
Imports nothing of ours, so every layer may use it.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The shipped file or folder resources/`parts`, as a path on disk."""
    return Path(str(resources.files("vcs_app.resources").joinpath(*parts)))
