"""The app's stylesheet: Textual's own, minus the parsing that a refresh with nothing new repeats.

Textual refreshes the CSS whenever a theme is set, and again when the first pane's mode opens. Each
refresh throws away every parsed rule set and parses all of them again in a fresh stylesheet, even
with exactly the variables they were parsed with, and then the stylesheet itself, its own cache just
emptied, parses them all once more at the next widget it meets. Before the first frame the app's CSS
was parsed four times over (about 20 ms of a 250 ms start, here). This one parses each source once
for each set of variables: new variables empty the cache, as in Textual, and a refresh parses in
place, reading only what the cache does not hold. (In place is as safe as Textual's fresh copy: a
parse error leaves the rules in force untouched either way.)
"""

from __future__ import annotations

from textual.css.stylesheet import Stylesheet


class SteadyStylesheet(Stylesheet):
    """A `Stylesheet` that parses a source again only when its text or the variables change."""

    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._given = dict(variables or {})

    def set_variables(self, variables: dict[str, str]) -> None:
        if variables == self._given:
            return  # parsed with these already: keep every parsed rule set
        self._given = dict(variables)
        super().set_variables(variables)  # empties the cache

    def reparse(self) -> None:
        self.parse()
