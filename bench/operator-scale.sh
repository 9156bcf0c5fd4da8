#!/usr/bin/env bash
# Builds the operator and the bench in Release, then runs the operator-scale benchmark.
# Usage: sudo bench/operator-scale.sh [--benchmarks N] [--runs N] [--work DIR]
set -euo pipefail

if [[ "$(id -u)" -ne 0 ]]; then
  echo "operator-scale must run as root: its test kubelets run pods in mount namespaces." >&2
  echo "Run it with: sudo bench/operator-scale.sh $*" >&2
  exit 1
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "dotnet is not on root's PATH; run with: sudo env \"PATH=\$PATH\" bench/operator-scale.sh $*" >&2
  exit 1
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

echo "Building the operator and the bench (Release) ..." >&2
dotnet build src/UnpackBench.Operator -c Release -nologo -v quiet >&2
dotnet build bench/UnpackBench.Bench -c Release -nologo -v quiet >&2

exec dotnet bench/UnpackBench.Bench/bin/Release/net10.0/unpackbench-bench.dll operator-scale "$@"
