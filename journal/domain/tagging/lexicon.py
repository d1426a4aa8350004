"""Loading the cue lexicon from the data files in `cues/`, once per process.

Cues are data, not code, so the lexicon can grow without touching the engine. Format of
`cues/<tag-slug>.txt`, one cue per line (`#` starts a comment line):

    felt|feeling|feel so|really|_ down      alternatives per slot; `_` is "nothing"
    woke at <num>                           `<num>` is any number: 4, 4:30, four;
                                            `<early>`/`<late>` only clock times ending/after a day
    bit * head off                          `*` is one optional filler word
    a+bit low                               `+` joins words inside one alternative
    $cant focus                             `$name` is a slot defined in `_macros.txt`

A phrase whose own words hold a negation ("couldn't sleep", "no energy") is not cancelled by it.
`_blockers.txt` holds phrases that match nothing but stop shorter cues inside them ("blood
pressure"). `_lemmas.txt` maps irregular forms, spellings and typos: `canonical: variant ...`; a
canonical ending in `!` is used as the key as it is, without suffix stripping.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache
from importlib import resources

from journal.domain.tagging.negation import is_negator
from journal.domain.tagging.normalise import clear_cache, iter_words, pure_stem, stem

GAP = "*"
NUM = "<num>"
EARLY = "<early>"  # a clock time from 1 to 5 (or 13:00 to 17:59): leaving on time
LATE = "<late>"  # a clock time from 6 to 11 (or 18:00 to 23:59, midnight): leaving late
MANY = "<many>"  # a count of six or more: "7 clients"
FEW = "<few>"  # a count of five or fewer: "4 hours sleep"
CLASSES = (NUM, EARLY, LATE, MANY, FEW)
_TABLES = ("_lemmas.txt", "_macros.txt", "_real_words.txt")
_MAX_EXPANSIONS = 30_000  # per line; a typo in a cue file must not explode the load


@dataclass(frozen=True, slots=True)
class Cue:
    """One matchable token sequence for one tag (`tag` None: a blocker that tags nothing)."""

    tag: str | None
    parts: tuple[str, ...]
    self_negated: bool


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything loaded from the data files."""

    lemmas: dict[str, str]
    cues: tuple[Cue, ...]
    #: every word written in a cue file, as written (lowercase) -> its key; for typo correction
    words: dict[str, str]
    #: real words one typo away from a cue word, which typo correction must leave alone
    real_words: frozenset[str] = frozenset()


def _data_files() -> list[tuple[str, str]]:
    root = resources.files("journal.domain.tagging").joinpath("cues")
    files = [(p.name, p.read_text(encoding="utf-8")) for p in root.iterdir() if p.name.endswith(".txt")]
    return sorted(files)


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def parse_lemmas(text: str) -> dict[str, str]:
    """`canonical: variant ...` lines -> {variant: key}. Later lines win."""
    table: dict[str, str] = {}
    for line in _lines(text):
        head, _, rest = line.partition(":")
        canonical = head.strip().lower()
        if canonical.endswith("!"):
            canonical = key = canonical[:-1]
        else:
            key = pure_stem(canonical)
        table[canonical] = key
        for variant in rest.split():
            table[variant.lower().replace("’", "'")] = key
    return table


def parse_macros(text: str) -> dict[str, str]:
    """`$name = alt|alt|...` lines -> {"$name": "alt|alt|..."}."""
    macros = {}
    for line in _lines(text):
        name, _, body = line.partition("=")
        macros[name.strip()] = body.strip().replace(" ", "+")
    return macros


def expand(line: str, macros: dict[str, str] | None = None) -> list[list[str]]:
    """All word sequences one cue line stands for (alternatives multiplied out)."""
    slots: list[list[list[str]]] = []
    for slot in line.split():
        if macros and "$" in slot:
            slot = "|".join(macros.get(alt, alt.lstrip("$")) if alt.startswith("$") else alt for alt in slot.split("|"))
        options: list[list[str]] = []
        for alt in slot.split("|"):
            if alt == "_":
                options.append([])
            elif alt == GAP or alt in CLASSES:
                options.append([alt])
            else:
                options.append(
                    [w for piece in alt.split("+") for w in ((piece,) if piece in CLASSES else iter_words(piece))]
                )
        slots.append(options)
    out = []
    for combo in itertools.islice(itertools.product(*slots), _MAX_EXPANSIONS):
        words = [w for option in combo for w in option]
        if words:
            out.append(words)
    return out


def make_cues(tag: str | None, line: str, lemmas: dict[str, str], macros: dict[str, str] | None = None) -> list[Cue]:
    """Cues for one line, keyed the same way entry text is."""
    cues = []
    keys: dict[str, tuple[str, bool]] = {}  # word -> (key, negates); lines repeat their words
    for words in expand(line, macros):
        parts = []
        negated = False
        for w in words:
            known = keys.get(w)
            if known is None:
                special = w == GAP or w in CLASSES
                known = keys[w] = (w if special else stem(w, lemmas), not special and is_negator(w))
            parts.append(known[0])
            negated = negated or known[1]
        while parts and parts[0] == GAP:
            parts.pop(0)
        while parts and parts[-1] == GAP:
            parts.pop()
        if parts:
            cues.append(Cue(tag, tuple(parts), negated))
    return cues


@cache
def load_lexicon() -> Lexicon:
    """Read and expand every cue file (cached: the package data never changes at run time)."""
    files = _data_files()
    lemma_text = "\n".join(text for name, text in files if name == "_lemmas.txt")
    lemmas = parse_lemmas(lemma_text)
    macros = parse_macros("\n".join(text for name, text in files if name == "_macros.txt"))
    clear_cache()
    cues: list[Cue] = []
    words: dict[str, str] = {}
    for name, text in files:
        if name in _TABLES:
            continue
        tag = None if name == "_blockers.txt" else name.removesuffix(".txt")
        for line in _lines(text):
            cues.extend(make_cues(tag, line, lemmas, macros))
            if tag is not None:
                for word in iter_words(line.replace("|", " ").replace("+", " ")):
                    words.setdefault(word, stem(word, lemmas))
    for line in macros.values():
        for word in iter_words(line.replace("|", " ").replace("+", " ")):
            words.setdefault(word, stem(word, lemmas))
    real = "\n".join(text for name, text in files if name == "_real_words.txt")
    return Lexicon(lemmas=lemmas, cues=tuple(dict.fromkeys(cues)), words=words, real_words=frozenset(_lines(real)))


def cue_line_count() -> int:
    """How many cue lines the data files hold (the lexicon size as written, before expansion)."""
    return sum(len(_lines(text)) for name, text in _data_files() if name not in (*_TABLES, "_blockers.txt"))
