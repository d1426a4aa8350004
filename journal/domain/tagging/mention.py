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
_WORK_ACTIVITIES = frozenset(
    "group groups session sessions training trainings workshop workshops psychoeducation psychoed "
    "talk talks presentation module course class classes lesson lessons seminar webinar leaflet "
    "leaflets handout handouts worksheet worksheets assembly assemblies teaching policy template "
    "resource resources pack booklet video videos"
    .split()
)
_TOPIC_WORDS = frozenset("on about around covering re regarding".split())
# Verbs of teaching: what follows them is taught, not felt ("taught the kids breathing").
_TEACHING = frozenset(
    "taught teach teaches teaching explained explaining modelled modeled modelling modeling "
    "demonstrated demonstrating psychoeducation psychoed delivered delivering presented presenting "
    "introduced introducing discussed discussing explored exploring assessed assessing screened "
    "screening reviewed reviewing recommended recommending suggested suggesting advised advising "
    "encouraged encouraging signposted signposting prescribed prescribing"
    .split()
)
_FIRST_PERSON = frozenset("i i'm i've i'd me my myself".split())
_QUOTES = frozenset("'\"‘’“”")
REACH = 9


def is_topic(tokens: Sequence[Token], index: int, segs: Sequence[int]) -> bool:
    """Whether the cue at `index` is the subject matter of a session, talk or lesson.

    The writer's own words after the teaching word keep it theirs: "explained to my manager that
    I was exhausted".
    """
    lo = max(0, index - REACH)
    for j in range(index - 1, lo - 1, -1):
        if segs[j] != segs[index]:
            return False
        word = tokens[j].low
        if word in _FIRST_PERSON:
            return False
        if word in _TEACHING:
            return True
        if word in _TOPIC_WORDS and j > 0 and segs[j - 1] == segs[index] and (
            tokens[j - 1].low in _WORK_ACTIVITIES
            or (j > 1 and tokens[j - 2].low in _WORK_ACTIVITIES)
        ):
            return True
    return False


def in_scare_quotes(text: str, start: int, end: int) -> bool:
    """Whether the words at text[start:end] are wrapped in quotation marks: "'Self-care'. Sure."."""
    return 0 < start and end < len(text) and text[start - 1] in _QUOTES and text[end] in _QUOTES
