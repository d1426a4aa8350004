"""The confidentiality guard: spot details in a note that could identify a client, and redact them.

Why: people write here at the end of hard shifts, fast and tired, and a phone number or a full
name slips in easily. The journal should be safe to keep even if someone else ever reads it, so
before an entry is saved the front ends ask this module what looks identifying, warn, and offer to
swap it for a placeholder. It only warns: the decision stays with the writer.

What it looks for: phone numbers (UK, US, international), e-mail addresses, dates of birth (a date
after a cue like "DOB" or "born", or a full date from long ago), record and ID numbers (NHS, SSN, NI,
MRN/case/ref numbers, long digit runs, mixed letter-and-digit codes), street addresses and postcodes,
and the names on the user's own "never write" list. What it deliberately lets through, because
end-of-shift writing is full of them: times (18:30, 9-5, 2pm), scores (4/5), counts, durations,
ages ("a 16 year old"), room numbers, money, this year's dates and short numbers.

Pure Python: plain strings in, `Finding`s out. Never raises on any text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

PHONE, EMAIL, DOB, ID, ADDRESS, POSTCODE, NAME = (
    "phone",
    "email",
    "date-of-birth",
    "id-number",
    "address",
    "postcode",
    "name",
)

#: How each kind is named to the user, and the placeholder redaction leaves in its place.
LABELS = {
    PHONE: "phone number",
    EMAIL: "e-mail address",
    DOB: "date of birth",
    ID: "ID number",
    ADDRESS: "street address",
    POSTCODE: "postcode",
    NAME: "name",
}
PLACEHOLDERS = {
    PHONE: "[phone]",
    EMAIL: "[email]",
    DOB: "[date of birth]",
    ID: "[ID number]",
    ADDRESS: "[address]",
    POSTCODE: "[postcode]",
    NAME: "[name]",
}

#: Public helplines people mention when writing about crisis work: not anyone's identity.
HELPLINES = frozenset(
    {"116123", "0800585858", "03001233393", "08001111", "08006895652", "08457909090", "18002738255", "741741"}
)

#: The journal setting that holds the user's "never write" list (a JSON list of strings).
NEVER_WRITE_SETTING = "confidentiality.never_write"

#: Dates this many years back or more may be dates of birth even with no cue word.
DOB_YEARS_BACK = 10


@dataclass(frozen=True, slots=True)
class Finding:
    """`text == source[span[0]:span[1]]` looks like `kind`; `reason` says why, in plain words."""

    kind: str
    span: tuple[int, int]
    text: str
    reason: str

    @property
    def label(self) -> str:
        return LABELS[self.kind]


_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_NUMERIC_DATE = r"[0-9]{1,2}[/.-][0-9]{1,2}[/.-](?:[0-9]{4}|[0-9]{2})"
_WORD_DATE = (
    rf"(?:[0-9]{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\.?(?:,?\s+[0-9]{{4}})?"
    rf"|{_MONTHS}\.?\s+[0-9]{{1,2}}(?:st|nd|rd|th)?(?:,?\s+[0-9]{{4}})?)"
)
_ANY_DATE = rf"(?:{_NUMERIC_DATE}|{_WORD_DATE}|(?:in\s+)?(?:19|20)[0-9]{{2}})"

_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")
# Digits in groups joined by one space, hyphen or dot, maybe a leading + and a bracketed area code.
_PHONE = re.compile(
    r"(?<![\w+/:.,£$€-])(?:\+|\b|(?=\([0-9]{2,5}\)))(?:\(?[0-9]{1,5}\)?[ .-]?){2,6}[0-9]{2,}(?![\w/:%-]|[.,][0-9])"
)
_DOB = re.compile(
    rf"\b(?:d\.?o\.?b\.?|date\s+of\s+birth|born(?:\s+on)?|birthday(?:\s+is)?)\s*[:\-]?\s*({_ANY_DATE})\b", re.IGNORECASE
)
_FULL_DATE = re.compile(rf"(?<![\w/.-])({_NUMERIC_DATE}|{_WORD_DATE})(?![\w/-]|\.[0-9])", re.IGNORECASE)
_CUED_ID = re.compile(
    r"\b(?:MRN|NHS(?:\s+(?:no|number|num))?|NI(?:\s+(?:no|number))|SSN|case\s+(?:no|number|ref)|"
    r"(?:ref(?:erence)?|record|file|patient|client|hospital|account|ID)\s*(?:no\.?|number|num|#)|"
    r"ref|CHI|ID)\.?\s*[:#]?\s*([A-Z0-9][A-Z0-9/-]{3,}[A-Z0-9])\b",
    re.IGNORECASE,
)
_SSN = re.compile(r"(?<![\w-])[0-9]{3}-[0-9]{2}-[0-9]{4}(?![\w-])")
_NI = re.compile(r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]\b")
_DIGIT_RUN = re.compile(r"(?<![\w£$€.,])[0-9]{6,}(?![\w%]|[.,][0-9])")
_MIXED_ID = re.compile(r"\b(?=[A-Z0-9-]*[A-Z])(?=(?:[A-Z-]*[0-9]){5})[A-Z0-9][A-Z0-9-]{4,}[A-Z0-9]\b")
_STREET_TYPES = (
    r"(?:street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|court|ct|crescent|cres|"
    r"place|pl|gardens|gdns|terrace|grove|boulevard|blvd|hill|square|sq|mews|walk|rise|"
    r"parade|row|green|view|highway|hwy)"
)
_ADDRESS = re.compile(
    rf"(?:\b(?i:flat|apt|apartment|unit|suite)\.?[ \t]+[0-9]{{1,4}}[A-Za-z]?,?[ \t]+)?"
    rf"\b[0-9]{{1,5}}[A-Za-z]?,?[ \t]+(?:[A-Z][\w'’-]+[ \t]+){{1,3}}(?i:{_STREET_TYPES})\b\.?"
)
_UK_POSTCODE = re.compile(r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2})\b")
_US_ZIP = re.compile(
    r"\b(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|"
    r"RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]),?\s+[0-9]{5}(?:-[0-9]{4})?\b|\b[0-9]{5}-[0-9]{4}\b"
)
_ROUND = re.compile(r"[0-9]{1,3}0{3,}$")  # 100000, 250000: amounts and counts, not identifiers


def _digits(text: str) -> str:
    return "".join(c for c in text if "0" <= c <= "9")


def _nhs_valid(digits: str) -> bool:
    """The NHS number's modulus-11 check digit (a US phone number passes it only by chance)."""
    if len(digits) != 10:
        return False
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    return (0 if check == 11 else check) == int(digits[9]) and check != 10


