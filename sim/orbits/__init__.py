"""Orbital geometry for planning: launch opportunities, beta angle, eclipse time; no simulation.

Pure functions of dates and orbit elements, so the scenario layer can check a site against a
target and the model can lay a launch calendar over its clock.
"""

from sim.orbits.geometry import (
    Opportunity,
    Plane,
    beta_angle,
    eclipse_fraction,
    launch_opportunities,
    orbital_period_minutes,
)
from sim.orbits.places import SITES, TARGETS, Site, Target, site_of, target_of

__all__ = [
    "SITES",
    "TARGETS",
    "Opportunity",
    "Plane",
    "Site",
    "Target",
    "beta_angle",
    "eclipse_fraction",
    "launch_opportunities",
    "orbital_period_minutes",
    "site_of",
    "target_of",
]
