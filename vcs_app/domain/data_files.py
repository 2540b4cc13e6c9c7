"""Reading the rule and catalogue files that ship in resources/: one way, one kind of error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from vcs_app.domain.model import DomainError


def read_json(path: Path, what: str) -> Any:
    """The parsed JSON of `path`; a file that cannot be read or parsed is a DomainError
    naming `what` it is ("the release rules"), the file and the fault."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DomainError(f"Cannot read {what} {path}: {exc.strerror}.") from exc
    except json.JSONDecodeError as exc:
        raise DomainError(
            f"{what[:1].upper()}{what[1:]} {path} {'are' if what.endswith('s') else 'is'} not"
            f" valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from exc
