"""One module per figure; each builds a matplotlib Figure from a results table.

`sim.report.figures.drawing` lists the figures of a run and of a comparison, and draws a
run's on worker processes while the run goes on.
"""
