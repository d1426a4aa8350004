"""The one rule that turns a tag as written into the tag's name (its slug), everywhere in the app.

Typed `#tags`, the tag box in the editor, `--tag` on the command line, the store, and every importer
(jrnl's `@c++`, a Daylio activity "good meal") all go through `tag_slug`, so the same words always
make the same tag, and different tags stay different:

    >>> [tag_slug(t) for t in ("#Night Shift", "@c++", "@c#", "@os/2", "os-2", "late_night")]
    ['night-shift', 'c++', 'c#', 'os/2', 'os-2', 'late_night']

The rule, and nothing more:

1. Unicode NFC (a composed and a decomposed "é" are one letter), then lower case.
2. Leading `#` and `@` are the markers other programs write before a tag, not part of it
   (kept when they are all there is: `#` alone stays `#`).
3. Surrounding space goes; a run of spaces (with any hyphens touching it) inside becomes one `-`,
   so "late night", "late - night" and "late-night" are one tag.
4. Every other character is kept as written: `c++`, `c#`, `os/2`, `mood:low`, emoji. Underscores
   stay underscores (`#late_night`, as typed, has always been that tag).

Names stored by earlier versions are never rewritten; the rule gives back each of them unchanged
(they were already lower case with no spaces), except a name that began with `@`.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["tag_slug"]

_MARKERS = "#@"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: A run of white space inside a name, with the hyphens that touch it.
_SEPARATOR = re.compile(r"[-\s]*\s[-\s]*")


def tag_slug(raw: str) -> str:
    """A tag as written (`#Late Night`, `@c++`, ` good meal `) -> its name; "" only when `raw` has
    nothing but spaces (or control characters) in it."""
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFC", raw).lower())
    text = _CONTROL.sub(" ", text).strip()
    bare = text.lstrip(_MARKERS + " \t\n\r\f\v")
    if bare:
        text = bare.strip()
    return _SEPARATOR.sub("-", text)
