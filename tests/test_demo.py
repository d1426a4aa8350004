"""The demo journal: deterministic, six months of all three kinds, patterns you can actually find
through the Store, and nothing that could identify a client."""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from itertools import islice
from pathlib import Path

import pytest

from journal.demo import DEMO_NOW, build_demo, demo_entries, demo_path
from journal.demo.plan import rough_week_start
from journal.demo.text_feel import SYMPTOMS
from journal.demo.text_life import CARE, CLOSERS, FILLER, OPENERS
from journal.demo.text_ritual import BOUNDARY_NOTES, GOOD_THINGS, INTENTION_NOTES, PARKED
from journal.demo.text_work import STRESSORS
from journal.domain.models import BOUNDARY_KINDS, Entry, EntryQuery, Kind, Outcome
from journal.domain.ritual import Step, clean_answer
from journal.storage import Store, open_store

ALL = EntryQuery(limit=None)
SIX_MONTHS_AGO = DEMO_NOW - timedelta(days=183)

#: Anything that looks like a way to identify or reach a person.
IDENTIFYING = {
    "phone number": re.compile(
        r"(?:\+\d|\b0\d{2,4}|\(\d{3}\))[\s-]?\d{3}[\s-]?\d{3,4}|\b\d{3}[\s.-]\d{3}[\s.-]\d{4}\b"
    ),
    "email": re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"),
    "id-like number": re.compile(r"\d{5,}|\b[A-Z]{2}\d{6}[A-Z]?\b"),
    "address": re.compile(r"\b\d+ \w+ (?:Road|Street|Avenue|Lane|Close|Drive)\b", re.IGNORECASE),
    "postcode": re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b"),
    "date of birth": re.compile(r"\b(?:DOB|born on)\b", re.IGNORECASE),
}


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    return list(demo_entries(now=DEMO_NOW))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with open_store(tmp_path_factory.mktemp("demo") / "demo.db") as store:
        written = build_demo(store)
        assert written == store.count(ALL)
        yield store


def test_the_same_seed_gives_identical_entries(entries: list[Entry]) -> None:
    assert list(demo_entries(now=DEMO_NOW)) == entries
    assert list(demo_entries(now=DEMO_NOW, seed=8)) != entries


def test_about_six_months_of_all_three_kinds_up_to_now(entries: list[Entry]) -> None:
    days = {e.local_day for e in entries}
    assert min(days) >= SIX_MONTHS_AGO.date() and max(days) == DEMO_NOW.date()
    assert len(days) > 150  # most days have something
    assert all(e.created_at.tzinfo is not None and e.created_at <= DEMO_NOW for e in entries)
    kinds = Counter(e.kind for e in entries)
    assert kinds[Kind.MOOD] > 200 and kinds[Kind.BOUNDARY] > 50 and kinds[Kind.RITUAL] > 50
    assert [e.created_at for e in entries] == sorted(e.created_at for e in entries)


def test_every_entry_is_well_formed(entries: list[Entry]) -> None:
    for e in entries:
        assert e.text.strip()
        if e.kind is Kind.BOUNDARY:
            assert e.boundary in BOUNDARY_KINDS or e.boundary == "checking-email-on-leave"
            assert isinstance(e.outcome, Outcome) and 1 <= (e.cost or 0) <= 5
        else:
            assert 1 <= (e.mood or 0) <= 5 and 1 <= (e.energy or 0) <= 5
    outcomes = Counter(e.outcome for e in entries if e.kind is Kind.BOUNDARY)
    assert all(outcomes[o] > 5 for o in Outcome)


