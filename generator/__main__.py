"""`python -m generator` runs the newsbrief command."""

from .cli import main

main()
