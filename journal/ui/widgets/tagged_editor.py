"""A text editor whose tags appear live as you write, and can be rejected, added or taught.

The Mood pane and the ritual's Unload step both need "write freely, see what the journal hears, and
correct it", so that whole loop lives here: a TextArea, a `TagList` fed by the store's tagger off the
UI thread (debounced, so typing never waits for it), an Input for adding a tag by hand with completion
from the catalogue, and ctrl+t to teach the tagger a phrase. The editor keeps the tag decisions; the
owner asks for them with `entry_tags()` when it saves, and `state()`/`restore()` for drafts.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.timer import Timer
from textual.widgets import Input, TextArea
from textual.widgets.text_area import Selection
from textual.worker import get_current_worker

from journal.domain.models import EntryTag, Source, TagDef, TagHit, UserKeyword
from journal.domain.tags import MAX_TYPED_TAG, chosen_tag, tag_slug
from journal.storage import Store
from journal.ui.safe import safe_plain
from journal.ui.services import UsesServices
from journal.ui.widgets.safe_text_area import SafeTextArea
from journal.ui.widgets.tag_list import TagChip, TagList

_PLACEHOLDER = "What's still with you? Write as much or as little as you like."


class TaggedEditor(UsesServices, Vertical):
    """TextArea + live TagList + manual tags + teaching; see the module docstring."""

    DEFAULT_CSS = """
    TaggedEditor {
        height: 1fr;
        & > TextArea { height: 1fr; min-height: 4; }
        & > TagList { margin-top: 1; }
        & > Input { margin-top: 1; }
    }
    """

    BINDINGS = [Binding("ctrl+t", "teach", "Teach a tag", show=True)]
    #: Wait this long after the last keystroke before asking the tagger (seconds).
    TAG_DELAY = 0.3

    class Changed(Message):
        """Anything a draft would record changed: the text or a tag decision."""

        def __init__(self, editor: TaggedEditor) -> None:
            super().__init__()
            self.editor = editor

        @property
        def control(self) -> TaggedEditor:
            return self.editor

    class _Tagged(Message):
        def __init__(self, text: str, hits: list[TagHit] | None, left_out: list[str] | None = None) -> None:
            super().__init__()
            self.text = text
            self.hits = hits
            self.left_out = left_out or []

    class _Catalogue(Message):
        def __init__(self, tags: list[TagDef]) -> None:
            super().__init__()
            self.tags = tags

    class _Taught(Message):
        def __init__(self, tag: str, phrase: str, ok: bool) -> None:
            super().__init__()
            self.tag, self.phrase, self.ok = tag, phrase, ok

    def __init__(
        self,
        *,
        placeholder: str = _PLACEHOLDER,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._placeholder = placeholder
        self._hits: list[TagHit] = []
        self._left_out: list[str] = []
        self._rejected: set[str] = set()
        self._manual: list[str] = []
        self._catalogue: dict[str, TagDef] = {}
        self._debounce: Timer | None = None
        self._tagged_text: str | None = None

    def compose(self) -> ComposeResult:
        yield SafeTextArea(soft_wrap=True, placeholder=self._placeholder, id="editor-text")
        yield TagList(id="editor-tags")
        yield Input(
            placeholder="Add a tag by hand (→ completes, enter adds)…", max_length=MAX_TYPED_TAG, id="editor-add-tag"
        )

    def on_mount(self) -> None:
        # The catalogue (completion, and the category of a tag added by hand) arrives from a
        # worker: nothing in the first frame depends on it.
        self._load_catalogue(self.store)

    # public API ------------------------------------------------------------------------------
    @property
    def text_area(self) -> SafeTextArea:
        return self.query_one("#editor-text", SafeTextArea)

    @property
    def text(self) -> str:
        return self.text_area.text

    @property
    def tags_current(self) -> bool:
        """True once the tags shown are those of the text as it is now (tests wait on this)."""
        return self._tagged_text == self.text

    @property
    def visible_tags(self) -> list[str]:
        """Names of the tags the entry would carry now (auto not rejected, then manual)."""
        return [c.name for c in self._chips() if not c.rejected]

    def entry_tags(self) -> list[EntryTag]:
        """The user's tag decisions for `Store.save`: manual tags, and rejected auto tags."""
        tags = [
            EntryTag(h.name, h.category, h.group, Source.AUTO, h.spans, rejected=True)
            for h in self._hits
            if h.name in self._rejected and h.name not in self._manual
        ]
        tags.extend(chosen_tag(name, self._catalogue) for name in self._manual)
        return tags

    @property
    def rejected(self) -> set[str]:
        return set(self._rejected)

    def state(self) -> dict[str, Any]:
        """Everything needed to bring this editor back after a crash (JSON-able)."""
        cursor = self.text_area.cursor_location
        return {
            "text": self.text,
            "rejected": sorted(self._rejected),
            "manual": list(self._manual),
            "cursor": [cursor[0], cursor[1]],
        }

    def restore(self, state: dict[str, Any]) -> None:
        self._rejected = {str(n) for n in state.get("rejected", [])}
        self._manual = [str(n) for n in state.get("manual", [])]
        self.text_area.load_clean(str(state.get("text", "")))
        cursor = state.get("cursor") or [0, 0]
        with suppress(TypeError, ValueError, IndexError):
            self.text_area.selection = Selection.cursor((int(cursor[0]), int(cursor[1])))
        self._show_chips()
        self.retag()

    def clear(self) -> None:
        """Back to an empty page (after a save)."""
        self._hits, self._rejected, self._manual, self._left_out = [], set(), [], []
        self.text_area.load_text("")
        self._show_chips()

    def retag(self) -> None:
        """Ask the tagger again now (after teaching, or restoring)."""
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        self._tag_in_thread(self.store, self.text)

    # live tagging ----------------------------------------------------------------------------
    @on(TextArea.Changed, "#editor-text")
    def _text_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(self.TAG_DELAY, self.retag)
        self.post_message(self.Changed(self))

    @work(thread=True, exclusive=True, group="tagging", exit_on_error=False)
    def _tag_in_thread(self, store: Store, text: str) -> None:
        try:
            hits: list[TagHit] | None = store.tag_text(text) if text.strip() else []
        except Exception:  # the editor must keep working even if the tagger trips
            hits = None
        left_out: list[str] = []
        if hits is not None and text.strip():
            try:  # what the journal learned from its writer left out, said quietly under the tags
                left_out = [d.tag for d in store.personal_decisions(text) if d.action == "removed"]
            except Exception:
                left_out = []
        if not get_current_worker().is_cancelled:
            self.post_message(self._Tagged(text, hits, left_out))

    @on(_Tagged)
    def _tagged(self, event: _Tagged) -> None:
        if event.text != self.text:
            return  # stale: the user kept typing, a newer run is on its way
        if event.hits is None:
            self.notify("Live tags aren't available just now; your words are safe.", timeout=4)
            return
        self._hits = event.hits
        self._left_out = event.left_out
        self._tagged_text = event.text
        self._show_chips()

    def _chips(self) -> list[TagChip]:
        chips = [
            TagChip(
                h.name,
                str(h.category),
                Source.AUTO,
                tuple(s.text for s in h.spans),
                rejected=h.name in self._rejected,
            )
            for h in self._hits
            if h.name not in self._manual
        ]
        for name in self._manual:
            chips.append(TagChip(name, str(chosen_tag(name, self._catalogue).category), Source.MANUAL))
        return chips

    def _show_chips(self) -> None:
        notes = [
            f"{name} was left out: you turned it down on similar notes before (add it by hand if it fits)"
            for name in self._left_out
            if name not in self._manual
        ]
        self.query_one(TagList).show(self._chips(), notes)

    # rejecting and adding --------------------------------------------------------------------
    @on(TagList.Toggled)
    def _toggled(self, event: TagList.Toggled) -> None:
        event.stop()
        name = event.chip.name
        if event.chip.source is Source.MANUAL:
            self._manual.remove(name)
        elif name in self._rejected:
            self._rejected.discard(name)
        else:
            self._rejected.add(name)
        self._show_chips()
        self.post_message(self.Changed(self))

    @on(Input.Submitted, "#editor-add-tag")
    def _add_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        event.input.clear()
        self.add_manual_tag(event.value)

    def add_manual_tag(self, raw: str) -> None:
        """Attach a tag by hand; a rejected auto tag of that name is simply brought back."""
        name = tag_slug(raw)
        if not name:
            return
        if name in self._rejected:
            self._rejected.discard(name)
        elif name in self.visible_tags:
            self.notify(f"Already tagged {safe_plain(name)}.", markup=False, timeout=3)
            return
        else:
            self._manual.append(name)
        self._show_chips()
        self.post_message(self.Changed(self))

    # the catalogue and teaching --------------------------------------------------------------
    @work(thread=True, exclusive=True, group="catalogue", exit_on_error=False)
    def _load_catalogue(self, store: Store) -> None:
        self.post_message(self._Catalogue(_catalogue(store)))

    @on(_Catalogue)
    def _catalogue_loaded(self, event: _Catalogue) -> None:
        self._use_catalogue(event.tags)
        if self._manual:  # a restored draft's hand-added tags: now in their known categories
            self._show_chips()

    def _use_catalogue(self, tags: list[TagDef]) -> None:
        self._catalogue = {t.name: t for t in tags}
        names = sorted(self._catalogue)
        self.query_one("#editor-add-tag", Input).suggester = SuggestFromList(names, case_sensitive=False)

    def action_teach(self) -> None:
        from journal.ui.dialogs.teach import TeachDialog

        phrase = " ".join(self.text_area.selected_text.split())
        if not phrase:
            self.notify("Select a word or phrase first, then press ctrl+t to teach it.", timeout=4)
            return

        def taught(tag: str | None) -> None:
            if tag:
                self._teach_in_thread(self.store, tag, phrase)

        self.app.push_screen(TeachDialog(phrase, sorted(self._catalogue)), taught)

    @work(thread=True, exclusive=True, group="teach", exit_on_error=False)
    def _teach_in_thread(self, store: Store, tag: str, phrase: str) -> None:
        # The store makes an unknown tag a personal one on its own.
        try:
            store.add_keyword(UserKeyword(tag, phrase))
            ok = True
        except Exception:
            ok = False
        self.post_message(self._Taught(tag, phrase, ok))

    @on(_Taught)
    def _taught(self, event: _Taught) -> None:
        if not event.ok:
            self.notify("That couldn't be saved just now. Nothing was changed.", timeout=4)
            return
        message = f'Got it: "{safe_plain(event.phrase)}" now means {safe_plain(event.tag)}.'
        self.notify(message, markup=False, timeout=4)
        self._load_catalogue(self.store)
        self.retag()


def _catalogue(store: Store) -> list[TagDef]:
    """Every known tag, or none if the journal cannot say: completion is a help, never a blocker."""
    try:
        return list(store.tag_catalogue())
    except Exception:
        return []
