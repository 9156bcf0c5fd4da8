#!/usr/bin/env bash
# CI only: builds the repository's Dockerfile on a machine that can pull no base image, and writes
# the image as a `docker save` archive for the tests to load.
#
#   sudo docker/ci/build-image.sh [--print-archive]
#
# The shipped Dockerfile is what is built, with three build arguments pointing its base stages at
# images made here instead of pulled (see "What CI builds" in README.md):
#   RUNTIME_BASE_IMAGE    Debian bookworm minbase from debootstrap (Debian's packages are reachable)
#   DOTNET_RUNTIME_IMAGE  this machine's .NET runtimes (Debian has no .NET package), as /usr/share/dotnet
#   APPS_IMAGE            `dotnet publish` output made on this machine (build containers reach no NuGet)
# Everything in the runtime stage (apt-get install of containerd, runc and pigz, the users, the
# scripts) runs as shipped. A private dockerd does the build, as the tests run theirs.
#
# Cached in $UNPACKBENCH_CI_CACHE (default /var/cache/unpackbench-ci): the debootstrap rootfs, the
# private dockerd's data root (BuildKit's layer cache), the agent's build output and the archive,
# which is rebuilt only when the Dockerfile, docker/, src/, the build settings or the .NET runtime
# change. Concurrent callers wait for each other.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cache="${UNPACKBENCH_CI_CACHE:-/var/cache/unpackbench-ci}"
archive="${cache}/image/unpackbench-ci.tar"
tag="unpackbench:ci"
suite="bookworm"
mirror="${UNPACKBENCH_DEBIAN_MIRROR:-http://deb.debian.org/debian}"

if [[ "${1:-}" == "--print-archive" ]]; then
  echo "$archive"
  exit 0
fi

fail() {
  echo "build-image.sh: $*" >&2
  exit 1
}

[[ "$(id -u)" -eq 0 ]] || fail "must run as root (debootstrap and a private dockerd need it): sudo $0"
for need in "debootstrap:debootstrap" "dockerd:docker.io" "dotnet:the .NET 10 SDK"; do
  command -v "${need%%:*}" >/dev/null 2>&1 || fail "'${need%%:*}' is not installed: apt-get install -y ${need#*:} (or run ./test.sh, which installs what the tests need)"
done

# Debian's docker client speaks BuildKit to Debian's dockerd without the buildx plugin; a newer
# client elsewhere on PATH may insist on buildx.
docker_client() {
  local candidate
  for candidate in "$(command -v docker || true)" /usr/bin/docker; do
    [[ -x "$candidate" ]] || continue
    if [[ "$("$candidate" version --format '{{.Client.Version}}' 2>/dev/null | cut -d. -f1)" -lt 23 ]] || "$candidate" buildx version >/dev/null 2>&1; then
      echo "$candidate"
      return
    fi
  done
  fail "no docker client that can build with BuildKit: apt-get install -y docker.io"
}

mkdir -p "$cache/image"
exec 9>"$cache/lock"
flock 9

dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
runtime_version="$(dotnet --list-runtimes | awk '$1 == "Microsoft.AspNetCore.App" && $2 ~ /^10\./ { v = $2 } END { print v }')"
[[ -n "$runtime_version" ]] || fail "the ASP.NET Core 10 runtime is not installed next to dotnet in ${dotnet_root}"
[[ -d "${dotnet_root}/shared/Microsoft.NETCore.App/${runtime_version}" ]] || fail "Microsoft.NETCore.App ${runtime_version} is missing in ${dotnet_root}"

# What the image is made of; bin/ and obj/ are build output, except docker/bin (the image's scripts).
inputs() {
  cd "$repo"
  find Dockerfile .dockerignore Directory.Build.props Directory.Packages.props .editorconfig docker src -type f \
    -not -path 'src/*/bin/*' -not -path 'src/*/obj/*' -not -path 'docker/ci/*' -print0 | sort -z | xargs -0 sha256sum
  echo "dotnet ${runtime_version} ${suite} ${mirror}"
}
stamp="$(inputs | sha256sum | cut -d' ' -f1)"
if [[ -f "$archive" && "$(cat "${archive}.stamp" 2>/dev/null)" == "$stamp" ]]; then
  echo "The CI image is up to date: ${archive}"
  exit 0
fi

