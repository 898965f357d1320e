"""`python -m newsbridge` runs the command-line interface."""

from .cli import run

run()
