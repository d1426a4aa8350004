"""The supervision brief on constructed journals: its figures are the CLI's and the Boundaries pane's,
no unstarred text ever appears, identifiers are replaced unless the person keeps them, the HTML is
self-contained, and files are written privately, atomically and never over a file by accident."""

from __future__ import annotations

import json
import random
import re
import stat
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner, Result

from journal.cli import cli
from journal.domain.boundaries import first_week, summarise
from journal.domain.confidentiality import NEVER_WRITE_SETTING
from journal.domain.insights import Period
from journal.domain.models import Category, Entry, EntryQuery, EntryTag, Kind, Outcome, Source
from journal.domain.when import day_start
from journal.exchange.brief import BriefOptions, gather_brief, write_brief
from journal.exchange.brief_html import brief_html
from journal.exchange.brief_md import brief_markdown
from journal.exchange.export import ExportProblem
from journal.storage import Store, open_store

TZ = ZoneInfo("Europe/London")  # tests/conftest.py runs every test in this zone
NOW = datetime(2026, 11, 20, 21, 0, tzinfo=TZ)
STRESSORS = ["caseload", "paperwork", "crisis", "after-hours", "overtime", "staffing"]
SIGNS = ["sleep", "fatigue", "irritability", "emotional-exhaustion", "overwhelm", "rumination", "headache"]
CARE = ["exercise", "peer-support", "rest", "supervision"]
KINDS = ["after-hours-contact", "overtime", "skipped-break", "covering-shifts"]


def _tag(name: str, category: Category) -> EntryTag:
    return EntryTag(name, category, None, Source.MANUAL)


def constructed(store: Store, seed: int, days: int = 120) -> list[Entry]:
    """A few months of mood entries with tags and boundary events, every text unique ("unstarred-N")."""
    rng = random.Random(seed)
    store.add_boundary_kind("covering-shifts", "Covering shifts")
    entries = []
    start = NOW - timedelta(days=days)
    for n in range(rng.randint(days, days * 2)):
        at = (start + timedelta(minutes=rng.randint(0, days * 24 * 60))).replace(second=0, microsecond=0)
        if rng.random() < 0.25:
            outcome = rng.choice(list(Outcome))
            entries.append(
                Entry(
                    Kind.BOUNDARY,
                    at,
                    f"unstarred-{n} boundary note",
                    boundary=rng.choice(KINDS),
                    outcome=outcome,
                    cost=rng.choice([None, 1, 2, 3, 4, 5]),
                    tags=[_tag(rng.choice(STRESSORS), Category.STRESSOR)] if outcome is not Outcome.HELD else [],
                )
            )
            continue
        tags = [_tag(t, Category.STRESSOR) for t in rng.sample(STRESSORS, rng.randint(0, 2))]
        tags += [_tag(t, Category.SYMPTOM) for t in rng.sample(SIGNS, rng.randint(0, 2))]
        tags += [_tag(t, Category.CARE) for t in rng.sample(CARE, rng.randint(0, 1))]
        entries.append(
            Entry(
                Kind.MOOD,
                at,
                f"unstarred-{n} how the day went",
                mood=rng.randint(1, 5),
                energy=rng.choice([None, 1, 2, 3, 4, 5]),
                tags=tags,
            )
        )
    store.save_many(entries, tag=False)
    return store.search(EntryQuery(limit=None))


