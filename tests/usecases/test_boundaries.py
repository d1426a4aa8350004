"""Which boundary kind a person meant: a slug or a label, typed any which way."""

from __future__ import annotations

import pytest

from journal.domain.models import BOUNDARY_KINDS
from journal.usecases.boundaries import kind_for

KINDS = {**BOUNDARY_KINDS, "covering-for-a-colleague": "Covering for a colleague"}


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("overtime", "overtime"),
        ("  Skipped break ", "skipped-break"),
        ("after_hours_contact", "after-hours-contact"),
        ("AFTER-HOURS CONTACT", "after-hours-contact"),
        ("Covering for a colleague!", "covering-for-a-colleague"),
        ("covering for a colleague", "covering-for-a-colleague"),
        ("", None),
        ("!!!", None),
        ("weekend emails", None),
    ],
)
def test_kind_for(typed: str, slug: str | None) -> None:
    assert kind_for(typed, KINDS) == slug
