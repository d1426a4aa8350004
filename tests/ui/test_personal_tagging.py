"""The app's side of personal tagging and re-tagging: the palette's reset (with its confirm) and the
one-time offer to re-tag past entries after the tagger improved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.pilot import Pilot
from textual.widgets import Button, Static

from journal.demo import DEMO_NOW
from journal.domain.models import Entry, Kind, UserKeyword
from journal.domain.tagging.version import TAGGER_VERSION
from journal.storage import Store
from journal.storage.retag import DECLINED_KEY
from journal.storage.schema import TAGGER_VERSION_KEY
from journal.ui.app import JournalApp
from journal.ui.dialogs.reset_personal import ResetPersonalDialog
from journal.ui.dialogs.retag import OFFER, RetagDialog
from tests.waiting import settle, until

AppFactory = Callable[..., JournalApp]
SIZE = (120, 40)
# Idioms the tagger reads as a headache (a wrong tag the person turns down): it must give the tag to all
# three, or fewer than three refusals are learned.
# (The model trained on 28 writers no longer reads "the rota is a headache" as one; it still does the spreadsheet.)
ROTA = ["honestly this spreadsheet is a headache", "this new spreadsheet, what a headache", "spreadsheet day, headache"]
PROBE = "this spreadsheet is such a headache"


def _save(store: Store, text: str, at: datetime = DEMO_NOW) -> Entry:
    return store.save(Entry(kind=Kind.MOOD, created_at=at, text=text, mood=3))


def _teach_three_refusals(store: Store) -> None:
    for text in ROTA:
        store.reject_tag(_save(store, text).id, "headache")


async def _palette(pilot: Pilot, words: str) -> None:
    await pilot.press("ctrl+p", *words)
    await settle(pilot)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()  # the command reads (and writes) in a worker
    await pilot.pause()


async def _offer_checked(pilot: Pilot, app: JournalApp) -> None:
    await until(pilot, app.retag_checked.is_set, "the app checked whether to offer a re-tag")
    await settle(pilot)


async def test_palette_reset_asks_then_forgets(welcomed_store: Store, make_app: AppFactory) -> None:
    _teach_three_refusals(welcomed_store)
    assert welcomed_store.tag_text(PROBE) == []
    app = make_app(welcomed_store)
    async with app.run_test(size=SIZE) as pilot:
        await _palette(pilot, "forget what")
        assert isinstance(app.screen, ResetPersonalDialog)
        text = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "3 tags you turned down" in text
        assert app.focused is not None and app.focused.id == "reset-keep"  # keeping is the default
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ResetPersonalDialog)
        assert welcomed_store.personal_counts() == {"rejected": 3, "added": 0}

        await _palette(pilot, "forget what")
        await pilot.click("#reset-forget")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert not isinstance(app.screen, ResetPersonalDialog)
    assert welcomed_store.personal_counts() == {"rejected": 0, "added": 0}
    assert [h.name for h in welcomed_store.tag_text(PROBE)] == ["headache"]
    # the entries keep the choices made on them
    assert all(any(t.rejected for t in e.tags) for e in (welcomed_store.get(i) for i in (1, 2, 3)))


async def test_palette_reset_with_nothing_learned_says_so(welcomed_store: Store, make_app: AppFactory) -> None:
    app = make_app(welcomed_store)
    async with app.run_test(size=SIZE) as pilot:
        await _palette(pilot, "forget what")
        assert not isinstance(app.screen, ResetPersonalDialog)
        assert any("nothing to forget" in str(n.message) for n in app._notifications)


def _older_journal(store: Store) -> Entry:
    """A journal last tagged by an older tagger, with one entry today's tagger reads differently."""
    entry = _save(store, "staring at the pile again")
    store.add_keyword(UserKeyword("caseload", "the pile"))  # today's tagger knows more
    store.set_setting(TAGGER_VERSION_KEY, TAGGER_VERSION - 1)
    assert [t.name for t in store.get(entry.id).tags] == []
    return entry