def invoke(db: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    return result


def period_of(since: str, until: str) -> Period:
    first, last = date.fromisoformat(since), date.fromisoformat(until)
    return Period(day_start(first, TZ), day_start(last + timedelta(days=1), TZ))


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize(("since", "until"), [("2026-10-24", "2026-11-20"), ("2026-09-01", "2026-10-15")])
def test_figures_are_the_ones_journal_stressors_prints(db_path: Path, seed: int, since: str, until: str) -> None:
    with open_store(db_path) as store:
        constructed(store, seed)
        brief = gather_brief(store, period_of(since, until), NOW)
    result = invoke(db_path, "stressors", "--since", since, "--until", until, "--json")
    assert result.exit_code == 0, result.stderr
    printed = json.loads(result.stdout)
    for category, listed in ((Category.STRESSOR, brief.stressors), (Category.SYMPTOM, brief.signs)):
        expected = [t for t in printed["tags"] if t["category"] == str(category)][: len(listed)]
        assert listed, "the constructed journal has tags in every period"
        assert [(s.name, s.count, s.days, s.trend) for s in listed] == [
            (t["name"], t["count"], t["days"], t["trend"]) for t in expected
        ]
    assert brief.period.days == printed["days"]
    # ...and the brief the CLI prints says exactly those numbers, named as Insights names them
    text = invoke(db_path, "brief", "--since", since, "--until", until).stdout
    for stat_ in [*brief.stressors, *brief.signs]:
        times = "1 time" if stat_.count == 1 else f"{stat_.count} times"
        days = "1 day" if stat_.days == 1 else f"{stat_.days} days"
        assert f"- {stat_.name}: {times} on {days}" in text


@pytest.mark.parametrize("seed", [4, 5, 6])
def test_boundary_figures_are_the_boundaries_panes(db_path: Path, seed: int) -> None:
    """Over the pane's own eight weeks, the brief's weeks and most crossed are the pane's."""
    with open_store(db_path) as store:
        constructed(store, seed)
        today = NOW.date()
        since, until = day_start(first_week(today), TZ), day_start(today + timedelta(days=1), TZ)
        pane = summarise(store.boundary_day_counts(since, until), today)  # what BoundariesPane._load shows
        brief = gather_brief(store, Period(since, until), NOW)
        every_event = store.count(EntryQuery(kind=Kind.BOUNDARY, since=since, until=until))
    assert brief.boundary_weeks == pane.weeks
    crossed = [(b.slug, b.crossed) for b in brief.boundaries if b.crossed]
    assert sorted(crossed, key=lambda item: (-item[1], item[0]))[:3] == pane.most_crossed
    assert sum(b.total for b in brief.boundaries) == sum(w.total for w in pane.weeks) == every_event
    assert "Covering shifts" in {b.label for b in brief.boundaries}  # the person's own kind, by its label


def test_the_cost_of_crossing_is_the_mean_of_the_crossed_events(db_path: Path) -> None:
    at = NOW - timedelta(days=2)
    with open_store(db_path) as store:
        for cost in (2, 5, None):
            store.save(Entry(Kind.BOUNDARY, at, "x", boundary="overtime", outcome=Outcome.CROSSED, cost=cost))
        store.save(Entry(Kind.BOUNDARY, at, "x", boundary="overtime", outcome=Outcome.HELD, cost=1))
        brief = gather_brief(store, Period.last_days(28, now=NOW, tz=TZ), NOW)
    [line] = brief.boundaries
    assert (line.held, line.bent, line.crossed, line.crossed_cost) == (1, 0, 3, 3.5)
    assert "crossing cost a lot (3.5 of 5) on average" in brief_markdown(brief)


@pytest.mark.parametrize("seed", [7, 8])
@pytest.mark.parametrize("keep", [False, True])
def test_no_unstarred_text_ever_appears(db_path: Path, seed: int, keep: bool) -> None:
    with open_store(db_path) as store:
        entries = constructed(store, seed, days=40)
        rng = random.Random(seed)
        chosen = rng.sample([e for e in entries if e.created_at >= NOW - timedelta(days=27)], 3)
        for entry in chosen:
            store.set_starred(entry.id)  # type: ignore[arg-type]
        store.set_starred(entries[-1].id, True)  # type: ignore[arg-type]  # the oldest: outside the period
        brief = gather_brief(store, Period.last_days(28, now=NOW, tz=TZ), NOW, BriefOptions(keep_identifiers=keep))
    starred = {e.text.split()[0] for e in chosen}
    for rendered in (brief_markdown(brief), brief_html(brief)):
        found = set(re.findall(r"unstarred-\d+", rendered))
        assert found == starred
        assert "how the day went" not in rendered or any(e.kind is Kind.MOOD for e in chosen)
    assert [q.entry_id for q in brief.quotes] == sorted(
        (e.id for e in chosen), key=lambda i: next(e.created_at for e in chosen if e.id == i)
    )


def test_identifiers_are_replaced_unless_kept_and_never_write_names_always(db_path: Path) -> None:
    text = "Rang Sam Okafor on 07700 900123 and mailed sam.okafor@example.org about it. Drained."
    with open_store(db_path) as store:
        store.set_setting(NEVER_WRITE_SETTING, ["Sam Okafor"])
        saved = store.save(Entry(Kind.MOOD, NOW - timedelta(days=1), text, mood=2))
        store.set_starred(saved.id)  # type: ignore[arg-type]
        store.park("call Sam Okafor back on 07700 900123")
        private = gather_brief(store, Period.last_days(28, now=NOW, tz=TZ), NOW)
        kept = gather_brief(store, Period.last_days(28, now=NOW, tz=TZ), NOW, BriefOptions(keep_identifiers=True))
    [quote] = private.quotes
    assert quote.text == "Rang [name] on [phone] and mailed [email] about it. Drained."
    assert private.parked[0].text == "call [name] back on [phone]"
    for rendered in (brief_markdown(private), brief_html(private)):
        assert "07700" not in rendered and "Okafor" not in rendered and "example.org" not in rendered
        assert "[phone]" in rendered and "[name]" in rendered
    assert "Details that could identify someone were replaced: [email], [name] ×2, [phone] ×2." in brief_markdown(
        private
    )
    [as_written] = kept.quotes
    assert as_written.text == "Rang [name] on 07700 900123 and mailed sam.okafor@example.org about it. Drained."
    assert "kept as written, by choice" in brief_markdown(kept)


def test_the_top_says_it_is_a_reflection_aid_not_a_record(db_path: Path) -> None:
    with open_store(db_path) as store:
        brief = gather_brief(store, Period.last_days(28, now=NOW, tz=TZ), NOW)
    md, html = brief_markdown(brief), brief_html(brief)
    assert (
        md.splitlines()[2] == "*A personal reflection aid, not a clinical record. It is drawn from my own "
        "journal: the tags were found automatically in what I wrote, and nothing in it is a diagnosis.*"
    )
    assert html.index("not a clinical record") < html.index("The period")
    assert "No mood entries in this period." in md and "None starred in this period." in md


#: Anything that would make a browser fetch or run something from elsewhere.
EXTERNAL = re.compile(
    r"https?:|//|\bsrc\s*=|\bhref\s*=|@import|url\(|<script|<link|<img|<iframe|<object|<embed|xlink",
    re.IGNORECASE,
)


def test_the_html_is_self_contained(db_path: Path) -> None:
    hostile = '<img src="//x.invalid/a.png"> <script>alert(1)</script> url(evil) @import "x.css"; </blockquote>'
    with open_store(db_path) as store:
        constructed(store, 9, days=40)
        saved = store.save(
            Entry(Kind.MOOD, NOW - timedelta(days=1), hostile, mood=3, tags=[_tag("#<b>odd", Category.PERSONAL)])
        )
        store.set_starred(saved.id)  # type: ignore[arg-type]
        store.add_boundary_kind("weird", "<i>My</i> kind")
        store.save(Entry(Kind.BOUNDARY, NOW - timedelta(days=1), "", boundary="weird", outcome=Outcome.CROSSED))
        html = brief_html(gather_brief(store, Period.last_days(28, now=NOW, tz=TZ), NOW))
    assert html.startswith("<!DOCTYPE html>") and html.count("<style>") == 1
    assert html.count("<svg") >= 3  # the mood line, the stressor bars, the boundary weeks
    quoted = html[html.index("<blockquote>") + len("<blockquote>") : html.index("</blockquote>")]
    assert quoted.startswith("&lt;img src=&quot;")
    outside_quotes = re.sub(r"<blockquote>.*?</blockquote>", "", html, flags=re.DOTALL)
    assert EXTERNAL.search(outside_quotes) is None, EXTERNAL.search(outside_quotes)
    assert "<script" not in html and "<img" not in html and "&lt;i&gt;My&lt;/i&gt; kind" in html
    assert "@page" in html and "@media print" in html


def test_files_are_private_atomic_and_never_replace_without_force(db_path: Path, tmp_path: Path) -> None:
    with open_store(db_path) as store:
        constructed(store, 10, days=30)
        brief = gather_brief(store, Period.last_days(28, now=NOW, tz=TZ), NOW)
    out = tmp_path / "brief.html"
    write_brief(brief, "html", out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text(encoding="utf-8") == brief_html(brief)
    with pytest.raises(ExportProblem, match="already exists"):
        write_brief(brief, "md", out)
    assert out.read_text(encoding="utf-8") == brief_html(brief)
    write_brief(brief, "md", out, force=True)
    assert out.read_text(encoding="utf-8") == brief_markdown(brief)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temp file left


def test_the_cli_writes_refuses_and_forces(db_path: Path, tmp_path: Path) -> None:
    with open_store(db_path) as store:
        constructed(store, 11, days=30)
    out = tmp_path / "b.html"
    done = invoke(db_path, "brief", "--format", "html", "--out", str(out))
    assert done.exit_code == 0 and "Wrote the brief to" in done.stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and out.read_text().startswith("<!DOCTYPE html>")
    again = invoke(db_path, "brief", "--out", str(out))
    assert again.exit_code == 1 and "add --force" in again.stderr and again.stdout == ""
    assert invoke(db_path, "brief", "--out", str(out), "--force").exit_code == 0
    assert out.read_text().startswith("# Supervision brief")
    wrong = invoke(db_path, "brief", "--format", "pdf")
    assert wrong.exit_code == 1 and wrong.stderr.strip() == "The --format must be md or html."
    dates = invoke(db_path, "brief", "--since", "2026-11-10", "--until", "2026-11-01")
    assert dates.exit_code == 1 and "swap them round" in dates.stderr


def test_star_and_unstar_from_the_cli(db_path: Path) -> None:
    with open_store(db_path) as store:
        saved = store.save(Entry(Kind.MOOD, NOW - timedelta(days=1), "a hard one", mood=2))
    done = invoke(db_path, "star", str(saved.id))
    assert done.exit_code == 0 and done.stdout.startswith(f"Starred for supervision: entry {saved.id}, ")
    assert "> a hard one" in invoke(db_path, "brief").stdout
    assert json.loads(invoke(db_path, "search", "--json").stdout)[0]["id"] == saved.id
    done = invoke(db_path, "unstar", str(saved.id))
    assert done.exit_code == 0 and done.stdout.startswith("No longer starred")
    assert "a hard one" not in invoke(db_path, "brief").stdout
    for bad, says in (("abc", "entry's number"), ("0", "entry's number"), ("999", "no longer exists")):
        failed = invoke(db_path, "star", bad)
        assert failed.exit_code == 1 and says in failed.stderr and "Traceback" not in failed.output


def test_escape_sequences_never_reach_a_page_or_a_terminal(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.add_boundary_kind("odd", "Odd\x1b[2J kind")
        saved = store.save(
            Entry(
                Kind.BOUNDARY,
                NOW - timedelta(days=1),
                "rang\x1b]52;c;aGk=\x07 back\x9b1m",
                boundary="odd",
                outcome=Outcome.CROSSED,
                cost=2,
            )
        )
        store.set_starred(saved.id)  # type: ignore[arg-type]
        brief = gather_brief(store, Period.last_days(28, now=NOW, tz=TZ), NOW)
    for rendered in (
        brief_markdown(brief),
        brief_html(brief),
        invoke(db_path, "brief").stdout,
        invoke(db_path, "star", str(saved.id)).stdout,
    ):
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", rendered), rendered
        assert re.search(r"Odd\\?\[2J kind", rendered)  # the text stays, only the ESC goes


def test_the_early_notice_in_its_own_gentle_words(db_path: Path) -> None:
    from journal.domain.early_notice import HELPS, NOT_A_DIAGNOSIS

    with open_store(db_path) as store:
        entries = []
        for ago in range(69, -1, -1):
            day = NOW - timedelta(days=ago, hours=1)
            entries.append(Entry(Kind.MOOD, day, "A steady day.", mood=3, energy=3))
            if ago < 9:
                entries.append(
                    Entry(
                        Kind.MOOD,
                        day - timedelta(hours=3),
                        "Drained.",
                        mood=2,
                        tags=[_tag("emotional-exhaustion", Category.SYMPTOM)],
                    )
                )
        store.save_many(entries, tag=False)
        brief = gather_brief(store, Period.last_days(28, now=NOW, tz=TZ), NOW)
    assert brief.notice is not None
    md = brief_markdown(brief)
    assert brief.notice.headline() in md and HELPS in md and NOT_A_DIAGNOSIS in md
    assert "Drained." not in md and "A steady day." not in md  # none of it starred
