"""Wishes, needs, plans and requests: things that have not happened are not events.

"Need a massage", "wish I could get to the gym", "would love a lie-in", "going to turn my phone
off", "manager asked me to stay late" name care or a stressor that did not (yet) happen. Event tags
(care, overtime, after-hours, drinking and numbing out) are dropped under such a word; feelings are
not ("need to stop feeling so anxious" is still anxiety), so this is applied only to event tags.

A request that was accepted did happen: "asked me to do a double. Said yes" keeps overtime.
"""

from __future__ import annotations

from collections.abc import Sequence

from journal.domain.tagging.normalise import Token

# Stressors that are events the writer lives through, not states: a wish for them is not them.
EVENT_STRESSORS = frozenset("overtime after-hours skipped-break substance-use unhealthy-coping".split())

# A single word that makes what follows it in the clause a wish, need, plan or counterfactual.
_MODALS = frozenset(
    "need needs needing wish wishing wished hope hoping hopefully want wants wanting wanna "
    "would would've wouldve could've couldve should should've shouldve might must gonna "
    "will i'll we'll maybe perhaps if unless plan plans planning keen tempted try".split()
)
# Words that need a partner to be irrealis: "could do with", "going to", "try to", "asked me to",
# "I'd love".
_TO_VERBS = frozenset("going try trying tried hoped planned wanted".split())
_ASKERS = frozenset(
    "asked asking asks begged begging pushed pushing pressured pressuring wants wanted thinking thought".split()
)
_ASKED_WHAT = frozenset("me if whether us to about of".split())
_COULD_WISH = frozenset("have do go use get really just've".split())
_WOULD = frozenset("i'd we'd id".split())
_DESIRES = frozenset("love like rather kill".split())
_DETERMINERS = frozenset("the a an my our work bed".split())
# Clause words that end a wish's reach: "wanted to run but went to bed" (the bed happened).
_STOPPERS = frozenset("but though although however yet because cos coz then so instead".split())
_NEW_SUBJECT = frozenset("i i'm i've we he she they it".split())
_ACCEPTED = frozenset("agreed accepted yes".split())
REACH = 7  # how many words back a wish reaches


def _is_trigger(tokens: Sequence[Token], j: int, index: int) -> bool:
    word = tokens[j].low
    nxt = tokens[j + 1].low if j + 1 < index else ""
    if word == "if" and nxt in ("anything", "only"):
        return False  # "if anything the walk helped"
    if word in _MODALS:
        return True
    if word == "could":  # "could do with a holiday", not "could finally relax"
        return nxt in _COULD_WISH
    if word in _TO_VERBS and nxt == "to":
        after = tokens[j + 2].low if j + 2 < index else ""
        return word != "going" or after not in _DETERMINERS
    if word in _ASKERS and nxt in _ASKED_WHAT:
        return True
    return word in _WOULD and nxt in _DESIRES


def _accepted(tokens: Sequence[Token], end: int) -> bool:
    """Whether a request is said to have been taken up shortly after: "Said yes, stupidly"."""
    return any(tokens[k].low in _ACCEPTED for k in range(end, min(end + 10, len(tokens))))


def is_irrealis(tokens: Sequence[Token], index: int, end: int, segs: Sequence[int]) -> bool:
    """Whether the cue at tokens [index, end) sits under a wish, need, plan or request.

    The reach is the punctuation segment, a few words back, passing "and"/"or" (a wish for "a
    bath and an early night" covers both) but stopping at "but", "so" or a new subject after "and".
    """
    lo = max(0, index - REACH)
    for j in range(index - 1, lo - 1, -1):
        if segs[j] != segs[index]:
            return False
        word = tokens[j].low
        if word in _STOPPERS:
            return False
        if word in ("and", "or", "&") and j + 1 < index and tokens[j + 1].low in _NEW_SUBJECT:
            return False
        if _is_trigger(tokens, j, index):
            return not _accepted(tokens, end)
    return False
