"""Which boundary kind a person meant, from a slug or a label typed any which way."""

from __future__ import annotations

from collections.abc import Mapping

from journal.domain.tags import kind_slug

__all__ = ["kind_for"]


def kind_for(typed: str, kinds: Mapping[str, str]) -> str | None:
    """The slug of the kind in `kinds` (slug -> label) that `typed` names, by its slug or its label,
    in any case, with spaces, hyphens or underscores (`Skipped break`, `skipped_break`); None when
    none does. Both sides go through the rule kinds are made by (`kind_slug`), so a kind is found
    as it was made."""
    wanted = kind_slug(typed)
    if not wanted:
        return None
    for slug, label in kinds.items():
        if wanted in (kind_slug(slug), kind_slug(label)):
            return slug
    return None
