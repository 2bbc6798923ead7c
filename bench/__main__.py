"""`make bench`: every benchmark, one after another; each writes its results to bench/results/."""

import importlib
import sys

BENCHMARKS = ["bench.scheduling", "bench.ingest", "bench.study", "bench.content"]


def main() -> int:
    for name in BENCHMARKS:
        print(f"\n== {name} ==", flush=True)
        module = importlib.import_module(name)
        status = module.main([]) if "argv" in module.main.__code__.co_varnames else module.main()
        if status:
            return status
    return 0


if __name__ == "__main__":
    sys.exit(main())
