#!/usr/bin/env bash
# Fails a CI job when the new image unpacks slower than the old one, beyond the threshold and with
# 95 % confidence. Needs root, containerd, runc and pigz on the runner, and unpackbench-agent on PATH.
#   OLD_IMAGE    the image in production (the baseline)
#   NEW_IMAGE    the image this change builds
#   RUNS         timed runs per image (default 10; `compare` says when more are needed)
#   THRESHOLD    percent change that counts (default 5)
#   RUN_OPTIONS  extra options for both runs, e.g. "--registry-config $HOME/.docker/config.json"
set -euo pipefail
: "${OLD_IMAGE:?set OLD_IMAGE to the baseline image}" "${NEW_IMAGE:?set NEW_IMAGE to the candidate image}"

# shellcheck disable=SC2086 # RUN_OPTIONS is a list of options
unpackbench-agent run --image "$OLD_IMAGE" --runs "${RUNS:-10}" --warmup 1 --output results/old ${RUN_OPTIONS:-}
# shellcheck disable=SC2086
unpackbench-agent run --image "$NEW_IMAGE" --runs "${RUNS:-10}" --warmup 1 --output results/new ${RUN_OPTIONS:-}

# Exit code 3 means slower beyond the threshold; the markdown goes to the job summary either way.
verdict=0
unpackbench-agent compare results/old results/new --threshold "${THRESHOLD:-5}" --format markdown > comparison.md || verdict=$?
cat comparison.md >> "${GITHUB_STEP_SUMMARY:-/dev/stdout}"
unpackbench-agent report results/new --baseline results/old --threshold "${THRESHOLD:-5}" -o unpack-report.html
exit "$verdict"
