"""The command palette's journal commands: every pane, the theme picker and help, by name.

Anything reachable by a key is reachable here too, so nobody has to remember F-keys.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider

from journal.ui.panes.catalog import PANES
from journal.ui.services import services_of


class JournalCommands(Provider):
    """Go to a pane, switch theme, open help, edit the never-write list."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app = self.app
        commands: list[tuple[str, Callable[[], object], str]] = [
            (
                pane.command,
                partial(app.run_action, f"go('{pane.mode}')"),
                f"{pane.help} ({pane.key.upper()})",
            )
            for pane in PANES
        ]
        commands.append(
            (
                "Start a new ritual",
                self._new_ritual,
                "Begin another end-of-shift ritual (or go back to the one under way)",
            )
        )
        commands.append(("Switch theme", app.search_themes, "Pick a colour theme; it is remembered"))
        commands.append(("Help", partial(app.run_action, "help"), "Keys, what this app is, urgent help (F1)"))
        commands.append(("Never-write list", self._never_write, "Names the confidentiality check always flags"))
        commands.append(("Export…", self._open_export, "Save your journal as JSON, Markdown or CSV"))
        commands.append(("Import…", self._open_import, "Bring in entries from this app's JSON, jrnl or Daylio"))
        commands.append(
            ("Re-tag past entries…", self._retag, "Tag old entries again with today's tagger; your own choices stay")
        )
        commands.append(
            ("Supervision brief…", self._open_brief, "A one-page brief of a period to bring to supervision")
        )
        commands.append(
            (
                "Forget what the tagger learned from me…",
                self._reset_personal,
                "Reset the personal tagging learned from the tags you rejected or added by hand",
            )
        )
        return commands

    async def _new_ritual(self) -> None:
        app = self.app
        await app.run_action("go('ritual')")

        def start() -> None:
            from journal.ui.panes.ritual import RitualPane

            if isinstance(app.screen, RitualPane):
                app.screen.action_new_ritual()

        app.call_later(start)

    def _retag(self) -> None:
        from journal.ui.dialogs.retag import RetagDialog

        self.app.push_screen(RetagDialog())

    def _reset_personal(self) -> None:
        reset_personal(self.app)

    def _open_brief(self) -> None:
        from journal.ui.brief.screen import BriefScreen

        if not isinstance(self.app.screen, BriefScreen):  # already open: it is right there
            self.app.push_screen(BriefScreen())

    def _open_export(self) -> None:
        from journal.ui.dialogs.export import ExportDialog

        self.app.push_screen(ExportDialog(encrypted=services_of(self.app).store.encrypted))

    def _open_import(self) -> None:
        from journal.ui.dialogs.import_file import ImportDialog

        self.app.push_screen(ImportDialog())

    def _never_write(self) -> None:
        from journal.ui.dialogs.never_write import NeverWriteDialog

        self.app.push_screen(NeverWriteDialog())

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)


def reset_personal(app: App[Any]) -> None:
    """Ask, then forget what the tagger learned from the person's tag choices (two small queries,
    each in a thread worker)."""
    store = services_of(app).store

    def count() -> None:
        counts = store.personal_counts()
        app.call_from_thread(ask, counts)

    def ask(counts: dict[str, int]) -> None:
        from journal.ui.dialogs.reset_personal import ResetPersonalDialog

        if not sum(counts.values()):
            app.notify(
                "The tagger hasn't learned anything from your choices yet; there is nothing to forget.", timeout=5
            )
            return
        app.push_screen(ResetPersonalDialog(counts["rejected"], counts["added"]), chosen)

    def chosen(forget: bool | None) -> None:
        if forget:
            app.run_worker(forget_now, thread=True, group="reset-personal", exit_on_error=False)
        else:
            app.notify("Kept: nothing was forgotten.", timeout=3)

    def forget_now() -> None:
        store.reset_personal()
        app.call_from_thread(app.notify, "Done: the tagger has forgotten what it learned from your choices.", timeout=5)

    app.run_worker(count, thread=True, group="reset-personal", exit_on_error=False)
