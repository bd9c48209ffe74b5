#!/usr/bin/env python3
"""Times the Python library paretoset on a point set written by ParetoPeersTable (issue 21).

paretoset (https://github.com/tommyod/paretoset, MIT) is not part of this project and is not
installed from a registry here: pass the folder of its source checkout with --paretoset. It needs
numpy, pandas and numba (Debian: apt-get install python3-numpy python3-pandas python3-numba) and
runs on the system python3. paretoset picks its numba block-nested-loops algorithm (BNL) when
numba is importable, as a data scientist's default install does.

Input: --points FILE (n x 3 little-endian float64, row-major, all objectives maximised) and
--front FILE (our front: ascending row indices, little-endian int32). The script calls
paretoset(points, sense=["max"] * 3, distinct=False) (distinct=False keeps duplicates, as ours
does), once to compile, then for a warm-up of a third of --seconds, then repeatedly for --seconds
(at least --min-calls calls), and prints "<fastest ms> <median ms> <front equal to ours:
true|false>" as its last line (the statistics ParetoPeersTable takes from JMH's sample mode).
"""
import argparse
import sys
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", required=True)
    parser.add_argument("--front", required=True)
    parser.add_argument("--paretoset", required=True, help="folder of a paretoset source checkout")
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--min-calls", type=int, default=3)
    args = parser.parse_args()

    sys.path.insert(0, args.paretoset)
    import numpy as np
    import numba  # noqa: F401  (paretoset uses its numba algorithm only when numba imports)
    from paretoset import paretoset

    points = np.fromfile(args.points, dtype="<f8").reshape(-1, 3)
    ours = np.fromfile(args.front, dtype="<i4")
    sense = ["max", "max", "max"]

    mask = paretoset(points, sense=sense, distinct=False)  # compiles the numba functions
    equal = np.array_equal(np.flatnonzero(mask), ours)

    # warm-up of about a third of the measuring time, then the measured calls
    warm_end = time.perf_counter() + args.seconds / 3
    while time.perf_counter() < warm_end:
        paretoset(points, sense=sense, distinct=False)
    times = []
    end = time.perf_counter() + args.seconds
    while time.perf_counter() < end or len(times) < args.min_calls:
        start = time.perf_counter()
        paretoset(points, sense=sense, distinct=False)
        times.append(time.perf_counter() - start)
    mean_ms = 1000 * sum(times) / len(times)
    print(
        f"paretoset {args.points}: {len(times)} calls, mean {mean_ms:.3f} ms, best {1000 * min(times):.3f} ms, "
        f"front {int(mask.sum())} rows, equal to ours: {equal}",
        file=sys.stderr,
    )
    ordered = sorted(times)
    median_ms = 1000 * ordered[len(ordered) // 2]
    print(f"{1000 * ordered[0]:.6f} {median_ms:.6f} {'true' if equal else 'false'}")


if __name__ == "__main__":
    main()