started=$SECONDS
work="$(mktemp -d /tmp/ubci.XXXXXX)"
dockerd_pid=""
cleanup() {
  if [[ -n "$dockerd_pid" ]] && kill -0 "$dockerd_pid" 2>/dev/null; then
    kill "$dockerd_pid"
    for _ in $(seq 1 100); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$dockerd_pid" 2>/dev/null || true
  fi
  # containerd's shims can outlive an interrupted dockerd; they name the exec root.
  pkill -KILL -f -- "${work}/x" 2>/dev/null || true
  findmnt -rn -o TARGET | grep -F "${work}/" | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# 1. The Debian base: debootstrap once, then reuse the rootfs tar.
rootfs_tar="${cache}/${suite}-minbase.tar"
if [[ ! -f "$rootfs_tar" ]]; then
  echo "debootstrap ${suite} minbase from ${mirror} (once; cached in ${rootfs_tar}) ..."
  debootstrap --variant=minbase "$suite" "${work}/rootfs" "$mirror" >"${work}/debootstrap.log" 2>&1 \
    || { tail -n 20 "${work}/debootstrap.log" >&2; fail "debootstrap failed"; }
  rm -rf "${work}/rootfs/var/cache/apt/archives/"*.deb "${work}/rootfs/var/lib/apt/lists/"*
  tar -C "${work}/rootfs" --numeric-owner -cf "${rootfs_tar}.tmp" .
  mv "${rootfs_tar}.tmp" "$rootfs_tar"
  rm -rf "${work}/rootfs"
  echo "  base rootfs made in $((SECONDS - started)) s"
fi

# 2. The apps, published here exactly as the Dockerfile's build stage publishes them: the agent without
# the HTML report (UnpackBenchReport=false). Its build output goes to a directory of its own, kept per
# checkout for incremental builds, so the checkout's bin/ and obj/ (built with the report) stay as they are.
echo "dotnet publish (agent, operator) ..."
publish() {
  local app="$1"
  shift
  # Quiet when it works; the compiler's errors (on stdout) in full when it does not.
  if ! dotnet publish "${repo}/src/UnpackBench.${app}/UnpackBench.${app}.csproj" -c Release --nologo -v quiet \
    --self-contained false -p:UseAppHost=false -p:SatelliteResourceLanguages=en -o "${work}/apps/out/${app,,}" "$@" \
    >"${work}/publish-${app}.log" 2>&1; then
    cat "${work}/publish-${app}.log" >&2
    echo "error: publishing ${app} for the image failed (above)" >&2
    return 1
  fi
}
publish Agent -p:UnpackBenchReport=false --artifacts-path "${cache}/agent-build/$(echo "$repo" | sha256sum | cut -c1-16)"
publish Operator

# 3. A private dockerd; its data root is kept so BuildKit reuses the apt-get layer next time.
mkdir -p "${cache}/dockerd" "${work}/x"
echo "{ \"deprecated-key-path\": \"${work}/key.json\" }" >"${work}/daemon.json"
name="ubci-$$"
dockerd --host "unix://${work}/d.sock" --config-file "${work}/daemon.json" --data-root "${cache}/dockerd" \
  --exec-root "${work}/x" --pidfile "${work}/dockerd.pid" --storage-driver overlay2 \
  --exec-opt native.cgroupdriver=cgroupfs --cgroup-parent "/${name}" \
  --containerd-namespace "$name" --containerd-plugins-namespace "${name}-plugins" \
  --bridge=none --iptables=false --ip6tables=false --ip-forward=false --ip-masq=false --userland-proxy=false \
  --log-level warn >"${work}/dockerd.log" 2>&1 &
dockerd_pid=$!
export DOCKER_HOST="unix://${work}/d.sock"
docker="$(docker_client)"
for _ in $(seq 1 300); do
  "$docker" version >/dev/null 2>&1 && break
  kill -0 "$dockerd_pid" 2>/dev/null || { cat "${work}/dockerd.log" >&2; fail "dockerd exited during start-up"; }
  sleep 0.1
done

# 4. The three local base images, then the shipped Dockerfile.
"$docker" import - unpackbench-ci/debian:"${suite}-minbase" <"$rootfs_tar" >/dev/null
tar -C "$dotnet_root" --numeric-owner --transform 's,^\.,usr/share/dotnet,' -c \
  ./dotnet ./host ./LICENSE.txt ./ThirdPartyNotices.txt \
  "./shared/Microsoft.NETCore.App/${runtime_version}" "./shared/Microsoft.AspNetCore.App/${runtime_version}" \
  | "$docker" import - unpackbench-ci/dotnet-runtime:"$runtime_version" >/dev/null
tar -C "${work}/apps" --numeric-owner -c out | "$docker" import - unpackbench-ci/apps:latest >/dev/null

echo "docker build (the repository's Dockerfile) ..."
# --network host: the runtime stage's apt-get reaches Debian's mirror as this machine does.
DOCKER_BUILDKIT=1 "$docker" build --progress plain --network host \
  --build-arg RUNTIME_BASE_IMAGE="unpackbench-ci/debian:${suite}-minbase" \
  --build-arg DOTNET_RUNTIME_IMAGE="unpackbench-ci/dotnet-runtime:${runtime_version}" \
  --build-arg APPS_IMAGE=unpackbench-ci/apps:latest \
  --build-arg REVISION="$(git -C "$repo" rev-parse HEAD 2>/dev/null || echo unknown)" \
  -t "$tag" "$repo" >"${work}/build.log" 2>&1 \
  || { tail -n 40 "${work}/build.log" >&2; fail "docker build failed"; }

"$docker" save -o "${archive}.tmp" "$tag"
mv "${archive}.tmp" "$archive"
echo "$stamp" >"${archive}.stamp"
# Keep the cache bounded: old images go, BuildKit keeps at most 2 GB of layers.
"$docker" image prune -f >/dev/null
"$docker" builder prune -f --keep-storage 2GB >/dev/null 2>&1 || true
echo "The CI image ${tag} is in ${archive} (built in $((SECONDS - started)) s)"
