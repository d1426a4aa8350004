"""Regenerate `journal/domain/tagging/cues/_real_words.txt` after the cue files change.

The tagger forgives one-letter typos towards cue words ("exhuasted" -> exhausted). A real word one
letter away from a cue word ("fiction" / "friction") must never be "corrected", so this script lists
exactly those real words, from an English word list, and the tagger treats them as known.

Needs the `english-words` package at development time only (not a dependency of the app):

    pip install --target /tmp/ew english-words
    PYTHONPATH=/tmp/ew python scripts/tagging_real_words.py
"""

from __future__ import annotations

import string
from pathlib import Path

from english_words import get_english_words_set

from journal.domain.tagging.fuzzy import MIN_WORD
from journal.domain.tagging.lexicon import load_lexicon

OUT = Path(__file__).resolve().parents[1] / "journal/domain/tagging/cues/_real_words.txt"


def _near(word: str) -> set[str]:
    """Every string one dropped, added or swapped letter away from `word`."""
    out = {word[:i] + word[i + 1 :] for i in range(len(word))}
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    out |= {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in string.ascii_lowercase}
    out.discard(word)
    return out


def _is_real(word: str, dictionary: set[str]) -> bool:
    if word in dictionary:
        return True
    for suffix, repl in (
        ("s", ""),
        ("es", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("ly", ""),
        ("er", ""),
        ("ers", ""),
    ):
        if word.endswith(suffix) and word[: -len(suffix)] + repl in dictionary:
            return True
    return False


def main() -> None:
    dictionary = get_english_words_set(["web2", "gcide"], lower=True, alpha=True)
    cue_words = {w for w in load_lexicon().words if len(w) >= MIN_WORD and w.isalpha()}
    real = sorted({v for w in cue_words for v in _near(w) if v not in cue_words and _is_real(v, dictionary)})
    header = "# Real words one typo from a cue word: never corrected. Made by scripts/tagging_real_words.py\n"
    OUT.write_text(header + "\n".join(real) + "\n", encoding="utf-8")
    print(f"{len(real)} real words written to {OUT}")


if __name__ == "__main__":
    main()
