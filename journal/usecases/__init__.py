"""What a person does with the journal, once, for every front end: the app, the CLI, the benchmarks.

Each function here is one thing a person does (save an entry, close a ritual, export...) written
against the storage layer's face (journal/storage/face.py) and the domain's rules, with no Textual,
Rich or Click in sight. The app's panes call them from thread workers and the CLI calls them
directly, so a rule such as "a hand-added tag is personal unless the journal knows it" or "check
for identifying details before a save" lives in one place.

- `entries`: save an entry with the writer's tag decisions; star one; the confidentiality check; `--tag`s.
- `boundaries`: which boundary kind a person meant.
- `ritual`: close a ritual into entries and parked lines, safely repeatable.
- `insights`: gather one period's figures for the Insights pane.
- `exchange`: export to a file or a stream.
- `imports`: read, prepare and import another app's export (the Import dialog and `journal import`).

Everything here blocks (SQLite): never call it on the UI thread.
"""
