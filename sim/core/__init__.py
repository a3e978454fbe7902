"""Bottom layer: errors, random streams and calendar units. Imports nothing else from sim."""
