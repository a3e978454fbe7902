"""The experiment layer: replications x strategies, seeds, executors, the results table."""
