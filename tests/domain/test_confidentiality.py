"""The confidentiality guard: what it catches, what ordinary end-of-shift writing it leaves alone."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.confidentiality import (
    ADDRESS,
    DOB,
    EMAIL,
    ID,
    NAME,
    PHONE,
    POSTCODE,
    describe,
    find_identifiers,
    redact,
)

TODAY = date(2026, 11, 23)
EVAL = Path(__file__).parent / "tagging" / "eval_sentences.jsonl"


def kinds(text: str, names: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in find_identifiers(text, names, today=TODAY)]


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("Call her on 07700 900123 tomorrow", PHONE, "07700 900123"),
        ("mum's mobile 07700900123", PHONE, "07700900123"),
        ("texted +44 7700 900123 twice", PHONE, "+44 7700 900123"),
        ("the office, +44 (0)20 7946 0958", PHONE, "+44 (0)20 7946 0958"),
        ("ring 020 7946 0958 after 9", PHONE, "020 7946 0958"),
        ("his cell is (415) 555-0132", PHONE, "(415) 555-0132"),
        ("call 415-555-0132", PHONE, "415-555-0132"),
        ("number 415.555.0132", PHONE, "415.555.0132"),
        ("+1 415 555 0132", PHONE, "+1 415 555 0132"),
        ("her sister in Lyon +33 1 23 45 67 89", PHONE, "+33 1 23 45 67 89"),
        ("emailed sam.jones@example.org about it", EMAIL, "sam.jones@example.org"),
        ("DOB 03/04/1990", DOB, "DOB 03/04/1990"),
        ("he was born 3/4/1990 apparently", DOB, "born 3/4/1990"),
        ("date of birth: 12 March 1987", DOB, "date of birth: 12 March 1987"),
        ("born on 4th July 1975", DOB, "born on 4th July 1975"),
        ("referral form says 12/03/1987", DOB, "12/03/1987"),
        ("NHS 943 476 5919", ID, "943 476 5919"),
        ("MRN 1234567 on the wristband", ID, "MRN 1234567"),
        ("case no. 88812", ID, "case no. 88812"),
        ("ref: AB-12345 for the complaint", ID, "ref: AB-12345"),
        ("SSN 123-45-6789", ID, "SSN 123-45-6789"),
        ("NI number AB123456C", ID, "NI number AB123456C"),
        ("patient ID X1234567", ID, "ID X1234567"),
        ("the number on the letter was 20031234", ID, "20031234"),
        ("home visit at 12 Acacia Avenue", ADDRESS, "12 Acacia Avenue"),
        ("Flat 3, 14 High St. was freezing", ADDRESS, "Flat 3, 14 High St"),
        ("221B Baker Street", ADDRESS, "221B Baker Street"),
        ("near SW1A 1AA", POSTCODE, "SW1A 1AA"),
        ("Springfield, IL 62704", POSTCODE, "IL 62704"),
    ],
)
def test_identifying_details_are_found(text: str, kind: str, found: str) -> None:
    assert (kind, found) in kinds(text)


#: Realistic end-of-shift writing full of numbers that identify nobody.
ORDINARY = [
    "Woke at 3:40 and lay there going over the session.",
    "Handover at 18:30, out by 19.05. Rated the day 4/5.",
    "Finished at 10pm on a 9-5 contract lol",
    "A 16 year old on the ward kicked off, restrained twice.",
    "Clinic room 3 has a broken blind, reported it.",
    "Overtime pays £1,250 this month, still not worth it.",
    "2 nurses for 18 patients. 12 voicemails. 28 on my caseload.",
    "Annual leave booked for the 14th-18th.",
    "Sectioned under s2 at 6pm, waited for the AMHP till gone 9.",
    "Session with J on 12/03/2026 went better than last time.",
    "Team meeting 10.30-11.45 then back-to-back 3 sessions.",
    "Waitlist is at 47 now. 30 mins on hold to the crisis team.",
    "Gave out the Samaritans number, 116 123, and the CALM line 0800 58 58 58.",
    "The M25 was a car park. COVID19 cases on ward 7b again.",
    "Started this job in 2019 and it's never been this bad.",
    "Safeguarding referral for a 14yo, on the phone to MASH for an hour.",
    "Walked 10,000 steps, 5k round the park, 8 miles on the bike.",
    "PHQ-9 down to 14 from 24/27, GAD-7 of 15. Band 6 interview on 1st March.",
    "Mileage claim: 42.5 miles, 12.5 hours logged, bed 12 and bay 4.",
    "1-2-1 supervision with Dr Patel at 2pm, 2:1 staffing tonight.",
    "Fire alarm test at 10.15, then the 2pm didn't show.",
    "Year 11 student, level 3 training, 3rd time this week.",
    "Between 9.00 and 17.00 I had one glass of water.",
    "Car park ticket £6.50 for a 45 min visit.",
    "Best day in weeks. lunch at 3\n\nLong walk with the dog before work",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_writing_raises_nothing(text: str) -> None:
    assert kinds(text) == []


def test_helpline_numbers_are_not_anyones_phone() -> None:
    assert kinds("Gave him 116 123 and 0800 58 58 58 but my own 07700 900123 slipped out") == [(PHONE, "07700 900123")]


def test_the_evaluation_sentences_have_almost_no_false_alarms() -> None:
    texts = [json.loads(line)["text"] for line in EVAL.read_text().splitlines() if line.strip()]
    flagged = [t for t in texts if find_identifiers(t, today=TODAY)]
    assert len(texts) > 300
    assert len(flagged) / len(texts) <= 0.01, flagged  # measured: 0 of 337


def test_the_demo_journal_raises_nothing() -> None:
    from journal.demo.generator import demo_entries

    entries = list(demo_entries(now=datetime(2026, 11, 23, 20, tzinfo=UTC), days=120))
    assert len(entries) > 200
    assert [e.text for e in entries if find_identifiers(e.text, today=TODAY)] == []


def test_never_write_names_are_whole_words_in_any_case() -> None:
    names = ("Sam", "Mrs Okafor")
    text = "Sam's mum rang; SAM again. Samaritans, not Samuel. mrs   okafor came in."
    assert kinds(text, names) == [(NAME, "Sam"), (NAME, "SAM"), (NAME, "mrs   okafor")]
    assert kinds("Samaritans and Samuel", names) == []
    assert kinds("nothing here", ("", "   ")) == []


def test_redact_replaces_each_finding_with_its_placeholder() -> None:
    text = "Sam (07700 900123, sam@example.org) lives at 12 Acacia Avenue, DOB 03/04/1990."
    findings = find_identifiers(text, ("Sam",), today=TODAY)
    assert redact(text, findings) == ("[name] ([phone], [email]) lives at [address], [date of birth].")
    assert redact(text, []) == text


def test_describe_is_short_and_names_the_kinds() -> None:
    text = "07700 900123 and sam@example.org and MRN 1234567 and 12 Acacia Avenue"
    said = describe(find_identifiers(text, today=TODAY))
    assert said.startswith("phone number '07700 900123', e-mail address 'sam@example.org'")
    assert said.endswith("and 1 more")


SNIPPETS = [
    "07700 900123",
    "sam@example.org",
    "DOB 03/04/1990",
    "MRN 1234567",
    "12 Acacia Avenue",
    "SW1A 1AA",
    "943 476 5919",
    "18:30",
    "4/5",
    "Room 3",
    "Sam",
    "(415) 555-0132",
    "AB123456C",
]
TEXTISH = st.lists(
    st.sampled_from(SNIPPETS) | st.text(alphabet=list("0123456789 +-()./:@,#abAB SWrdStMRNDOBborn\n£'é"), max_size=8),
    max_size=10,
).map("".join) | st.text(max_size=60)


@settings(max_examples=300, deadline=None)
@given(TEXTISH, st.lists(st.text(alphabet="SamOkfr 7", min_size=1, max_size=8), max_size=3))
def test_never_raises_spans_are_exact_and_redaction_removes_them(text: str, names: list[str]) -> None:
    findings = find_identifiers(text, names, today=TODAY)
    previous_end = 0
    for f in findings:
        start, end = f.span
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == f.text and f.text.strip()
        previous_end = end
    redacted = redact(text, findings)
    assert redacted.count("[") - text.count("[") == len(findings)
    # Nothing flagged before is flagged again: every finding's text is gone from the result.
    again = {f.text for f in find_identifiers(redacted, names, today=TODAY)}
    assert again.isdisjoint(f.text for f in findings)
