"""Boundary kinds by their names, never their slugs: "Checking email on leave", not
`checking-email-on-leave`.

The built-in names are known from the start; a person's own kinds are remembered here whenever a pane
loads them in a worker (Boundaries, History), so drawing a row never reads the journal file. A kind
not loaded yet is still said in words: its slug with spaces and a capital, which is how its name
began (the slug is made from the name).
"""

from __future__ import annotations

from collections.abc import Mapping

from journal.domain.models import BOUNDARY_KINDS

_NAMES: dict[str, str] = dict(BOUNDARY_KINDS)


def remember(kinds: Mapping[str, str]) -> None:
    """Learn the names of these kinds (slug -> name), e.g. from `store.boundary_kinds()`."""
    _NAMES.update({slug: name for slug, name in kinds.items() if slug and name and name != slug})


def in_words(slug: str) -> str:
    """A slug said in words: `checking-email-on-leave` -> "Checking email on leave"."""
    words = " ".join(slug.replace("-", " ").replace("_", " ").split())
    return words[:1].upper() + words[1:] if words else "A boundary"


def boundary_name(slug: str | None) -> str:
    """The name of a boundary kind, as the person named it."""
    if not slug:
        return "A boundary"
    return _NAMES.get(slug) or in_words(slug)
