"""When a demo note can have been written, from its own words: no "quiet evening" at 08:15.

A note that names a time of day it looks back on ("quiet evening", "before bed", "at lunch", "home at
8pm", "texted me at 10pm") cannot be written before that time. `earliest_minute` reads the words and
says the earliest minute after midnight they allow; `fit_minute` moves a planned minute no earlier
than that, deterministically (no random draw, so the rest of the demo stays exactly as it was).
Words that look ahead ("yoga class this evening", "left it till the morning") bind nothing.
"""

from __future__ import annotations

import re

#: Phrases that look back on part of the day, and the earliest minute (after midnight) they allow.
_PHRASES: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), minute)
    for pattern, minute in (
        (r"\b(?:quiet|all|lovely|nice|whole|the) evening\b", 19 * 60),
        (r"\btonight\b", 18 * 60),
        (r"\bthis evening\b", 12 * 60),  # looking ahead, but not from the early morning
        (r"\bearly night\b|\bbefore bed\b|\bgoing to bed\b|\bin bed early\b|\bbed\.", 19 * 60 + 30),
        (r"\bafter dinner\b|\bdinner with\b|\bwatched something\b|\bright, tea\b", 19 * 60),
        (r"\bafter work\b|\bleft on time\b|\bhome at\b|\bout the door at\b", 17 * 60 + 30),
        (r"\bafternoon\b", 13 * 60),
        (r"\bsince lunch\b", 13 * 60 + 30),
        (r"\blunch", 12 * 60 + 45),
    )
)

#: Clock times said in words, as the demo's notes say them (evening ones: work that ran late, a
#: message at night). Bare hours of 7 to 10 are evening hours in these notes; earlier bare hours
#: ("woke at 4", "a crisis call at 11") bind nothing.
_SAID = {
    "half ten": 22 * 60 + 30,
    "half 7": 19 * 60 + 30,
    "nearly midnight": 23 * 60 + 50,
    "ten past 12": 12 * 60 + 10,
    "gone 8": 20 * 60,
    "nearly 9": 20 * 60 + 50,
    "after 7": 19 * 60,
}
_CLOCK = re.compile(
    r"\b(?:at|until|til|till|to)\s+(?:gone\s+|nearly\s+|after\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\b",
    re.IGNORECASE,
)
#: Minutes a note is written after the latest time it names.
_AFTER = 10
_LAST = 23 * 60 + 59


def _clock_minutes(text: str) -> list[int]:
    minutes = [m for words, m in _SAID.items() if re.search(rf"\b{words}\b", text, re.IGNORECASE)]
    for match in _CLOCK.finditer(text):
        hour, minute, half = int(match[1]), int(match[2] or 0), (match[3] or "").lower()
        if half == "am" or hour > 12 or minute > 59:
            continue
        if half == "pm" and hour < 12:
            hour += 12
        elif not half:
            if 7 <= hour <= 10:
                hour += 12  # "until 8", "at 9:45": an evening
            else:
                continue
        minutes.append(hour * 60 + minute)
    return minutes


def earliest_minute(text: str, *, clock_times: bool = True) -> int:
    """The earliest minute after midnight at which `text` can have been written (0: any time).

    Without `clock_times`, only the phrases count: "a call at 10pm" noted in the afternoon may well be
    last night's, but "a quiet evening" cannot be this afternoon's."""
    earliest = max((minute for pattern, minute in _PHRASES if pattern.search(text)), default=0)
    clock = _clock_minutes(text) if clock_times else []
    if clock:
        earliest = max(earliest, min(max(clock) + _AFTER, _LAST))
    return earliest


def fit_minute(minute: int, text: str) -> int:
    """`minute`, or a minute soon after the earliest the words allow when it is before that.

    The later minute is spread over the next hour by the planned one (deterministic), so notes moved
    to the evening do not all land on the same minute.
    """
    earliest = earliest_minute(text)
    if minute >= earliest:
        return minute
    room = max(1, min(60, _LAST - earliest))
    return earliest + minute % room
