"""The analysis layer: numbers from a results table. Never draws, never writes files."""
