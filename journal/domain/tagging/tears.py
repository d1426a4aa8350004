"""Happy tears: crying beside a meaningful moment is not low mood.

"Dad emailed to say his son is back at school. Teared up." and "I nearly cried" after a client's
thanks are the moment's weight, not sadness. Sadness is dropped only when every sadness cue is a
tears word close to a meaningful-moment cue; any other sadness word keeps it.
"""

from __future__ import annotations

from journal.domain.models import Span

_TEAR_WORDS = ("tear", "cried", "cry", "crying", "weep", "wept", "welled")
NEAR = 160  # characters: about the sentence before or after


def _is_tears(span: Span) -> bool:
    low = span.text.lower()
    return any(word in low for word in _TEAR_WORDS)


def drop_happy_tears(found: dict[str, list[Span]]) -> None:
    """Remove `sadness` from `found` when it is only tears shed near a meaningful moment."""
    sad, moments = found.get("sadness"), found.get("meaningful-moment")
    if not sad or not moments:
        return
    if all(_is_tears(s) and any(abs(s.start - m.start) <= NEAR for m in moments) for s in sad):
        del found["sadness"]
