"""The model: SimPy processes of one replication. Knows nothing of files, plots or the CLI."""
