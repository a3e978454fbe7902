"""The scenario layer: schema, distributions as data, defaults, loading. Knows nothing of SimPy."""
