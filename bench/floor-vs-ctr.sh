#!/usr/bin/env bash
# Builds what it needs in Release, then runs the floor-vs-ctr benchmark (see bench/README.md).
exec "$(dirname "${BASH_SOURCE[0]}")/run-benchmark.sh" floor-vs-ctr "$@"
