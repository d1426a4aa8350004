"""The History pane's own widgets: the lazy entry table, the filter line and the month calendar."""
