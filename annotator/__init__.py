"""annotator: code recorded psychotherapy sessions."""

__version__ = "0.1.0"
