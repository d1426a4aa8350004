"""Automatic symptom, stressor and care tagging of free text.

    >>> [h.name for h in default_tagger().tag("Couldn't sleep, ate at my desk again #nights")]
    ['sleep', 'skipped-break', 'nights']

Pure Python: knows nothing of the UI or the database. Two parts: the cue engine (`engine.py`, cues
as data in `cues/`, format in `lexicon.py`) and a learned model over its reading and the note's
words (`learned.py`, `features.py`, `model.py`; the model is `model.bin`, packed from
`data/tagging/model.json`, both trained from `data/tagging/corpus` by `scripts/train_tagger.py`). The model decides each built-in tag; the
engine's cues give its words. Measure with `python -m journal.domain.tagging.evaluate PATH...`.
The choices below are the engine's; the model reads them as features and may overrule them.

Choices worth knowing (each keeps a tag honest rather than eager):

- A negation reaches back at most four words within its clause ("no headache, exhausted" is
  fatigue). Cues that hold their own negation ("couldn't sleep", "no energy") are never cancelled.
- Improvement is not the symptom: "no longer anxious", "less overwhelmed" give no tag.
- Something called off did not happen: "supervision was cancelled", "skipped yoga", "meant to
  meditate", "was going to call my brother" give no care tag (the missing care is not a stressor).
- Other people's feelings are not the writer's: "he was so scared", "her anxiety", "the client
  talked about feeling exhausted" give no symptom tag (stressors and care still count).
- Wishes, needs, plans and requests are not events: "need a massage", "would love a lie-in",
  "manager asked me to stay late" give no care, overtime, after-hours or drinking tag, unless the
  request was taken up ("Said yes") (`irrealis.py`).
- What the work is about is not the writer's state: "ran a group on managing anxiety", "taught the
  kids breathing exercises", "a course on vicarious trauma"; nor is 'self-care' in scare quotes
  (`mention.py`). Happy tears beside a meaningful moment are not sadness (`tears.py`).
- A single social drink is not drinking to cope: bare drinks need a coping context or a quantity.
- The longest cue at a position wins and hides the words inside it: "slept well" is rest, not
  sleep; "blood pressure" (a blocker) is nothing.
- A `#hashtag` is the user's explicit tag: its word is not matched again as a cue.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from journal.domain.tagging.taxonomy import TAXONOMY

if TYPE_CHECKING:
    from journal.domain.tagging.engine import HASHTAG_RE
    from journal.domain.tagging.learned import Tagger

__all__ = ["HASHTAG_RE", "TAXONOMY", "Tagger", "default_tagger", "hashtags"]


def __getattr__(name: str) -> Any:
    """`Tagger` and `HASHTAG_RE` load the engine (and its lexicon) on first use: opening a journal
    needs only TAXONOMY, and the app builds its tagger in a thread after the first frame."""
    if name == "Tagger":
        from journal.domain.tagging.learned import Tagger

        return Tagger
    if name == "HASHTAG_RE":
        from journal.domain.tagging import engine

        return engine.HASHTAG_RE
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def default_tagger() -> Tagger:
    """The shared tagger with built-in cues and model only (no user keywords or tags)."""
    from journal.domain.tagging.learned import Tagger

    return Tagger()


def hashtags(text: str) -> list[str]:
    """The `#hashtag` names in `text`, lowercased, in order of first appearance."""
    from journal.domain.tagging.engine import HASHTAG_RE
    from journal.domain.tags import tag_slug

    return list(dict.fromkeys(tag_slug(m.group(1)) for m in HASHTAG_RE.finditer(text)))
