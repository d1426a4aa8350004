"""The supervision brief in the app: a preview of a period, the privacy choice, and saving it."""