def _phone(match: re.Match[str]) -> Finding | None:
    raw = match.group(0)
    digits = _digits(raw)
    if digits in HELPLINES or raw.count("(") != raw.count(")"):
        return None
    groups = re.split(r"[ .()-]+", raw.strip("+() "))
    if (re.fullmatch(_NUMERIC_DATE, raw) or (len(set(re.findall(r"[ .-]", raw))) > 1 and "+" not in raw)) and (
        not re.fullmatch(r"\(?[0-9]{3}\)?[ .-][0-9]{3}[ .-][0-9]{4}", raw)
    ):
        return None
    if raw.startswith("+"):
        ok = 8 <= len(digits) <= 15
    elif digits.startswith("0"):
        ok = 10 <= len(digits) <= 11
    else:  # North American: 3-3-4, maybe with a leading 1
        ok = len(digits) in (10, 11) and [len(g) for g in groups][-3:] == [3, 3, 4]
    if not ok:
        return None
    if [len(g) for g in groups] == [3, 3, 4] and not raw.startswith(("0", "+", "(")) and _nhs_valid(digits):
        return Finding(ID, match.span(), raw, "looks like an NHS number")
    return Finding(PHONE, match.span(), raw, "looks like a phone number")


def _dob_year_ok(text: str, today: date) -> bool:
    years = re.findall(r"[0-9]{4}|(?<=[/.-])[0-9]{2}$", text)
    if not years:
        return False
    year = int(years[-1])
    if year < 100:
        year += 1900 if year > today.year % 100 else 2000
    return 1900 <= year <= today.year - DOB_YEARS_BACK


