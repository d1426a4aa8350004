"""The command line: quick capture and scripting (`journal mood 2 rough night`), and the way in to
the app (`journal`). A thin layer: it parses, calls the store, and prints."""

from journal.cli.app import cli, main

__all__ = ["cli", "main"]
