#!/usr/bin/env bash
# Builds what it needs in Release, then runs the variants benchmark (see bench/README.md).
exec "$(dirname "${BASH_SOURCE[0]}")/run-benchmark.sh" variants "$@"
