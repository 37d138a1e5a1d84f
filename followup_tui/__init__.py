"""followup: turn job interviews into lasting professional connections."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version is looked up only when asked for: importlib.metadata costs about 30 ms, on
    # every start of every command, and only --version needs it.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("followup-tui")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0.0.0+unknown"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
