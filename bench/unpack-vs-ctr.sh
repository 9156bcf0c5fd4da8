#!/usr/bin/env bash
# Builds the agent and the bench in Release, then runs the unpack-vs-ctr benchmark.
# Usage: sudo bench/unpack-vs-ctr.sh [--iterations N] [--large-mb MB] [--work DIR]
set -euo pipefail

if [[ "$(id -u)" -ne 0 ]]; then
  echo "unpack-vs-ctr must run as root: it starts containerd and unpacks into overlayfs snapshots." >&2
  echo "Run it with: sudo bench/unpack-vs-ctr.sh $*" >&2
  exit 1
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "dotnet is not on root's PATH; run with: sudo env \"PATH=\$PATH\" bench/unpack-vs-ctr.sh $*" >&2
  exit 1
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

echo "Building the agent and the bench (Release) ..." >&2
dotnet build src/UnpackBench.Agent -c Release -nologo -v quiet >&2
dotnet build bench/UnpackBench.Bench -c Release -nologo -v quiet >&2

exec dotnet bench/UnpackBench.Bench/bin/Release/net10.0/unpackbench-bench.dll unpack-vs-ctr "$@"
