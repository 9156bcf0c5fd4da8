#!/usr/bin/env bash
# Builds what it needs in Release, then runs the survey-scale benchmark.
# Usage: sudo bench/survey-scale.sh [--nodes N] [--max-parallel-nodes N] [--runs N] [--work DIR]
exec "$(dirname "${BASH_SOURCE[0]}")/run-benchmark.sh" survey-scale "$@"
