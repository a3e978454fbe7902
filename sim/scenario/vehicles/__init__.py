"""Vehicle profiles: the cited defaults a source takes from the vehicle a scenario names.

A source that flies a vehicle (`SourceSpec.vehicles`: orbit, suborbital, parabolic) has a
``vehicle`` key; the profile it names is laid between the source's defaults and the file
(`sim.scenario.defaults.defaults_for`): source defaults < the vehicle's profile < what the file
sets. A source's defaults are its default vehicle's, so that vehicle's profile changes nothing;
another vehicle's profile restates every value that differs, each with its own citation. Each
module here (`orbit`, `suborbital`, `parabolic`) declares one source's `PROFILES`.
"""

from sim.scenario.vehicles.profile import VehicleProfile, known

__all__ = ["VehicleProfile", "known"]
