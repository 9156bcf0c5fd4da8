#!/usr/bin/env bash
# Quick start on one machine, no cluster:
#   ./quickstart.sh                       benchmark the sample image the project builds itself
#   ./quickstart.sh IMAGE [OPTIONS...]    benchmark IMAGE; OPTIONS go to `unpackbench-agent run`
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$repo"

# Root is needed: the agent starts a private containerd and mounts overlayfs snapshots.
# Not root: ask for it through sudo, keeping PATH so dotnet is found.
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    exec sudo env "PATH=$PATH" "$0" "$@"
  fi
  echo "quickstart.sh must run as root (the agent starts a private containerd and mounts overlayfs snapshots), and sudo is not installed: run it as root." >&2
  exit 1
fi

if ! command -v containerd >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "containerd is not installed: installing containerd, runc and pigz with apt-get ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends containerd runc pigz
  else
    cat >&2 <<'HELP'
containerd is not installed and apt-get is not available on this machine.
Install containerd (1.6 or later), runc and pigz with your distribution's package manager:
  Fedora, RHEL, CentOS Stream:  dnf install containerd runc pigz   (RHEL: containerd.io from Docker's repository)
  Arch Linux:                   pacman -S containerd runc pigz
  Alpine:                       apk add containerd runc pigz
  openSUSE:                     zypper install containerd runc pigz
then run ./quickstart.sh again.
HELP
    exit 1
  fi
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "dotnet (the .NET 10 SDK) is not on root's PATH; put it on PATH and run ./quickstart.sh again" >&2
  exit 1
fi

# Where the agent writes its result: ./results unless --output is among the options.
output="results"
previous=""
for argument in "$@"; do
  if [[ "$argument" == --output=* ]]; then
    output="${argument#--output=}"
  elif [[ "$previous" == "--output" ]]; then
    output="$argument"
  fi
  previous="$argument"
done

started="$(mktemp)"
trap 'rm -f "$started"' EXIT

status=0
if (($# > 0)); then
  image="$1"
  shift
  echo "Benchmarking ${image} ..."
  dotnet run --project src/UnpackBench.Agent -c Release -- run --image "$image" "$@" || status=$?
else
  archive=".unpackbench/sample-image.tar"
  echo "No image given: writing the sample image to ${archive} ..."
  dotnet run --project bench/UnpackBench.Bench -c Release -- sample-image --output "$archive"
  echo "Benchmarking the sample image ..."
  dotnet run --project src/UnpackBench.Agent -c Release -- run --archive "$archive" || status=$?
fi

result="$(find "$output" -maxdepth 1 -name 'benchmark_*.json' -newer "$started" 2>/dev/null | sort | tail -n 1 || true)"
if [[ -n "$result" ]]; then
  result="$(realpath "$result")"
  echo "Result: ${result}   (summary: jq .summary \"${result}\")"
else
  echo "No result document was written (exit code ${status}); see the messages above." >&2
fi
exit "$status"
