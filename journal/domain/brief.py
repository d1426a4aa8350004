"""The supervision brief: what a period of the journal holds, in calm plain words, on one page.

A clinician brings it to supervision, to a trusted colleague or to their own monthly review. It holds
the period and how much was written, mood and energy week by week, the stressors and signs of strain
that came up most (with their trend against the period before), the boundary record by kind with
what crossing cost, the care that went with better days, the early notice if one is showing, the
loops still parked, and the entries the person starred for supervision, quoted in full. No other
entry text at all.

Every figure is computed by the code the rest of the journal uses (`Store.tag_stats` behind `journal
stressors`, `journal.domain.boundaries` behind the Boundaries pane, `what_helps` and the early notice
behind Insights), so the brief can never disagree with them. This module only decides what to pick
and how to say it; gathering is `journal.exchange.brief`, rendering `brief_md` / `brief_html`.

Private by default: quoted text goes through the confidentiality guard, and what it finds is
replaced by placeholders (`[phone]`, `[name]`...). The person may keep what the guard found as
written; names on their never-write list are replaced even then (that list is for names that must
never appear anywhere).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from journal.domain.boundaries import DayCount, WeekCounts, most_crossed, weekly_counts
from journal.domain.confidentiality import NAME, PLACEHOLDERS, find_identifiers, redact
from journal.domain.early_notice import EarlyNotice
from journal.domain.insights import TREND_WORDS, Period, monday_of, week_starts
from journal.domain.models import COST_WORDS, ENERGY_WORDS, MOOD_WORDS, Category, Entry, Kind, ParkedItem, TagStat
from journal.domain.patterns import Helper, MoodWeek

__all__ = [
    "NOT_A_RECORD",
    "BoundaryLine",
    "Brief",
    "CostRow",
    "MoodOverview",
    "Quote",
    "boundary_lines",
    "boundary_weeks",
    "quote",
    "top_tags",
]

NOT_A_RECORD = (
    "A personal reflection aid, not a clinical record. It is drawn from my own journal: the tags were "
    "found automatically in what I wrote, and nothing in it is a diagnosis."
)
#: How many stressors and how many signs of strain the brief lists.
TOP_TAGS = 6
#: (boundary slug, outcome, events, events with a cost, mean cost or None)
CostRow = tuple[str, str, int, int, float | None]


@dataclass(frozen=True, slots=True)
class MoodOverview:
    """Mood and energy of the period's mood entries (the ones Insights charts)."""

    entries: int = 0
    mood_mean: float | None = None
    mood_low: int | None = None
    mood_high: int | None = None
    energy_mean: float | None = None
    energy_low: int | None = None
    energy_high: int | None = None


@dataclass(frozen=True, slots=True)
class BoundaryLine:
    """One kind of boundary over the period: held, bent, crossed, and the mean cost of crossing."""

    slug: str
    label: str
    held: int = 0
    bent: int = 0
    crossed: int = 0
    crossed_cost: float | None = None
    bent_cost: float | None = None

    @property
    def total(self) -> int:
        return self.held + self.bent + self.crossed


@dataclass(frozen=True, slots=True)
class Quote:
    """A starred entry as the brief quotes it: its heading in words and its text, guarded."""

    entry_id: int | None
    created_at: datetime
    heading: str
    text: str
    #: placeholder -> how many times it replaced something
    replaced: Mapping[str, int] = field(default_factory=dict)
    #: details the guard found but the person chose to keep as written
    kept: int = 0


