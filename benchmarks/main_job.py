"""The main job's wall time, figures drawn one by one against on workers, side by side.

    python benchmarks/main_job.py [--rounds 5] [--cores 2] [--against /tmp/old_tree]

Times whole ``spacesim run scenarios/split.yaml --jobs 2 --quiet`` commands, each a new
process as a user starts it, on two cores (the first two this process may use). Each round
runs every variant once, taking turns at going first, because this machine's speed drifts
from one second to the next:

- *serial*: this tree with the figures drawn in the main process, one after another, once the
  rest of the folder is made (as before they were drawn on workers; `workers_for` set to 0);
- *parallel*: this tree as it ships: one pool of workers for the run, which simulates, then
  reruns the risk register's and the fallback rules' variants, then draws the figures queued
  behind them, while the main process writes the tables and then the summary, the workbook
  and the report;
- *against* (with ``--against PATH``): the ``spacesim`` of another checkout (an old worktree:
  ``git worktree add /tmp/old_tree HEAD``), run from its own folder.

Prints each variant's median and fastest run and the median round's ratio to *serial*.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parent.parent

#: The main job as a user types it (and --jobs 2: two cores), in a process of its own.
LAUNCH = (
    "import sys\n"
    "if sys.argv[1] == 'serial':\n"
    "    import sim.report.figures.drawing as drawing\n"
    "    drawing.workers_for = lambda *args, **kwargs: 0\n"
    "sys.argv = ['spacesim', *sys.argv[2:]]\n"
    "from sim.cli.launch import main\n"
    "main()\n"
)


def timed(variant: str, tree: Path, cores: set[int], out: Path) -> float:
    """Seconds one ``spacesim run`` of split.yaml takes in `tree`, on this process's cores."""
    args = ["run", "scenarios/split.yaml", "--jobs", str(len(cores)), "--quiet", "--force"]
    environment = {**os.environ, "PYTHONPATH": str(tree)}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", LAUNCH, variant, *args, "--out", str(out)],
        cwd=tree,
        env=environment,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def main() -> None:
    """Run the rounds and print the wall times."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5, help="rounds of every variant")
    parser.add_argument("--cores", type=int, default=2, help="cores the runs may use")
    parser.add_argument("--against", type=Path, help="another checkout to time as well")
    options = parser.parse_args()
    cores = set(sorted(os.sched_getaffinity(0))[: options.cores])
    os.sched_setaffinity(0, cores)  # the runs inherit it: their default --jobs is len(cores)
    trees = {"serial": ROOT, "parallel": ROOT}
    if options.against is not None:
        trees["against"] = options.against.resolve()
    took: dict[str, list[float]] = {name: [] for name in trees}
    with tempfile.TemporaryDirectory() as folder:
        for name, tree in trees.items():  # once each first: the disk cache, the fork server
            timed(name, tree, cores, Path(folder) / name)
        for round_ in range(options.rounds):
            order = list(trees)[round_ % len(trees) :] + list(trees)[: round_ % len(trees)]
            for name in order:
                took[name].append(timed(name, trees[name], cores, Path(folder) / name))
            print(
                f"round {round_ + 1}: "
                + ", ".join(f"{name} {took[name][-1]:.2f} s" for name in trees),
                flush=True,
            )
    print(
        f"spacesim run scenarios/split.yaml --jobs {len(cores)} on {len(cores)} cores,"
        f" {options.rounds} rounds:"
    )
    for name in trees:
        ratios = [mine / serial for mine, serial in zip(took[name], took["serial"], strict=True)]
        print(
            f"  {name}: median {statistics.median(took[name]):.2f} s,"
            f" fastest {min(took[name]):.2f} s; against serial: median round"
            f" {statistics.median(ratios):.0%} (rounds {min(ratios):.0%}-{max(ratios):.0%})"
        )


if __name__ == "__main__":
    main()
