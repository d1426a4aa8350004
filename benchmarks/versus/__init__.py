"""Helpers of `benchmarks/versus_jrnl.py`: the same journal in jrnl, in `journal` and in bare SQLite.

`operations` names what is timed and with which words, tags and dates; `journal_side`, `raw_sqlite`
and `jrnl_side` time it for each contender; `jrnl_child` runs inside jrnl's own throwaway venv;
`report` turns the medians into Markdown.
"""
