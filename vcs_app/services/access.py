"""Who may do what: senior-only actions are refused here, whatever the GUI shows."""

from __future__ import annotations

from vcs_app.domain.model import AccessDenied, Role
from vcs_app.services.workspace import Workspace


def require(ws: Workspace, needed: Role, action: str) -> None:
    """Raise AccessDenied naming the action and the role it needs."""
    if not ws.role.allows(needed):
        label = {Role.VLO: "a VLO", Role.SENIOR: "a senior VLO", Role.ADMIN: "an administrator"}
        raise AccessDenied(
            f"Only {label[needed]} can {action}; you are signed in as {label[ws.role]}."
        )