@dataclass(slots=True)
class Brief:
    """One period, ready to render."""

    period: Period
    made_at: datetime
    entries: int
    days_written: int
    mood: MoodOverview
    mood_weeks: list[MoodWeek]
    stressors: list[TagStat]
    signs: list[TagStat]
    boundaries: list[BoundaryLine]
    boundary_weeks: list[WeekCounts]
    helpers: list[Helper]
    notice: EarlyNotice | None
    parked: list[Quote]
    quotes: list[Quote]
    keep_identifiers: bool = False

    # -- words shared by every rendering -------------------------------------------------------
    @property
    def first_day(self) -> date:
        return self.period.start.date()

    @property
    def last_day(self) -> date:
        return self.period.local_days()[-1]

    def title(self) -> str:
        return f"Supervision brief: {period_words(self.first_day, self.last_day)}"

    def period_sentence(self) -> str:
        days = self.period.days
        wrote = (
            "I wrote nothing in it."
            if self.entries == 0
            else f"I wrote on {self.days_written} of them ({plural(self.entries, 'entry', 'entries')})."
        )
        return f"{plural(days, 'day')}, {self.first_day:%a %d %b} to {self.last_day:%a %d %b %Y}. {wrote}"

    def mood_sentences(self) -> list[str]:
        m = self.mood
        if not m.entries or m.mood_mean is None:
            return ["No mood entries in this period."]
        lines = [
            f"Mood averaged {m.mood_mean:.1f} out of 5 ({scale_word(m.mood_mean, MOOD_WORDS)}), "
            f"ranging from {m.mood_low} to {m.mood_high}, over {plural(m.entries, 'mood entry', 'mood entries')}."
        ]
        if m.energy_mean is not None:
            lines.append(
                f"Energy averaged {m.energy_mean:.1f} out of 5 ({scale_word(m.energy_mean, ENERGY_WORDS)}), "
                f"ranging from {m.energy_low} to {m.energy_high}."
            )
        return lines

    def privacy_sentence(self) -> str:
        replaced: Counter[str] = Counter()
        kept = 0
        for q in [*self.quotes, *self.parked]:
            replaced.update(q.replaced)
            kept += q.kept
        parts = []
        if replaced:
            named = ", ".join(f"{p} ×{n}" if n > 1 else p for p, n in sorted(replaced.items()))
            parts.append(f"Details that could identify someone were replaced: {named}.")
        if kept:
            parts.append(
                f"{plural(kept, 'detail')} the confidentiality check noticed {'was' if kept == 1 else 'were'} kept as written, by choice."
            )
        return " ".join(parts)


# -- picking -----------------------------------------------------------------------------------


def top_tags(stats: Iterable[TagStat], category: Category, limit: int = TOP_TAGS) -> list[TagStat]:
    """The tags of `category` that came up most, in `tag_stats` order (most entries first)."""
    return [s for s in stats if s.category is category][:limit]


def boundary_weeks(rows: Sequence[DayCount], period: Period) -> list[WeekCounts]:
    """Held / bent / crossed per Monday-started week of the period, as the Boundaries pane counts them."""
    weeks = week_starts(period)
    return weekly_counts(rows, monday_of(weeks[0]), len(weeks))


def boundary_lines(rows: Sequence[DayCount], costs: Iterable[CostRow], labels: Mapping[str, str]) -> list[BoundaryLine]:
    """Per kind of boundary: held, bent, crossed (from the pane's day counts) and the mean cost of its
    crossed and bent events. Most crossed first (the pane's `most_crossed` order), then the rest."""
    tallies: dict[str, Counter[str]] = {}
    for _day, slug, outcome, count in rows:
        tallies.setdefault(slug, Counter())[outcome] += count
    cost = {(slug, outcome): mean for slug, outcome, _n, costed, mean in costs if costed}
    order = [slug for slug, _n in most_crossed(rows, limit=len(tallies))]
    order += sorted((s for s in tallies if s not in order), key=lambda s: (-sum(tallies[s].values()), s))
    return [
        BoundaryLine(
            slug,
            labels.get(slug, slug) or "a boundary",
            held=tallies[slug]["held"],
            bent=tallies[slug]["bent"],
            crossed=tallies[slug]["crossed"],
            crossed_cost=cost.get((slug, "crossed")),
            bent_cost=cost.get((slug, "bent")),
        )
        for slug in order
    ]


def guarded(
    text: str, never_write: Sequence[str], today: date, *, keep_identifiers: bool
) -> tuple[str, dict[str, int], int]:
    """`text` through the confidentiality guard: (text, placeholders used, details kept as written).

    Never-write names are replaced whatever `keep_identifiers` says."""
    findings = find_identifiers(text, never_write, today=today)
    replace = [f for f in findings if f.kind == NAME or not keep_identifiers]
    out = redact(text, replace)
    used = Counter(PLACEHOLDERS.get(f.kind, "[redacted]") for f in replace)
    return out, dict(used), len(findings) - len(replace)


