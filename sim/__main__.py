"""`python -m sim` is `spacesim`."""

from sim.cli import main

main()
