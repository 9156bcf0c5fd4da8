#!/usr/bin/env bash
# Builds the agent and the bench in Release, then runs the sampler-overhead benchmark.
# Usage: sudo bench/sampler-overhead.sh [--runs N] [--size-mb MB] [--work DIR]
set -euo pipefail

if [[ "$(id -u)" -ne 0 ]]; then
  echo "sampler-overhead must run as root: it starts containerd and gives it a cgroup." >&2
  echo "Run it with: sudo bench/sampler-overhead.sh $*" >&2
  exit 1
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "dotnet is not on root's PATH; run with: sudo env \"PATH=\$PATH\" bench/sampler-overhead.sh $*" >&2
  exit 1
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

echo "Building the agent and the bench (Release) ..." >&2
dotnet build src/UnpackBench.Agent -c Release -nologo -v quiet >&2
dotnet build bench/UnpackBench.Bench -c Release -nologo -v quiet >&2

exec dotnet bench/UnpackBench.Bench/bin/Release/net10.0/unpackbench-bench.dll sampler-overhead "$@"