def quote(
    entry: Entry, never_write: Sequence[str], today: date, *, labels: Mapping[str, str], keep_identifiers: bool = False
) -> Quote:
    """A starred entry, quoted in full after the guard, under a heading in words."""
    text, used, kept = guarded(entry.text.strip(), never_write, today, keep_identifiers=keep_identifiers)
    return Quote(entry.id, entry.created_at, entry_heading(entry, labels), text, used, kept)


def parked_quote(item: ParkedItem, never_write: Sequence[str], today: date, *, keep_identifiers: bool = False) -> Quote:
    text, used, kept = guarded(item.text.strip(), never_write, today, keep_identifiers=keep_identifiers)
    return Quote(None, item.created_at, "still parked", text, used, kept)


# -- words -------------------------------------------------------------------------------------


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def period_words(first: date, last: date) -> str:
    head = f"{first:%d %b}" + (f" {first:%Y}" if first.year != last.year else "")
    return f"{head} – {last:%d %b %Y}"


def scale_word(value: float, words: Mapping[int, str]) -> str:
    """The word for a mean on a 1-5 scale, halves rounded up (3.5 reads as 4, always)."""
    return words[min(5, max(1, int(value + 0.5)))]


def entry_heading(entry: Entry, labels: Mapping[str, str]) -> str:
    """`Tue 10 Nov, 18:42 · mood 2 (low), energy 3 (steady)` or `... · boundary: Overtime, crossed, cost 3 (some)`."""
    when = f"{entry.created_at:%a %d %b %Y, %H:%M}"
    facts: list[str] = []
    if entry.kind is Kind.BOUNDARY:
        label = labels.get(entry.boundary or "", entry.boundary or "a boundary")
        facts.append(f"boundary: {label}" + (f", {entry.outcome}" if entry.outcome else ""))
        if entry.cost is not None:
            facts.append(f"cost {entry.cost} ({COST_WORDS.get(entry.cost, '')})")
    else:
        if entry.kind is Kind.RITUAL:
            facts.append("end of shift")
        if entry.mood is not None:
            facts.append(f"mood {entry.mood} ({MOOD_WORDS.get(entry.mood, '')})")
        if entry.energy is not None:
            facts.append(f"energy {entry.energy} ({ENERGY_WORDS.get(entry.energy, '')})")
    return " · ".join([when, *facts])


def tag_sentence(stat: TagStat, period_days: int) -> str:
    """`9 times on 7 days; more often than the 28 days before (5 → 9)`."""
    head = f"{plural(stat.count, 'time')} on {plural(stat.days, 'day')}"
    before = f"the {plural(period_days, 'day')} before"
    trend = {
        "rising": f"more often than {before} ({stat.previous_count} → {stat.count})",
        "falling": f"less often than {before} ({stat.previous_count} → {stat.count})",
        "steady": f"about the same as {before} ({stat.previous_count} → {stat.count})",
        "new": f"not at all in {before}",
    }.get(stat.trend, TREND_WORDS.get(stat.trend, ""))
    return f"{head}; {trend}" if trend else head


def cost_words(mean: float | None) -> str:
    if mean is None:
        return "–"
    return f"{scale_word(mean, COST_WORDS)} ({mean:.1f} of 5)"


def boundary_sentence(line: BoundaryLine) -> str:
    """`3 held · 1 bent · 2 crossed; crossing cost a lot (4.0 of 5) on average`."""
    counts = f"{line.held} held · {line.bent} bent · {line.crossed} crossed"
    if line.crossed and line.crossed_cost is not None:
        return f"{counts}; crossing cost {cost_words(line.crossed_cost)} on average"
    return counts


def helper_sentence(helper: Helper) -> str:
    return (
        f"mood {helper.mood_with:.1f} on average in entries with it, against {helper.mood_without:.1f} "
        f"in the rest ({plural(helper.entries, 'mood entry', 'mood entries')} with it)"
    )


def week_label(day: date) -> str:
    return f"{day:%b} {day.day}"
