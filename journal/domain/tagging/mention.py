"""Words mentioned, not lived: the topic of a session the writer ran, and words in scare quotes.

"Ran a group on sleep hygiene and managing anxiety", "taught the kids breathing exercises",
"psychoeducation on depression and low mood" name the subject of the work, not the writer's state
or care. "'Self-care'. Sure." quotes a word to mock it. Only symptoms and care are dropped this way:
a stressor stays one when it is discussed ("meeting about the staffing crisis" is still staffing).
"""

from __future__ import annotations

from collections.abc import Sequence

from journal.domain.tagging.normalise import Token

# Nouns for a piece of work whose topic follows: "a group on", "training about".
# Teaching whose subject is never the writer's day, even a stressor ("a course on vicarious trauma").
_LESSONS = frozenset(
    "training trainings workshop workshops psychoeducation psychoed talk talks presentation module "
    "course courses class classes lesson lessons seminar webinar lecture conference cpd leaflet "
    "leaflets handout handouts worksheet worksheets assembly assemblies booklet video videos".split()
)
_WORK_ACTIVITIES = _LESSONS | frozenset(
    "group groups session sessions teaching policy template resource resources pack".split()
)
# Documents written *for* a need: "a care plan for sleep and anxiety management".
_DOCUMENTS = frozenset("plan plans formulation goals goal letter referral".split())
_TOPIC_WORDS = frozenset("on about around covering re regarding".split())
_PURE_TEACHING = frozenset("taught teach teaches teaching delivered delivering presented presenting".split())
# Verbs of teaching: what follows them is taught, not felt ("taught the kids breathing").
_TEACHING = frozenset(
    "taught teach teaches teaching explained explaining modelled modeled modelling modeling "
    "demonstrated demonstrating psychoeducation psychoed delivered delivering presented presenting "
    "introduced introducing discussed discussing explored exploring assessed assessing screened "
    "screening reviewed reviewing recommended recommending suggested suggesting advised advising "
    "encouraged encouraging signposted signposting prescribed prescribing".split()
)
_FIRST_PERSON = frozenset("i i'm i've i'd me my myself".split())
_QUOTES = frozenset("'\"‘’“”")
REACH = 9


def is_topic(tokens: Sequence[Token], index: int, segs: Sequence[int], stressor: bool = False) -> bool:
    """Whether the cue at `index` is the subject matter of a session, talk, lesson or plan.

    The writer's own words after the teaching word keep it theirs: "explained to my manager that
    I was exhausted". For a stressor only teaching counts: a debrief or meeting *about* an
    overdose is still the overdose.
    """
    verbs = _PURE_TEACHING if stressor else _TEACHING
    nouns = _LESSONS if stressor else _WORK_ACTIVITIES
    lo = max(0, index - REACH)
    for j in range(index - 1, lo - 1, -1):
        if segs[j] != segs[index]:
            return False
        word = tokens[j].low
        if word in _FIRST_PERSON:
            return False
        if word in verbs:
            return True
        if (
            j > 0
            and segs[j - 1] == segs[index]
            and (
                (word in _TOPIC_WORDS and _near(tokens, j, nouns))
                or (word == "for" and not stressor and _near(tokens, j, _DOCUMENTS))
            )
        ):
            return True
    return False


def _near(tokens: Sequence[Token], j: int, nouns: frozenset[str]) -> bool:
    """Whether one of `nouns` stands one or two words before token `j` ("group on", "course all about")."""
    return tokens[j - 1].low in nouns or (j > 1 and tokens[j - 2].low in nouns)


def in_scare_quotes(text: str, start: int, end: int) -> bool:
    """Whether the words at text[start:end] are wrapped in quotation marks: "'Self-care'. Sure."."""
    return start > 0 and end < len(text) and text[start - 1] in _QUOTES and text[end] in _QUOTES
