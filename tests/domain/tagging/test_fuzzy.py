"""The typo index answers exactly as an index of every cue word's one-letter deletions would (the
form it had before it generated spellings on demand), on the real cue words and on made-up ones."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.tagging import compiled
from journal.domain.tagging.fuzzy import MIN_WORD, TypoIndex


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_typo_apart(typed: str, key: str) -> bool:
    if abs(len(typed) - len(key)) == 1:
        short, long = sorted((typed, key), key=len)
        return short in _deletes(long)
    if len(typed) == len(key):
        diffs = [i for i, (a, b) in enumerate(zip(typed, key, strict=True)) if a != b]
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and (typed[diffs[0]], typed[diffs[1]])
            == (
                key[diffs[1]],
                key[diffs[0]],
            )
        )
    return False


class Reference:
    """The deletion index, written plainly (the oracle)."""

    def __init__(self, words: Mapping[str, str], known: Iterable[str]) -> None:
        self.words, self.known = words, set(known) | set(words)
        self.by_variant: dict[str, set[str]] = {}
        for word in words:
            if len(word) >= MIN_WORD and word.isalpha():
                for variant in _deletes(word) | {word}:
                    self.by_variant.setdefault(variant, set()).add(word)

    def correct(self, typed: str) -> str | None:
        if typed in self.known or len(typed) < MIN_WORD - 1 or not typed.isalpha():
            return None
        candidates: set[str] = set()
        for variant in _deletes(typed) | {typed}:
            candidates |= self.by_variant.get(variant, set())
        keys = {self.words[w] for w in candidates if _one_typo_apart(typed, w)}
        return keys.pop() if len(keys) == 1 else None


def _slips(word: str) -> list[str]:
    """A few one-letter slips of `word` and a two-letter one."""
    swaps = [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in (0, 2, len(word) - 2)]
    return [word[1:], word[:-1], word + word[-1], word[:3] + "x" + word[3:], *swaps, word[:2] + word[4:]]


def test_every_slip_of_every_cue_word_is_answered_as_the_deletion_index_did() -> None:
    index = compiled.builtin()
    typos, oracle = TypoIndex(index.words, known=index.known), Reference(index.words, index.known)
    long_words = sorted(w for w in index.words if len(w) >= MIN_WORD and w.isalpha())[::7]
    assert len(long_words) > 100
    corrected = 0
    for word in long_words:
        for typed in _slips(word):
            expected = oracle.correct(typed)
            assert typos.correct(typed) == expected, typed
            corrected += expected is not None
    assert corrected > 100  # the slips do reach cue words


words_st = st.text(alphabet="abcdeé", min_size=4, max_size=9)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(words_st, st.sampled_from(["k1", "k2", "k3"]), min_size=1, max_size=12),
    st.lists(words_st, max_size=4),
    st.data(),
)
def test_made_up_words_match_the_deletion_index(words: dict[str, str], known: list[str], data: st.DataObject) -> None:
    """Typed words near the cue words (one or two edits away) as well as anywhere."""
    word = data.draw(st.sampled_from(sorted(words)))
    i = data.draw(st.integers(0, len(word) - 1))
    letter = data.draw(st.sampled_from("abcdeé"))
    near = [word[:i] + word[i + 1 :], word[:i] + letter + word[i:], word[:i] + letter + word[i + 1 :]]
    if i < len(word) - 1:
        near.append(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    typed = data.draw(st.sampled_from([*near, data.draw(words_st)]))
    assert TypoIndex(words, known=known).correct(typed) == Reference(words, known).correct(typed)
