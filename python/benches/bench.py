"""Speed of the Python module against the library's `batch` example, on the national catalogue.

Runs, alternating so that both sides see the same machine:
- `cargo run --release --example batch -- --national --profiles N --top 10` (rank_many in Rust,
  across the cores) against `Selector.rank_many` of the same N profiles from Python;
- the same example with one thread (`RAYON_NUM_THREADS=1`), whose time over N is one
  `rank_top(profile, 10)` call in Rust, against N `rank_top(profile, 10)` calls from Python, one
  after another, with the profile given as a `Profile`, a dict and a JSON string.

    python python/benches/bench.py [--profiles 10000] [--rounds 3]

The students are `Profile.example` for each state in turn, as the example's are.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import re
import statistics
import subprocess
import time

import himkit

REPO = pathlib.Path(__file__).resolve().parents[2]


def states() -> list:
    """The states in the library's order (`UsState::all()`), as its refusal of a name lists them."""
    try:
        himkit.Profile.example("??")
    except himkit.UnknownNameError as error:
        return str(error).split("expected one of: ", 1)[1].split(", ")
    raise AssertionError("an unknown state was accepted")


def rust_batch(count: int, threads: int | None) -> float:
    """The milliseconds the example reports for ranking `count` profiles."""
    environment = dict(os.environ)
    if threads is not None:
        environment["RAYON_NUM_THREADS"] = str(threads)
    result = subprocess.run(
        ["cargo", "run", "--release", "--quiet", "--example", "batch", "--", "--national", "--profiles", str(count), "--top", "10"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    match = re.search(r"top 10 each: ([0-9.]+) ms", result.stdout)
    if match is None:
        raise RuntimeError(f"unexpected output from batch: {result.stdout!r}")
    return float(match.group(1))


def timed(work) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()

    dataset = himkit.Dataset.national()
    selector = himkit.Selector(dataset.catalog, dataset.wages)
    order = states()
    profiles = [himkit.Profile.example(order[index % len(order)]) for index in range(options.profiles)]
    dicts = [profile.to_dict() for profile in profiles]
    texts = [profile.to_json() for profile in profiles]
    count = len(profiles)
    print(f"{count} profiles x {len(selector)} programs, top 10 each; {os.cpu_count()} cores")

    # Build the example before timing it.
    rust_batch(10, None)
    selector.rank_many(profiles[:100], 10)

    figures: dict = {name: [] for name in ("rust many", "python many", "python many (dicts)", "rust one", "python one", "python one (dict)", "python one (json)")}
    for _ in range(options.rounds):
        figures["rust many"].append(rust_batch(count, None))
        figures["python many"].append(timed(lambda: selector.rank_many(profiles, 10)))
        figures["python many (dicts)"].append(timed(lambda: selector.rank_many(dicts, 10)))
        figures["rust one"].append(rust_batch(count, 1) / count * 1e3)
        figures["python one"].append(timed(lambda: [selector.rank_top(profile, 10) for profile in profiles]) / count * 1e3)
        figures["python one (dict)"].append(timed(lambda: [selector.rank_top(profile, 10) for profile in dicts]) / count * 1e3)
        figures["python one (json)"].append(timed(lambda: [selector.rank_top(profile, 10) for profile in texts]) / count * 1e3)

    median = {name: statistics.median(values) for name, values in figures.items()}
    for name, values in figures.items():
        unit = "ms" if "many" in name else "us per call"
        print(f"{name:22} median {median[name]:9.1f} {unit}   runs: {', '.join(f'{value:.1f}' for value in values)}")
    print(f"rank_many: Python (Profile objects) / Rust = {median['python many'] / median['rust many']:.2f}")
    print(f"rank_many: Python (dicts) / Rust = {median['python many (dicts)'] / median['rust many']:.2f}")
    for name in ("python one", "python one (dict)", "python one (json)"):
        print(f"rank_top: {name} costs {median[name] - median['rust one']:+.1f} us more than Rust")


if __name__ == "__main__":
    main()
