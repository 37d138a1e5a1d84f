"""``python -m followup_tui`` runs the same command line as ``followup``."""

from .cli import main

main()
