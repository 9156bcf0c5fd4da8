#!/usr/bin/env bash
# Builds what it needs in Release, then calibrates and checks predictions on five images.
# Usage: sudo bench/predict-accuracy.sh [--set standard|quick] [--runs N] [--work DIR] (see bench/README.md)
exec "$(dirname "${BASH_SOURCE[0]}")/run-benchmark.sh" predict-accuracy "$@"
