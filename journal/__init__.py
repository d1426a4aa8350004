"""journal: the end-of-shift companion for mental health workers."""

__version__ = "0.2.0"