async def test_retag_offer_runs_in_a_worker_and_remembers(welcomed_store: Store, make_app: AppFactory) -> None:
    entry = _older_journal(welcomed_store)
    app = make_app(welcomed_store)
    async with app.run_test(size=SIZE) as pilot:
        await _offer_checked(pilot, app)
        dialog = app.screen
        assert isinstance(dialog, RetagDialog) and dialog.offered
        assert str(dialog.query_one("#retag-message", Static).render()) == OFFER
        await pilot.press("enter")  # "Re-tag now" has the focus
        await app.workers.wait_for_complete()
        await pilot.pause()
        message = str(dialog.query_one("#retag-message", Static).render())
        assert message.startswith("Done. The tags of 1 entry of 1 entry changed (+ caseload 1)")
        assert dialog.query_one("#retag-close", Button).display
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, RetagDialog)
    assert [t.name for t in welcomed_store.get(entry.id).tags] == ["caseload"]
    assert welcomed_store.get_setting(TAGGER_VERSION_KEY) == TAGGER_VERSION
    assert not welcomed_store.retag_offer_due()


async def test_retag_offer_declined_is_not_offered_again(welcomed_store: Store, make_app: AppFactory) -> None:
    entry = _older_journal(welcomed_store)
    app = make_app(welcomed_store)
    async with app.run_test(size=SIZE) as pilot:
        await _offer_checked(pilot, app)
        assert isinstance(app.screen, RetagDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, RetagDialog)
        await app.workers.wait_for_complete()  # the app's worker remembers the answer
    assert welcomed_store.get_setting(DECLINED_KEY) == TAGGER_VERSION
    assert [t.name for t in welcomed_store.get(entry.id).tags] == []  # nothing re-tagged
    again = make_app(welcomed_store)
    async with again.run_test(size=SIZE) as pilot:
        await _offer_checked(pilot, again)
        assert not isinstance(again.screen, RetagDialog)


async def test_no_offer_when_the_journal_is_current(demo_store: Store, make_app: AppFactory) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await _offer_checked(pilot, app)
        assert not isinstance(app.screen, RetagDialog)


async def test_retag_from_the_palette_can_be_stopped(welcomed_store: Store, make_app: AppFactory) -> None:
    entry = _older_journal(welcomed_store)
    welcomed_store.decline_retag()
    app = make_app(welcomed_store)
    async with app.run_test(size=SIZE) as pilot:
        await _offer_checked(pilot, app)
        await _palette(pilot, "re-tag past")
        dialog = app.screen
        assert isinstance(dialog, RetagDialog) and not dialog.offered
        dialog._stop.set()  # as if Stop was pressed before the first page was done
        await pilot.click("#retag-go")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert str(dialog.query_one("#retag-message", Static).render()).startswith("Stopped. Nothing was changed")
    assert [t.name for t in welcomed_store.get(entry.id).tags] == []


async def test_refusing_a_tag_in_the_mood_pane_on_three_similar_notes(
    welcomed_store: Store, make_app: AppFactory, monkeypatch
) -> None:
    """The whole loop as a person lives it: `x` on the tag, save, three times; the fourth similar
    note is written without it, and a different note still gets it."""
    from textual.widgets import TextArea

    from journal.ui.widgets.tag_list import TagList
    from journal.ui.widgets.tagged_editor import TaggedEditor

    monkeypatch.setattr(TaggedEditor, "TAG_DELAY", 0.05)
    welcomed_store.add_keyword(UserKeyword("caseload", "the pile"))
    app = make_app(welcomed_store)

    def shown() -> dict[str, bool]:
        return {c.name: c.rejected for c in app.screen.query_one(TagList).chips}

    async def write(pilot: Pilot, text: str) -> None:
        app.screen.query_one(TextArea).text = text
        editor = app.screen.query_one(TaggedEditor)
        await until(pilot, lambda: editor.tags_current, "the live tags caught up")

    refused = [
        "the pile of laundry at home is huge",
        "tackled the pile of laundry at home",
        "the pile of laundry at home again",
    ]
    async with app.run_test(size=SIZE) as pilot:
        for text in refused:
            await write(pilot, text)
            assert shown() == {"caseload": False}
            tag_list = app.screen.query_one(TagList)
            tag_list.focus()
            tag_list.highlighted = 0
            await pilot.press("x")
            assert shown() == {"caseload": True}
            await pilot.press("ctrl+s")
            await until(pilot, lambda: app.screen.query_one(TextArea).text == "", "the editor was emptied")
        assert welcomed_store.personal_counts()["rejected"] == 3
        await write(pilot, "the pile of laundry at home, sigh")
        assert shown() == {}
        tag_list = app.screen.query_one(TagList)
        lines = [str(tag_list.get_option_at_index(i).prompt) for i in range(tag_list.option_count)]
        assert lines == [
            "caseload was left out: you turned it down on similar notes before (add it by hand if it fits)"
        ]
        await write(pilot, "the pile of referrals at work")
        assert shown() == {"caseload": False}
        assert tag_list.option_count == 1