def _scan(text: str, names: Sequence[str], today: date) -> Iterable[Finding]:
    for m in _EMAIL.finditer(text):
        yield Finding(EMAIL, m.span(), m.group(0), "looks like an e-mail address")
    for m in _DOB.finditer(text):
        yield Finding(DOB, m.span(), m.group(0), "a date after a birth cue")
    for m in _FULL_DATE.finditer(text):
        if _dob_year_ok(m.group(1), today):
            yield Finding(DOB, m.span(), m.group(0), "a full date from long ago, maybe a date of birth")
    for m in _CUED_ID.finditer(text):
        if len(_digits(m.group(1))) >= 4:
            yield Finding(ID, m.span(), m.group(0), "a record or reference number")
    for m in _SSN.finditer(text):
        yield Finding(ID, m.span(), m.group(0), "looks like a social security number")
    for m in _NI.finditer(text):
        yield Finding(ID, m.span(), m.group(0), "looks like a National Insurance number")
    for m in _PHONE.finditer(text):
        found = _phone(m)
        if found is not None:
            yield found
    for m in _DIGIT_RUN.finditer(text):
        if m.group(0) not in HELPLINES and not _ROUND.match(m.group(0)):
            yield Finding(ID, m.span(), m.group(0), "a long number, like a record or ID number")
    for m in _MIXED_ID.finditer(text):
        yield Finding(ID, m.span(), m.group(0), "a code of letters and digits, like an ID number")
    for m in _ADDRESS.finditer(text):
        yield Finding(ADDRESS, m.span(), m.group(0).rstrip(), "looks like a street address")
    for m in _UK_POSTCODE.finditer(text):
        yield Finding(POSTCODE, m.span(), m.group(0), "looks like a UK postcode")
    for m in _US_ZIP.finditer(text):
        yield Finding(POSTCODE, m.span(), m.group(0), "looks like a US state and ZIP code")
    for name in names:
        words = name.split()
        if not words:
            continue
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
        for m in re.finditer(pattern, text, re.IGNORECASE):
            yield Finding(NAME, m.span(), m.group(0), "on your never-write list")


def find_identifiers(text: str, never_write: Iterable[str] = (), *, today: date | None = None) -> list[Finding]:
    """Likely client-identifying details in `text`, in order, never overlapping (the longest wins).

    `never_write` are the user's own names or words to flag (whole words, any case); `today` fixes
    what "long ago" means for dates (default: the real date).
    """
    if not text:
        return []
    names = [" ".join(str(n).split()) for n in never_write if str(n).strip()]
    found = sorted(_scan(text, names, today or date.today()), key=lambda f: (f.span[0], -(f.span[1] - f.span[0])))
    kept: list[Finding] = []
    for finding in found:
        start, end = finding.span
        if start >= end:
            continue
        if kept and start < kept[-1].span[1]:
            continue  # inside (or overlapping) a longer finding that starts earlier
        # Trailing space or dot caught by a pattern is not part of the detail.
        trimmed = text[start:end].rstrip(" .,")
        if not trimmed:
            continue
        kept.append(Finding(finding.kind, (start, start + len(trimmed)), trimmed, finding.reason))
    return kept


def never_write_list(value: object) -> list[str]:
    """The never-write list from a stored setting, whatever shape it was left in."""
    if not isinstance(value, list):
        return []
    return [" ".join(v.split()) for v in value if isinstance(v, str) and v.strip()]


def redact(text: str, findings: Sequence[Finding]) -> str:
    """`text` with every finding replaced by its placeholder, e.g. `call [phone] tomorrow`."""
    parts: list[str] = []
    at = 0
    for finding in sorted(findings, key=lambda f: f.span):
        start, end = finding.span
        if start < at:
            continue
        parts.append(text[at:start])
        parts.append(PLACEHOLDERS.get(finding.kind, "[redacted]"))
        at = end
    parts.append(text[at:])
    return "".join(parts)


def describe(findings: Sequence[Finding], *, limit: int = 3, width: int = 30) -> str:
    """`phone number '07700 900123', e-mail address 'sam@…'`: short, for a warning line or a dialog."""
    shown = []
    for finding in findings[:limit]:
        quoted = finding.text if len(finding.text) <= width else finding.text[: width - 1] + "…"
        shown.append(f"{finding.label} '{' '.join(quoted.split())}'")
    more = len(findings) - limit
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")
