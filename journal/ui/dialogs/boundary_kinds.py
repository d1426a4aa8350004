"""Your own boundary kinds: name one and it joins the list (and `journal boundary --kind`).

Built-in kinds are listed for reference and cannot be removed; a kind of your own can, and entries
already logged with it keep it. The dialog writes through the store in thread workers and dismisses
with whether anything changed, so the pane reloads only when it must.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from journal.domain.boundary_tags import STRESSOR_CHOICES
from journal.domain.models import BOUNDARY_KINDS
from journal.domain.tags import kind_slug
from journal.storage import Store
from journal.storage.errors import StoreError
from journal.ui.dialogs.list_dialog import ListDialog
from journal.ui.safe import safe_plain, safe_text

_MAX_LABEL = 60
HINT = "enter adds (with the tag chosen below the name) · delete removes the highlighted kind of yours · escape closes"


class _Kinds(Message):
    def __init__(self, kinds: dict[str, str], said: str = "", tags: dict[str, str | None] | None = None) -> None:
        super().__init__()
        self.kinds, self.said, self.tags = kinds, said, tags or {}


class BoundaryKindsDialog(ListDialog):
    """Add or remove user-defined boundary kinds."""

    DEFAULT_CSS = """
    BoundaryKindsDialog {
        & #kinds-title { text-style: bold; margin-bottom: 1; }
        & #kinds-list { height: auto; max-height: 14; border: none; padding: 0; margin-bottom: 1; }
        & #kinds-tag { margin-top: 1; }
        & #kinds-said { height: auto; margin-top: 1; }
        & #kinds-hint { color: $text-muted; margin-top: 1; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.kinds: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Boundary kinds", id="kinds-title")
            yield OptionList(id="kinds-list")
            yield Input(placeholder="Name a boundary of your own, e.g. Covering for a colleague", id="kinds-new")
            yield Select(
                [(f"when crossed or bent, tag it {name}", name) for name in STRESSOR_CHOICES],
                prompt="when crossed or bent, tag it with no stressor",
                id="kinds-tag",
            )
            yield Static("", id="kinds-said")
            yield Static(HINT, id="kinds-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#kinds-new", Input).focus()
        self._run(self.store, None, None)

    @work(thread=True, exclusive=True, group="boundary-kinds", exit_on_error=False)
    def _run(self, store: Store, add: tuple[str, str, str | None] | None, remove: str | None) -> None:
        """Add or remove one kind (or neither), then re-read the list; a refusal is a sentence."""
        said = ""
        try:
            if add is not None:
                store.add_boundary_kind(*add)
                tagged = f" When crossed or bent it is tagged {add[2]}." if add[2] else ""
                said = f"Added “{add[1]}”.{tagged} Use it from the command line as --kind {add[0]}."
            if remove is not None:
                store.remove_boundary_kind(remove)
                said = "Removed. Events already logged with it keep it."
        except StoreError as error:  # a refusal carries a sentence for the person
            said = str(error)
        self.post_message(_Kinds(store.boundary_kinds(), said, store.boundary_kind_tags()))

    @on(_Kinds)
    def _show(self, event: _Kinds) -> None:
        if self.kinds and event.kinds != self.kinds:
            self.changed = True
        self.kinds = event.kinds
        listing = self.query_one("#kinds-list", OptionList)
        highlighted = listing.highlighted
        options = []
        for slug, label in event.kinds.items():
            if slug in BOUNDARY_KINDS:
                text = Content.assemble(safe_text(label), Content.styled("  built in", "$text-muted"))
                options.append(Option(text, id=slug, disabled=True))
            else:
                tag = event.tags.get(slug)
                text = Content.assemble(
                    safe_text(label),
                    Content.styled(f"  --kind {slug}", "$text-muted"),
                    Content.styled(f"  · tagged {tag}" if tag else "", "$text-muted"),
                )
                options.append(Option(text, id=slug))
        listing.set_options(options)
        yours = [i for i, option in enumerate(options) if not option.disabled]
        if yours:  # only your own kinds can be highlighted (and removed)
            near = highlighted or 0  # after a removal, the neighbour of the one removed
            listing.highlighted = min(yours, key=lambda i: abs(i - near))
        self.query_one("#kinds-said", Static).update(Content(safe_plain(event.said)))

    @on(Input.Submitted, "#kinds-new")
    def _add(self, event: Input.Submitted) -> None:
        event.stop()
        label = " ".join(safe_plain(event.value).split())[:_MAX_LABEL]
        slug = kind_slug(label)
        said = self.query_one("#kinds-said", Static)
        if not slug:
            said.update("Give it a name with a letter or a number in it.")
            return
        if slug in self.kinds:
            said.update(Content(f"“{safe_plain(self.kinds[slug])}” is already in the list."))
            return
        event.input.value = ""
        chosen = self.query_one("#kinds-tag", Select).value
        tag = chosen if isinstance(chosen, str) else None
        self._run(self.store, (slug, label, tag), None)

    @on(Select.Changed, "#kinds-tag")
    def _tag_chosen(self, event: Select.Changed) -> None:
        """Back to the name, so enter adds the kind with the tag just chosen."""
        event.stop()
        if self.query_one("#kinds-new", Input).value.strip():
            self.query_one("#kinds-new", Input).focus()

    def action_remove(self) -> None:
        listing = self.query_one("#kinds-list", OptionList)
        option = listing.highlighted_option
        if option is None or option.disabled or option.id in BOUNDARY_KINDS:
            self.query_one("#kinds-said", Static).update("Built-in kinds stay; highlight one of your own to remove it.")
            return
        self._run(self.store, None, str(option.id))