def test_rituals_hold_answers_the_ritual_itself_accepts(entries: list[Entry]) -> None:
    rituals = [e for e in entries if e.kind is Kind.RITUAL]
    for e in rituals:
        payload = e.ritual or {}
        assert payload["closed_at"] == e.created_at.isoformat()
        assert payload["duration_seconds"] > 60
        for step, answer in payload["answers"].items():
            assert clean_answer(step, answer) == answer
        assert payload["answers"]["unload"] in e.text
    answered = Counter(step for e in rituals for step in e.ritual["answers"])  # type: ignore[index]
    assert all(answered[str(step)] > len(rituals) // 2 for step in Step if step != Step.PARK)


def test_scale_is_lazy_and_exact() -> None:
    stream = demo_entries(now=DEMO_NOW, scale=100_000)
    assert isinstance(stream, Iterator)
    first = list(islice(stream, 20))
    assert first[0].created_at < DEMO_NOW - timedelta(days=365 * 8)  # a decade of heavy use
    for size in (1, 50, 3_000):
        assert sum(1 for _ in demo_entries(now=DEMO_NOW, scale=size)) == size


def test_now_is_respected_in_its_own_time_zone() -> None:
    now = datetime(2026, 3, 31, 9, 15).astimezone()
    entries = list(demo_entries(now=now, days=40))
    assert max(e.created_at for e in entries) <= now
    assert min(e.local_day for e in entries) == now.date() - timedelta(days=39)
    with pytest.raises(ValueError):
        next(demo_entries(now=datetime(2026, 3, 31, 9, 15)))


def _pool_texts() -> Iterator[str]:
    pools = [
        *STRESSORS.values(),
        *SYMPTOMS.values(),
        *CARE.values(),
        *OPENERS.values(),
        *INTENTION_NOTES.values(),
        FILLER,
        CLOSERS,
        GOOD_THINGS,
        PARKED,
    ]
    pools += [notes for kind in BOUNDARY_NOTES.values() for notes in kind.values()]
    for pool in pools:
        yield from pool


def test_no_text_could_identify_anyone(entries: list[Entry]) -> None:
    texts = [*_pool_texts(), *(e.text for e in entries)]
    texts += [item for e in entries if e.ritual for item in e.ritual["answers"].get("park", [])]
    assert len(texts) > 1000
    for text in texts:
        for what, pattern in IDENTIFYING.items():
            assert not pattern.search(text), f"{what} in {text!r}"


def test_the_pools_are_large_and_varied(entries: list[Entry]) -> None:
    assert sum(1 for _ in _pool_texts()) > 500
    moods = [e.text for e in entries if e.kind is Kind.MOOD]
    assert len(set(moods)) > 0.9 * len(moods)


# --- the planted patterns, found the way a user would find them: through the Store -------------


def _days_by_weekday(store: Store, tag: str) -> Counter[int]:
    days = {e.local_day for e in store.search(EntryQuery(tags=(tag,), limit=None))}
    return Counter(d.weekday() for d in days)


def test_paperwork_keeps_coming_back_on_wednesdays(store: Store) -> None:
    by_weekday = _days_by_weekday(store, "paperwork")
    wednesdays = by_weekday[2]
    assert wednesdays >= 15
    assert all(wednesdays > 2.5 * by_weekday[d] for d in range(7) if d != 2)


def test_after_hours_crossings_rise_over_the_last_five_weeks(store: Store) -> None:
    boundaries = store.search(EntryQuery(kind=Kind.BOUNDARY, limit=None))
    crossed = [e for e in boundaries if e.boundary == "after-hours-contact" and e.outcome is Outcome.CROSSED]
    recent = sum(1 for e in crossed if DEMO_NOW - e.created_at <= timedelta(weeks=5))
    earlier_per_five_weeks = (len(crossed) - recent) / ((183 - 35) / 35)
    assert recent >= 6 and recent > 3 * earlier_per_five_weeks
    tagged = store.search(EntryQuery(tags=("after-hours",), limit=None))
    recent_texts = sum(1 for e in tagged if DEMO_NOW - e.created_at <= timedelta(weeks=5))
    earlier_texts_per_five_weeks = (len(tagged) - recent_texts) / ((183 - 35) / 35)
    assert recent_texts >= 5 and recent_texts > 2 * earlier_texts_per_five_weeks


def test_exercise_goes_with_better_mood(store: Store) -> None:
    stats = {s.name: s for s in store.tag_stats(SIX_MONTHS_AGO, DEMO_NOW, categories=("care",))}
    exercise = stats["exercise"]
    assert exercise.days >= 30
    assert exercise.mood_with is not None and exercise.mood_without is not None
    assert exercise.mood_with > exercise.mood_without + 0.5


def test_supervision_helps(store: Store) -> None:
    stats = {s.name: s for s in store.tag_stats(SIX_MONTHS_AGO, DEMO_NOW, categories=("care",))}
    supervision = stats["supervision"]
    assert supervision.days >= 8
    assert supervision.mood_with > supervision.mood_without  # type: ignore[operator]


def _week(d: date) -> date:
    return d - timedelta(days=d.weekday())


def test_the_rough_week_is_the_lowest_and_hardest(store: Store) -> None:
    rough = rough_week_start(DEMO_NOW.date())
    moods: dict[date, list[int]] = defaultdict(list)
    for e in store.search(EntryQuery(kind=Kind.MOOD, limit=None)):
        moods[_week(e.local_day)].append(e.mood or 0)
    means = {week: statistics.mean(m) for week, m in moods.items() if len(m) >= 4}
    assert min(means, key=means.__getitem__) == rough
    for tag in ("crisis", "intrusive-thoughts", "sleep"):
        weeks = Counter(_week(e.local_day) for e in store.search(EntryQuery(tags=(tag,), limit=None)))
        assert weeks.most_common(1)[0][0] == rough, tag


def test_the_tagger_finds_a_wide_range_of_real_tags(store: Store) -> None:
    stats = store.tag_stats(SIX_MONTHS_AGO, DEMO_NOW)
    built_in = {s.name for s in stats if s.category != "personal"}
    assert len(built_in) >= 35
    assert {"choir", "allotment"} <= {s.name for s in stats if s.category == "personal"}


def test_parked_items_are_open_and_done(store: Store) -> None:
    statuses = Counter(item.status for item in store.parked(status=None))
    assert statuses["open"] >= 1 and statuses["done"] >= 1
    assert all(item.ritual_entry_id is not None for item in store.parked(status=None))


@pytest.fixture
def throwaway() -> Iterator[list[Path]]:
    """Demo journals made by a test, removed with their private folders afterwards."""
    made: list[Path] = []
    yield made
    for path in made:
        for leftover in path.parent.iterdir():
            leftover.unlink()
        path.parent.rmdir()


def test_demo_path_is_a_private_ready_journal(throwaway: list[Path]) -> None:
    path = demo_path(now=DEMO_NOW)
    throwaway.append(path)
    assert path.parent.stat().st_mode & 0o077 == 0
    with open_store(path, create=False) as store:
        assert store.count(EntryQuery(limit=None)) > 300
        assert store.get_setting("welcomed") is True
        assert store.search(EntryQuery(limit=1))[0].created_at <= DEMO_NOW


def test_demo_path_defaults_to_the_real_clock(throwaway: list[Path]) -> None:
    before = datetime.now().astimezone()
    throwaway.append(path := demo_path())
    with open_store(path, create=False) as store:
        newest = store.search(EntryQuery(limit=1))[0]
    assert abs(before - newest.created_at) < timedelta(days=2)


# -- times that match the words (issue 14, point 15) ---------------------------------------------------

#: Words that look back on part of the day, and the earliest hour a note with them can be written.
_LOOKS_BACK = (
    (r"\b(?:quiet|all) evening\b|\bearly night\b|\bbefore bed\b|\bafter dinner\b|\btonight\b", 17),
    (r"\bafter work\b|\bhome at\b", 17),
    (r"\blunch|\bafternoon\b", 12),
)


@pytest.mark.parametrize("seed", [7, 11, 23])
def test_demo_times_match_their_words(seed: int) -> None:
    wrong = []
    for entry in demo_entries(now=DEMO_NOW, seed=seed):
        if entry.kind is Kind.RITUAL:
            continue
        for pattern, hour in _LOOKS_BACK:
            if re.search(pattern, entry.text, re.IGNORECASE) and entry.created_at.hour < hour:
                wrong.append(f"{entry.created_at:%a %H:%M} {entry.text[:60]!r}")
    assert wrong == []


def test_the_earliest_time_words_allow() -> None:
    from journal.demo.timing import earliest_minute, fit_minute

    assert earliest_minute("Full diary today. quiet evening") == 19 * 60
    assert earliest_minute("Spent my LUNCH ringing round") == 12 * 60 + 45
    assert earliest_minute("Didn't leave until 8pm") == 20 * 60 + 10
    assert earliest_minute("client texted me at half ten. Answered it.") == 22 * 60 + 40
    assert earliest_minute("Woke at 4 and couldn't get back off") == 0  # a morning: binds nothing
    assert earliest_minute("Didn't answer the text until the morning") == 0
    assert fit_minute(8 * 60 + 15, "quiet evening") >= 19 * 60
    assert fit_minute(21 * 60, "quiet evening") == 21 * 60


# -- the README's example filter (issue 14, point 14) --------------------------------------------------


@pytest.mark.parametrize(
    "now",
    [
        DEMO_NOW,
        datetime(2026, 12, 1, 9, 0, tzinfo=DEMO_NOW.tzinfo),
        datetime(2027, 1, 4, 20, 0, tzinfo=DEMO_NOW.tzinfo),
    ],
    ids=["demo-now", "first-of-a-month", "new-year"],
)
def test_the_readme_example_filter_finds_something_in_the_demo(now: datetime, tmp_path: Path) -> None:
    from journal.domain.filters import parse_filter

    example = "sleep tag:caseload since:last month"
    assert f"`{example}`" in (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    with open_store(tmp_path / "demo.db") as store:
        build_demo(store, now=now)
        found = store.search(parse_filter(example, now=now).to_query(now, now.tzinfo))
    assert len(found) >= 2
    assert all("sleep" in e.text.lower() and "caseload" in {t.name for t in e.tags} for e in found)


def test_today_has_no_note_of_a_time_still_to_come() -> None:
    from journal.demo.timing import earliest_minute

    for now in (DEMO_NOW.replace(hour=9, minute=0), DEMO_NOW.replace(hour=16, minute=20), DEMO_NOW):
        today = [e for e in demo_entries(now=now) if e.local_day == now.date() and e.kind is not Kind.RITUAL]
        minute = now.hour * 60 + now.minute
        assert all(earliest_minute(e.text, clock_times=False) <= minute for e in today), [e.text for e in today]
