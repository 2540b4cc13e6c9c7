"""Role checks live in services, so a greyed-out button is never the only guard."""

import pytest

from vcs_app.domain.model import AccessDenied, Role
from vcs_app.services import access


def test_roles_include_the_ones_below():
    assert Role.ADMIN.allows(Role.SENIOR) and Role.SENIOR.allows(Role.VLO)
    assert not Role.VLO.allows(Role.SENIOR)


def test_a_vlo_is_refused_a_senior_action_with_a_reason(ws):
    assert ws.role is Role.VLO
    with pytest.raises(AccessDenied, match="Only a senior VLO can purge closed cases"):
        access.require(ws, Role.SENIOR, "purge closed cases")
    ws.role = Role.SENIOR
    access.require(ws, Role.SENIOR, "purge closed cases")
