"""The tag a boundary event carries because of what it was, whatever its note says.

A boundary crossed or bent is a stressor of its kind (a skipped break is `skipped-break` even when
the note is empty or says "ate at my desk"), and a boundary held is `boundary-held`. The tag has no
words behind it, so it is explained by the event itself: `KIND_REASON`. Storage applies this on every
save, bulk save and re-tag, so the ritual, the Boundaries pane, the CLI and imports agree.
"""

from __future__ import annotations

from collections.abc import Mapping

from journal.domain.models import Outcome

__all__ = ["HELD_TAG", "KIND_REASON", "KIND_STRESSORS", "STRESSOR_CHOICES", "kind_tag", "kind_tag_reason"]

#: the stressor tag of each built-in kind that has one, when crossed or bent
KIND_STRESSORS: dict[str, str] = {
    "after-hours-contact": "after-hours",
    "overtime": "overtime",
    "skipped-break": "skipped-break",
}
#: the tag of any boundary held
HELD_TAG = "boundary-held"
#: how a tag from the boundary's kind explains itself (it has no trigger words)
KIND_REASON = "from the boundary's kind"
#: the tags a user's own kind can be linked to (the built-in stressors), in the taxonomy's order
STRESSOR_CHOICES: tuple[str, ...] = (
    "caseload",
    "paperwork",
    "crisis",
    "trauma-exposure",
    "after-hours",
    "overtime",
    "skipped-break",
    "staffing",
    "conflict",
    "aggression",
    "client-outcome",
)


def kind_tag(kind: str | None, outcome: Outcome | str | None, user_tags: Mapping[str, str | None]) -> str | None:
    """The tag a boundary event of `kind` with `outcome` carries, or None.

    `user_tags` maps a user's own kinds to the tag they picked for them (None: no tag)."""
    if kind is None or outcome is None:
        return None
    outcome = Outcome(outcome)
    if outcome is Outcome.HELD:
        return HELD_TAG
    return KIND_STRESSORS.get(kind) or user_tags.get(kind) or None


def kind_tag_reason(kind_label: str, outcome: Outcome | str | None) -> str:
    """The words shown for such a tag: "from the boundary's kind (Skipped break, crossed)"."""
    said = f"{kind_label}, {Outcome(outcome)}" if outcome else kind_label
    return f"{KIND_REASON} ({said})"
