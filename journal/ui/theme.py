"""The journal's own calm themes, registered beside Textual's built-in ones.

People open this app tired, often late at night: the default is a soft, low-glare blue-grey with sage
and sand accents, contrasty enough to read comfortably but with nothing that shouts. A light variant
exists for daylight. The chosen theme is a setting in the journal (see `JournalApp`).
"""

from __future__ import annotations

from textual.theme import Theme

DEFAULT_THEME = "journal-calm"

CALM = Theme(
    name="journal-calm",
    primary="#7f9cb5",  # muted blue-grey
    secondary="#8fa88f",  # sage
    accent="#c9b48a",  # soft sand
    foreground="#d5dce2",
    background="#1d2227",
    surface="#242a30",
    panel="#2d343b",
    success="#8fb996",
    warning="#d2b06f",
    error="#c9776f",
    dark=True,
    luminosity_spread=0.12,
    text_alpha=0.92,
    # Solid, not a see-through foreground: readable (WCAG AA, 4.5:1) on every background of the
    # theme, from the screen to a highlighted row (tests/ui/test_contrast.py measures each cell).
    variables={
        "text-muted": "#aab3ba",
        "text-disabled": "#9ca5ac",
        "footer-description-foreground": "#d5dce2",
    },
)

CALM_LIGHT = Theme(
    name="journal-calm-light",
    primary="#4f6f8a",
    secondary="#5f7d5f",
    accent="#8a6d3b",
    foreground="#2b3238",
    background="#eef1f0",
    surface="#f6f7f5",
    panel="#dde3e2",
    success="#4e8a5a",
    warning="#9a7328",
    error="#a2504a",
    dark=False,
    luminosity_spread=0.12,
    variables={
        "text-muted": "#4a5258",
        "text-disabled": "#59626a",
        "footer-key-foreground": "#6e5429",
        "footer-description-foreground": "#2b3238",
    },
)

THEMES: tuple[Theme, ...] = (CALM, CALM_LIGHT)
