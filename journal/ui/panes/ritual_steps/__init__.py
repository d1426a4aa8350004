"""One small module per ritual step; each is a `StepView` the Ritual pane mounts one at a time."""
