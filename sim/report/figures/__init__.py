"""One module per figure; each builds a matplotlib Figure from a results table."""
