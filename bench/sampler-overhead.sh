#!/usr/bin/env bash
# Builds what it needs in Release, then runs the sampler-overhead benchmark.
# Usage: sudo bench/sampler-overhead.sh [--runs N] [--size-mb MB] [--work DIR]
exec "$(dirname "${BASH_SOURCE[0]}")/run-benchmark.sh" sampler-overhead "$@"
