#!/usr/bin/env bash
# Builds what it needs in Release, then runs the operator-scale benchmark.
# Usage: sudo bench/operator-scale.sh [--benchmarks N] [--runs N] [--work DIR]
exec "$(dirname "${BASH_SOURCE[0]}")/run-benchmark.sh" operator-scale "$@"
