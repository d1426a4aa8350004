"""Which words negate, where a clause ends, and whether a cue sits under a negation.

Negation is scoped to a clause: split at punctuation and at joining words ("but", "and", "so"),
and looked for only a few words back, so "no headache, exhausted" still finds fatigue while
"I wasn't really anxious" does not find anxiety.
"""

from __future__ import annotations

from collections.abc import Sequence

from journal.domain.tagging.normalise import Token

NEGATORS = frozenset("no not never without nor neither none nothing less nope zero nobody noone".split())
# Words that say what follows did not (or only might) happen: "skipped yoga", "meant to meditate".
# They negate what follows but, unlike NEGATORS, do not make a cue that contains them immune
# ("didn't skip lunch" is no skipped break).
UNREAL = frozenset(
    "meant supposed should should've shouldve skipped skip skipping missed cancelled canceled wish".split()
)
# Words after a negator that mean the negation is not about what follows:
# "can't believe how tired", "not sure why", "didn't realise how anxious", "couldn't stop crying".
_CANCELLERS = frozenset(
    "believe sure wonder realise realize notice know think just only help stop mention surprise "
    "surprising surprised matter even mind until till idea wait".split()
)
# "not even sad" / "no, not even tired": the negation reaches through "even" (unlike "didn't even notice").
_PLAIN_NOT = frozenset("not no never".split())
_IRONIC = frozenset("definitely totally absolutely certainly obviously clearly".split())
_INTENSIFIERS = frozenset("so this that as such more ever".split())
CLAUSE_WORDS = frozenset(
    "but though although however yet and because cos coz then while whereas when since plus whilst tho altho".split()
)
CLAUSE_PUNCT = frozenset('.;,!?\n:()[]"/|–—…•')
# "so" joins clauses only before a new subject ("so I went home"), not in "not so tired".
_SO_STARTS = frozenset("i i'm i've i'd we he she they it it's that the everyone now".split())
WINDOW = 4  # how many words back a negator still reaches


def is_negator(word: str) -> bool:
    """Whether a lowercase word (apostrophes straightened) negates what follows."""
    return word in NEGATORS or word.endswith("n't") or word == "cannot"


def clause_starts(text: str, tokens: Sequence[Token]) -> tuple[list[int], list[int]]:
    """For each token: the index where its clause starts, and its punctuation segment number.

    Clauses (for negation) break at punctuation and joining words; segments (which a cue may not
    span) break at punctuation only, so "tossed and turned" still matches as one cue.
    """
    starts: list[int] = []
    segs: list[int] = []
    start = 0
    seg = 0
    prev_end = 0
    for i, tok in enumerate(tokens):
        if i:
            gap = text[prev_end : tok.start] if tok.start - prev_end != 1 else text[prev_end]
            if gap != " " and any(ch in CLAUSE_PUNCT for ch in gap):
                seg += 1
                start = i
            elif tok.low in CLAUSE_WORDS or (
                tok.low == "so" and i + 1 < len(tokens) and tokens[i + 1].low in _SO_STARTS
            ):
                start = i
        starts.append(start)
        segs.append(seg)
        prev_end = tok.end
    return starts, segs


# Words after a cue that say it did not happen: "supervision was cancelled", "gym got skipped".
_UNDOERS = frozenset(
    "cancelled canceled postponed scrapped skipped rescheduled moved bumped rearranged delayed".split()
)
# Care that is still to come has not helped yet: "supervision next week", "yoga tomorrow".
_LATER = frozenset("tomorrow next tonight's later".split())
# "missed that she'd been self-harming" is a miss of something that did happen.
_UNREAL_CANCELLERS = frozenset("that how what why when where she he they she'd he'd they'd it".split())
# "was going to call my brother": an intention, not an event.
_INTENDING = frozenset("was were i'm am gonna".split())


def is_undone(tokens: Sequence[Token], end: int, starts: Sequence[int], later_too: bool = False) -> bool:
    """Whether a word shortly after the cue (same clause) says it was called off (or, for care,
    that it has not happened yet)."""
    if end >= len(tokens):
        return False
    clause = starts[end - 1]
    for j in range(end, min(end + 3, len(tokens))):
        if starts[j] != clause:
            return False
        if tokens[j].low in _UNDOERS or (later_too and tokens[j].low in _LATER):
            return True
    return False


def is_negated(tokens: Sequence[Token], index: int, clause_start: int, used: set[int]) -> bool:
    """Whether the cue starting at `index` is negated by a word shortly before it in its clause.

    Negators already inside a matched cue (the "couldn't" of "couldn't sleep") are spent.
    """
    lo = max(clause_start, index - WINDOW - 1)
    for j in range(index - 1, lo - 1, -1):
        word = tokens[j].low
        if (
            word == "going"
            and j > 0
            and tokens[j - 1].low in _INTENDING
            and j + 1 < index
            and tokens[j + 1].low == "to"
        ):
            return True
        if j in used or not (is_negator(word) or word in UNREAL):
            continue
        after = tokens[j + 1].low if j + 1 < len(tokens) else ""
        if word == "missed" and after in _UNREAL_CANCELLERS:
            continue
        if after in _CANCELLERS and not (after == "even" and word in _PLAIN_NOT):
            return False  # but "not even sad" is not sad
        if word == "never" and j + 2 < len(tokens) and tokens[j + 2].low in _INTENSIFIERS:
            return False  # "never been so tired"
        if word == "no" and after == "wonder":
            continue
        # ...unless a fragment "Definitely not crying." says the opposite
        return not (word == "not" and j - 1 == clause_start and tokens[j - 1].low in _IRONIC)
    return False


