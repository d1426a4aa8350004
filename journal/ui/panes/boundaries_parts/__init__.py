"""Private widgets of the Boundaries pane: the kind list, the outcome picker, the composer, the
recent-events list and the weekly chart."""
