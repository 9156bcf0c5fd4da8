#!/usr/bin/env bash
# Builds what it needs in Release, then runs the unpack-vs-ctr benchmark.
# Usage: sudo bench/unpack-vs-ctr.sh [--iterations N] [--large-mb MB] [--work DIR]
exec "$(dirname "${BASH_SOURCE[0]}")/run-benchmark.sh" unpack-vs-ctr "$@"
