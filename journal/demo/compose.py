"""Turning a day's themes into the words of an entry.

Each theme becomes one fragment from its pool; fragments are joined the way people type at the end of
a shift (full stops, dashes, new lines, all lower case now and then, a slip of the keyboard).
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from journal.demo.text_feel import SYMPTOMS
from journal.demo.text_life import CARE, CLOSERS, FILLER, MORNINGS, OPENERS, SLOTS, TYPOS
from journal.demo.text_ritual import BOUNDARY_NOTES, GOOD_THINGS
from journal.demo.text_work import STRESSORS

_SLOT = re.compile(r"\{(\w+)\}")
_TYPO = re.compile(r"\b(" + "|".join(TYPOS) + r")\b")
_POOLS: dict[str, tuple[str, ...]] = {**STRESSORS, **SYMPTOMS, **CARE}
_JOINERS = (". ", ". ", ". ", " - ", ", ", "\n", "... ", "; ")


class Composer:
    """Writes entry texts from fragment pools with one seeded random source."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def fill(self, template: str) -> str:
        """Replace every `{slot}` with one of its values."""
        if "{" not in template:
            return template
        return _SLOT.sub(lambda m: self.rng.choice(SLOTS[m.group(1)]), template)

    def fragment(self, theme: str) -> str:
        """One fragment for a tag's theme (a stressor, symptom or kind of care)."""
        return self.fill(self.rng.choice(_POOLS[theme]))

    def mood_text(self, mood: int, themes: Sequence[str], *, morning: bool = False) -> str:
        """A mood entry: maybe an opener, the themes in any order, maybe a filler and a closer.

        A morning note looks ahead instead of back: no "long day" opener, no closer."""
        rng = self.rng
        parts = [self.fragment(t) for t in themes]
        rng.shuffle(parts)
        if morning:
            parts.insert(0, self.fill(rng.choice(MORNINGS)))
            if len(parts) == 1 and rng.random() < 0.6:
                parts.append(rng.choice(FILLER))
            return self.style(self.join(parts))
        if not parts or rng.random() < 0.35:
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(FILLER))
        if rng.random() < 0.7:
            parts.insert(0, rng.choice(OPENERS[mood]))
        if rng.random() < 0.2:
            parts.append(rng.choice(CLOSERS))
        return self.style(self.join(parts))

    def unload_text(self, mood: int, themes: Sequence[str]) -> str:
        """The ritual's unload answer: what is still on the mind, without the opener."""
        parts = [self.fragment(t) for t in themes] or [self.rng.choice(FILLER)]
        if self.rng.random() < 0.3:
            parts.insert(0, self.rng.choice(OPENERS[mood]))
        return self.style(self.join(parts))

    def good_thing(self, care: Sequence[str]) -> str:
        """The ritual's one good thing: today's care if there was some, else a small moment."""
        if care and self.rng.random() < 0.6:
            return self.fragment(self.rng.choice(care))
        return self.fill(self.rng.choice(GOOD_THINGS))

    def boundary_note(self, kind: str, outcome: str) -> str:
        return self.style(self.fill(self.rng.choice(BOUNDARY_NOTES[kind][outcome])))

    def join(self, parts: Sequence[str]) -> str:
        rng = self.rng
        out = ""
        for part in parts:
            if not out:
                out = part
            elif out[-1] in ".!?\n":
                out += ("\n" if rng.random() < 0.1 else " ") + part
            else:
                out += rng.choice(_JOINERS) + part
        return out

    def style(self, text: str) -> str:
        """The small untidiness of real notes: all lower case, a shouted word, a typo."""
        roll = self.rng.random()
        if roll < 0.08:
            text = text.lower()
        elif roll < 0.11:
            words = text.split(" ")
            i = self.rng.randrange(len(words))
            words[i] = words[i].upper()
            text = " ".join(words)
        if self.rng.random() < 0.12:
            text = _TYPO.sub(lambda m: TYPOS[m.group(1)], text, count=1)
        return text