# Someone else's feelings: "he was so scared", "her anxiety", "the client's low mood".
_OTHERS = frozenset(
    "he she they client clients patient patients caller callers mum dad family parents kid kids "
    "child children lad girl boy man woman person resident residents user users yp son daughter "
    "husband wife partner boyfriend girlfriend brother sister baby teenager teen student colleague "
    "colleagues manager boss nurse doctor mother father grandma gran nan carer carers everyone "
    "everybody team staff nurses teacher teachers headteacher supervisee supervisees trainee "
    "director receptionist friend friends flatmate housemate neighbour neighbor pupil pupils parent "
    "therapist counsellor counselor worker gp officer police paramedic paramedics student students "
    "lady guy someone somebody people patient's sw teen teens hca hcas pt volunteer physio ot "
    "consultant registrar psychiatrist psychologist".split()
)
_REPORTING = frozenset(
    "talked spoke described reported mentioned said says told explained disclosed complained "
    "talks speaks describes reports mentions admitted admits".split()
)
_POSSESSIVES = frozenset("his her their client's patient's caller's mum's dad's".split())
_COPULAS = frozenset(
    "was were is are seemed seems looked looks sounded sounds felt feels got became "
    "gets became seemed has have had been being having getting suffers suffered "
    "still always also now gets".split()
)
# "she's worried", "they're exhausted": pronoun and copula in one word.
_FUSED = frozenset("she's he's they're she'd he'd they'd they've she'll he'll".split())
_FIRST_PERSON = frozenset("me i i'm myself my".split())
_SOFTENERS = frozenset("so really very quite pretty bit a little too extremely incredibly all both".split())


def _is_other(tok: Token) -> bool:
    word = tok.low.removesuffix("'s")
    return word in _OTHERS or word.removesuffix("s") in _OTHERS or word == "families"


_FIRST_WORDS = frozenset("i i'm i've i'd me my we we're we've us our myself".split())
_LEADERS = frozenset("the a an then also just and but so my our".split())


def subject_is_someone_else(tokens: Sequence[Token], index: int, segs: Sequence[int]) -> bool:
    """Whether the clause holding a cue is about someone else: "He plays football on Saturdays",
    "Mum said the kids are sleeping better". Any first-person word before the cue keeps it ours."""
    start = index
    while start > 0 and index - start < 8 and segs[start - 1] == segs[index]:
        start -= 1
    words = [tokens[k] for k in range(start, index)]
    if any(
        t.low in _FIRST_WORDS and not (t.low in ("my", "our") and n + 1 < len(words) and _is_other(words[n + 1]))
        for n, t in enumerate(words)
    ):
        return False
    for t in words:
        if t.low not in _LEADERS:
            return _is_other(t)
    return False


_PRONOUNS = frozenset("he she they".split())
_OBJECTS = frozenset("me myself us".split())


def _is_subject_pronoun(tokens: Sequence[Token], j: int, end: int) -> bool:
    """Whether the word just before a cue is a third-person subject doing it ("he snapped", "family
    angry"), unless the cue is done to the writer ("they exhausted me")."""
    word = tokens[j].low
    # "Family angry about discharge": a fragment whose subject is someone else's noun
    fragment = _is_other(tokens[j]) and all(tokens[k].low in _LEADERS for k in range(j - 2, j) if k >= 0)
    if word not in _PRONOUNS and not fragment:
        return False
    return end >= len(tokens) or tokens[end].low not in _OBJECTS


def belongs_to_someone_else(tokens: Sequence[Token], index: int, end: int, segs: Sequence[int]) -> bool:
    """Whether the words just before a symptom cue give it to someone else, not the writer.

    A possessive counts only before a short cue ("her anxiety"), not before a phrase that merely
    has "her" as its object ("gave her less time than she deserved").
    """
    if any(tokens[k].low in _FIRST_PERSON for k in range(index, end)):
        return False  # "annoyed me", "my head": the writer's own, whoever else is mentioned
    j = index - 1
    clause_start = index
    while clause_start > 0 and index - clause_start < 6 and segs[clause_start - 1] == segs[index]:
        clause_start -= 1
    if j >= clause_start and tokens[j].low in _POSSESSIVES and end - index <= 2:
        return True
    while j >= clause_start and tokens[j].low in _SOFTENERS:
        j -= 1
    # "the client was exhausted and tearful": a coordinated second word shares the subject
    for _ in range(2):
        if j - 1 > clause_start and tokens[j].low in ("and", "or") and tokens[j - 1].low not in _FIRST_PERSON:
            j -= 2
            while j >= clause_start and tokens[j].low in _SOFTENERS:
                j -= 1
    k = j
    while k >= clause_start and tokens[k].low in _COPULAS:
        k -= 1
    if k < j and k >= clause_start and _is_other(tokens[k]):
        return True
    if j >= clause_start and (tokens[j].low in _FUSED or _is_subject_pronoun(tokens, j, end)):
        return True  # "she's worried", "he snapped at the nurse"
    # "the client talked about feeling exhausted": a report of someone else's state
    for r in range(index - 1, clause_start, -1):
        if tokens[r].low in _REPORTING:
            return any(_is_other(tokens[q]) for q in range(max(clause_start, r - 2), r))
    return False
