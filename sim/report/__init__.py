"""The report layer: figures, tables and the output folder. Never runs a simulation."""
