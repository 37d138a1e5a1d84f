"""followup: turn job interviews into lasting professional connections."""

__version__ = "0.1.0"
