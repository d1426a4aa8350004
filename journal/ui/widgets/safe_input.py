"""A one-line Input for the user's own words whose pastes cannot carry terminal controls (see
`CleanPastes`); markup is never parsed by an Input anyway."""

from __future__ import annotations

from textual.widgets import Input

from journal.ui.compat import CleanPastes


class SafeInput(CleanPastes, Input):
    """See the module docstring."""
