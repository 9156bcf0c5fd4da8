#!/usr/bin/env bash
# Builds what a benchmark needs in Release and runs it: bench/run-benchmark.sh COMMAND [options]
# (COMMAND is unpack-vs-ctr, sampler-overhead, operator-scale, survey-scale, variants, concurrency, floor-vs-ctr or predict-accuracy; see bench/README.md).
set -euo pipefail

command="${1:?usage: bench/run-benchmark.sh unpack-vs-ctr|sampler-overhead|operator-scale|survey-scale|variants|concurrency|floor-vs-ctr|predict-accuracy [options]}"
shift

if [[ "$(id -u)" -ne 0 ]]; then
  echo "$command must run as root: it starts containerd, creates cgroups or runs pods in mount namespaces." >&2
  echo "Run it with: sudo bench/$command.sh $*" >&2
  exit 1
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "dotnet is not on root's PATH; run with: sudo env \"PATH=\$PATH\" bench/$command.sh $*" >&2
  exit 1
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

case "$command" in
  operator-scale | survey-scale) project=src/UnpackBench.Operator ;;
  unpack-vs-ctr | sampler-overhead | variants | concurrency | floor-vs-ctr | predict-accuracy) project=src/UnpackBench.Agent ;;
  *) echo "unknown benchmark '$command'" >&2; exit 2 ;;
esac

echo "Building $project and the bench (Release) ..." >&2
dotnet build "$project" -c Release -nologo -v quiet >&2
dotnet build bench/UnpackBench.Bench -c Release -nologo -v quiet >&2

exec dotnet bench/UnpackBench.Bench/bin/Release/net10.0/unpackbench-bench.dll "$command" "$@"
