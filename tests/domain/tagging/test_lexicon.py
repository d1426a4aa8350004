"""The cue data files: size, coverage, and that every line loads as written."""

from __future__ import annotations

import itertools
from importlib import resources

from journal.domain.tagging import TAXONOMY, Tagger
from journal.domain.tagging.lexicon import (
    _MAX_EXPANSIONS,
    CLASSES,
    GAP,
    cue_line_count,
    load_lexicon,
    parse_lemmas,
    parse_macros,
)
from journal.domain.tagging.negation import is_negator

CUES = resources.files("journal.domain.tagging").joinpath("cues")


def _cue_files() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in CUES.iterdir() if p.name.endswith(".txt")}


def test_every_builtin_tag_has_a_cue_file_and_no_file_is_orphaned() -> None:
    tags = {name.removesuffix(".txt") for name in _cue_files() if not name.startswith("_")}
    assert tags == set(TAXONOMY)


def test_the_lexicon_is_large_and_every_tag_is_well_covered() -> None:
    assert cue_line_count() >= 1500
    for name, text in _cue_files().items():
        if not name.startswith("_"):
            lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
            assert len(lines) >= 30, name


def test_every_builtin_tag_is_reachable() -> None:
    reached = {cue.tag for cue in load_lexicon().cues}
    assert set(TAXONOMY) <= reached


def test_no_cue_line_is_cut_short_by_the_expansion_limit() -> None:
    macros = parse_macros(_cue_files()["_macros.txt"])
    for name, text in _cue_files().items():
        if name in ("_lemmas.txt", "_macros.txt"):
            continue
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            sizes = []
            for slot in line.split():
                alts = slot.split("|")
                alts = list(
                    itertools.chain.from_iterable(
                        macros.get(a, a).split("|") if a.startswith("$") else [a] for a in alts
                    )
                )
                sizes.append(len(alts))
            total = 1
            for size in sizes:
                total *= size
            assert total <= _MAX_EXPANSIONS, (name, line)


def test_cues_never_start_with_a_gap_and_macros_all_resolve() -> None:
    macro_names = set(parse_macros(_cue_files()["_macros.txt"]))
    for name, text in _cue_files().items():
        if name in ("_lemmas.txt", "_macros.txt"):
            continue
        for line in text.splitlines():
            for slot in line.split():
                for alt in slot.split("|"):
                    assert not alt.startswith("$") or alt in macro_names, (name, line)
    assert all(cue.parts[0] != GAP for cue in load_lexicon().cues)
    assert {p for cue in load_lexicon().cues for p in cue.parts if p.startswith("<")} <= set(CLASSES)


def test_lemma_table_parsing() -> None:
    table = parse_lemmas("# comment\nsleep: slept sleeping\nnote!: notes noted\n")
    assert table["slept"] == table["sleeping"] == "sleep"
    assert table["notes"] == table["note"] == "note"


def test_negators() -> None:
    assert all(is_negator(w) for w in ("no", "not", "never", "didn't", "wasn't", "can't", "without"))
    assert not any(is_negator(w) for w in ("now", "know", "note", "tired"))


def test_the_builtin_index_is_built_once_and_shared() -> None:
    from journal.domain.models import UserKeyword

    assert load_lexicon() is load_lexicon()
    plain, taught = Tagger(), Tagger(user_keywords=[UserKeyword("hobby", "zorbing")])
    assert plain._tries[0] is taught._tries[0]
    assert len(plain._tries) == 1 and len(taught._tries) == 2


def test_no_alternative_repeats_the_word_before_its_slot() -> None:
    """Catches `walk with the dog|my+partner`, which means "with the my partner": the first
    alternative of a multiword choice must be joined with `+` too."""
    for name, text in _cue_files().items():
        if name in ("_lemmas.txt", "_macros.txt", "_real_words.txt"):
            continue
        for line in text.splitlines():
            slots = line.split()
            for prev, slot in itertools.pairwise(slots):
                alts = slot.split("|")
                if "|" in prev or prev.startswith("$") or len(alts) < 2:
                    continue
                assert not any(a.split("+")[0] == prev for a in alts[1:] if "+" in a), (name, line)
