"""followup: turn job interviews into lasting professional connections."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("followup-tui")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
