"""Import from the app: pick a file, see what would happen, give scores to unknown moods, import.

The same importers as `journal import` (journal.usecases.imports). Every step that reads the file
or touches the journal runs in a thread worker: checking is a dry run (the whole import in a
transaction that is rolled back, so the summary is exactly what the import will do), and the import
is one transaction with a progress bar. Nothing is imported until the person presses Import.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, DirectoryTree, Input, Label, ProgressBar, Static

from journal.ui.messages import ForwardWorkerFailures, JournalChanged
from journal.ui.services import UsesServices
from journal.usecases.imports import (
    ImportProblem,
    Options,
    Prepared,
    UnknownMoods,
    import_entries,
    mood_key,
    prepare,
    read_source,
    summary,
)

#: Progress is posted every this many entries (a message per entry would flood the app).
_PROGRESS_STEP = 50
_SCORE_WORDS = {1: "awful", 2: "bad", 3: "meh", 4: "good", 5: "great"}


class MoodScoresDialog(ModalScreen[dict[str, int] | None]):
    """Each mood the file uses that has no score, with a 1-5 choice; dismissed with {key: score}."""

    DEFAULT_CSS = """
    MoodScoresDialog {
        align: center middle;
        background: $background 60%;
        & > Vertical {
            width: 76; max-width: 100%; height: auto; max-height: 100%;
            border: round $accent; background: $surface; padding: 1 2;
        }
        & #moods-title { text-style: bold; }
        & #moods-hint { color: $text-muted; margin-bottom: 1; }
        & VerticalScroll { height: auto; max-height: 50vh; }
        & .mood-row { height: auto; }
        & .mood-label { width: 1fr; padding-top: 1; }
        & .mood-score { width: 9; }
        & Horizontal.buttons { height: auto; margin-top: 1; align-horizontal: right; }
        & Button { margin-left: 1; }
    }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, labels: list[str]) -> None:
        super().__init__()
        self.labels = labels

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Scores for your own moods", id="moods-title")
            yield Static(
                "This file uses moods of its own. Give each a score: 1 awful, 2 bad, 3 meh, 4 good, 5 great.",
                id="moods-hint",
                markup=False,
            )
            with VerticalScroll():
                for i, label in enumerate(self.labels):
                    with Horizontal(classes="mood-row"):
                        yield Static(label, classes="mood-label", markup=False)
                        yield Input(
                            placeholder="1-5",
                            restrict=r"[1-5]?",
                            max_length=1,
                            id=f"mood-{i}",
                            classes="mood-score",
                            tooltip="1 awful, 2 bad, 3 meh, 4 good, 5 great",
                        )
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="moods-cancel")
                yield Button("Use these scores", variant="primary", id="moods-ok")

    def scores(self) -> dict[str, int]:
        chosen = {}
        for i, label in enumerate(self.labels):
            value = self.query_one(f"#mood-{i}", Input).value.strip()
            if value in ("1", "2", "3", "4", "5"):
                chosen[mood_key(label)] = int(value)
        return chosen

    @on(Input.Submitted, ".mood-score")
    def _next(self, event: Input.Submitted) -> None:
        """Enter goes on to the next mood, and from the last one accepts the scores."""
        event.stop()
        inputs = list(self.query(".mood-score").results(Input))
        after = inputs.index(event.input) + 1
        if after < len(inputs):
            inputs[after].focus()
        else:
            self._accept()

    def on_mount(self) -> None:
        self.query_one(".mood-score", Input).focus()

    @on(Button.Pressed, "#moods-ok")
    def _ok(self, event: Button.Pressed) -> None:
        event.stop()
        self._accept()

    def _accept(self) -> None:
        chosen = self.scores()
        missing = [label for label in self.labels if mood_key(label) not in chosen]
        if missing:
            self.notify(f'Give "{missing[0]}" a score from 1 to 5 too.', markup=False, timeout=4)
            self.query_one(f"#mood-{self.labels.index(missing[0])}", Input).focus()
            return
        self.dismiss(chosen)

    @on(Button.Pressed, "#moods-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ImportDialog(UsesServices, ForwardWorkerFailures, ModalScreen[None]):
    """File -> check (dry run) -> moods if needed -> import with progress -> summary."""

    DEFAULT_CSS = """
    ImportDialog {
        align: center middle;
        background: $background 60%;
        & > Vertical {
            width: 84; max-width: 100%; height: auto; max-height: 100%;
            border: round $accent; background: $surface; padding: 1 2;
        }
        & #import-title { text-style: bold; margin-bottom: 1; }
        & DirectoryTree { height: 12; max-height: 30vh; margin-top: 1; }
        & #import-summary { margin-top: 1; height: auto; }
        & ProgressBar { margin-top: 1; }
        & Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
        & Button { margin-left: 1; }
    }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    class _Checked(Message):
        def __init__(self, prepared: Prepared | None, text: str, unknown: list[str] | None = None) -> None:
            super().__init__()
            self.prepared, self.text, self.unknown = prepared, text, unknown

    class _Progress(Message):
        def __init__(self, done: int) -> None:
            super().__init__()
            self.done = done

    class _Finished(Message):
        def __init__(self, text: str, ok: bool, imported: int = 0) -> None:
            super().__init__()
            self.text, self.ok, self.imported = text, ok, imported

    def __init__(self, start: Path | None = None) -> None:
        super().__init__()
        self.start = start or Path.home()
        self.options = Options()
        self.prepared: Prepared | None = None
        self.running = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Import entries from a file", id="import-title")
            yield Static(
                "This app's JSON export, a jrnl JSON export or a Daylio CSV export. Type its path or pick it below.",
                id="import-hint",
                markup=False,
            )
            yield Input(placeholder="~/Downloads/daylio_export.csv", id="import-path")
            yield DirectoryTree(self.start, id="import-tree")
            yield Static("", id="import-summary", markup=False)
            yield ProgressBar(id="import-progress", show_eta=False)
            with Horizontal():
                yield Button("Cancel", id="import-cancel")
                yield Button("Back", id="import-back")
                yield Button("Check file", variant="primary", id="import-check")
                yield Button("Import", variant="primary", id="import-go")
                yield Button("Close", variant="primary", id="import-close")

    def on_mount(self) -> None:
        self._stage("choose")
        self.query_one("#import-path", Input).focus()

    def _stage(self, stage: str) -> None:
        """choose (path and tree), checked (the dry run's summary), running (progress), done."""
        buttons = {
            "choose": {"import-cancel", "import-check"},
            "checking": {"import-cancel"},
            "checked": {"import-cancel", "import-back", "import-go"},
            "running": set(),
            "done": {"import-close"},
        }[stage]
        for button in self.query(Button):
            button.display = button.id in buttons
        choosing = stage in ("choose", "checking")
        self.query_one("#import-path").display = choosing
        self.query_one("#import-tree").display = choosing
        self.query_one("#import-hint").display = choosing
        self.query_one("#import-summary").display = stage != "choose"
        self.query_one("#import-progress").display = stage == "running"
        self.query_one("#import-check", Button).disabled = stage == "checking"

    def _say(self, text: str) -> None:
        self.query_one("#import-summary", Static).update(text)

    # choosing --------------------------------------------------------------------------------
    @on(DirectoryTree.FileSelected, "#import-tree")
    def _picked(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.query_one("#import-path", Input).value = str(event.path)
        self._check()

    @on(Input.Submitted, "#import-path")
    @on(Button.Pressed, "#import-check")
    def _check(self) -> None:
        raw = self.query_one("#import-path", Input).value.strip()
        if not raw:
            self.notify("Type the file's path, or pick it in the list.", timeout=3)
            return
        if self.store.read_only:
            self._say("The journal is read-only here, so nothing can be imported into it.")
            return
        self.options = Options()
        self._stage("checking")
        self._say("Checking the file…")
        self._dry_run(Path(raw).expanduser())

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def _dry_run(self, path: Path) -> None:
        store = self.store
        try:
            prepared = prepare(read_source(path), None, self.options)
            count = import_entries(store, prepared, dry_run=True)
        except UnknownMoods as unknown:
            self.post_message(self._Checked(None, str(unknown), unknown.labels))
            return
        except ImportProblem as problem:
            self.post_message(self._Checked(None, str(problem)))
            return
        text = summary(count, dry_run=True, notes=prepared.notes).replace(" Nothing was changed (dry run).", "")
        self.post_message(self._Checked(prepared, f"{path.name}: {prepared.count} in the file.\n{text}"))

    @on(_Checked)
    def _checked(self, event: _Checked) -> None:
        if event.unknown:
            self._say("This file uses moods of its own…")
            self.app.push_screen(MoodScoresDialog(event.unknown), self._scored)
            return
        self.prepared = event.prepared
        self._say(event.text)
        if event.prepared is None:
            self._stage("choose")
            self.query_one("#import-summary").display = True
            self.query_one("#import-path", Input).focus()
        else:
            self._stage("checked")
            self.query_one("#import-go", Button).focus()

    def _scored(self, scores: dict[str, int] | None) -> None:
        if scores is None:
            self._stage("choose")
            self._say("Nothing was imported: the moods need scores. Pick the file again to give them.")
            self.query_one("#import-summary").display = True
            return
        self.options.mood_map.update(scores)
        raw = self.query_one("#import-path", Input).value.strip()
        self._say("Checking the file…")
        self._dry_run(Path(raw).expanduser())

    @on(Button.Pressed, "#import-back")
    def _back(self, event: Button.Pressed) -> None:
        event.stop()
        self.prepared = None
        self._stage("choose")
        self.query_one("#import-path", Input).focus()

    # importing -------------------------------------------------------------------------------
    @on(Button.Pressed, "#import-go")
    def _go(self, event: Button.Pressed) -> None:
        event.stop()
        if self.prepared is None:
            return
        self.running = True
        self._stage("running")
        self.query_one("#import-progress", ProgressBar).update(total=max(1, self.prepared.count), progress=0)
        self._say("Importing…")
        self._import(self.prepared)

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def _import(self, prepared: Prepared) -> None:
        store = self.store
        done = 0

        def progress(step: int) -> None:
            nonlocal done
            done += step
            if done % _PROGRESS_STEP == 0:
                self.post_message(self._Progress(done))

        try:
            count = import_entries(store, prepared, progress=progress)
        except ImportProblem as problem:
            self.post_message(self._Finished(f"{problem} Nothing was imported.", ok=False))
            return
        except Exception:
            self.post_message(self._Finished("That didn't work, and nothing was imported.", ok=False))
            raise
        self.post_message(self._Progress(done))
        self.post_message(self._Finished(summary(count, notes=prepared.notes), ok=True, imported=count.imported))

    @on(_Progress)
    def _progressed(self, event: _Progress) -> None:
        self.query_one("#import-progress", ProgressBar).update(progress=event.done)

    @on(_Finished)
    def _finished(self, event: _Finished) -> None:
        self.running = False
        self._stage("done")
        self._say(event.text)
        self.query_one("#import-close", Button).focus()
        if event.imported:
            self.app.post_message(JournalChanged())

    @on(Button.Pressed, "#import-close")
    def _close(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    @on(Button.Pressed, "#import-cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    def action_cancel(self) -> None:
        if self.running:  # one transaction: it finishes (or fails) whole; leaving now would hide that
            self.notify("The import is finishing; it happens all at once.", timeout=3)
            return
        self.dismiss(None)
