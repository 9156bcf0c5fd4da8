# One image for both halves of UnpackBench:
#   the operator (default command; runs as the non-root user 65532)   unpackbench operator
#   the agent (the operator's agent pods run it privileged, as root)  unpackbench-agent run ...
#
#   docker build -t unpackbench:0.1.0 .
#   docker build --build-arg VERSION=0.2.0 --build-arg REVISION="$(git rev-parse HEAD)" -t REGISTRY/unpackbench:0.2.0 .
#
# The apps are published framework-dependent: both share one ASP.NET Core runtime (the operator
# needs Microsoft.AspNetCore.App) instead of each carrying its own copy of .NET.

# Base images, overridable for mirrors and pinning by digest.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
# Microsoft ships .NET 10 images on Ubuntu, not Debian: the runtime (the portable Linux build,
# which runs on any glibc distribution .NET supports, Debian 12 among them) is copied from here.
ARG DOTNET_RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
# The runtime stage's OS: containerd, runc and pigz come from its packages.
ARG RUNTIME_BASE_IMAGE=debian:bookworm-slim
# Where the published apps (/out/agent, /out/operator) come from: the build stage below, or an image
# that holds the same two directories. CI, which can pull no image, supplies all three base stages
# (docker/ci/build-image.sh; "What CI builds" in README.md).
ARG APPS_IMAGE=build

FROM --platform=$BUILDPLATFORM ${SDK_IMAGE} AS build
ARG TARGETARCH
WORKDIR /src
# Restore first, from the project files alone, so source edits reuse the restored layer.
# The agent is built without the HTML report (UnpackBenchReport=false), so the report renderer and its
# plotting libraries stay out of the image; its `report` command says where to render one instead.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/UnpackBench.Core/UnpackBench.Core.csproj src/UnpackBench.Core/
COPY src/UnpackBench.Analysis/UnpackBench.Analysis.csproj src/UnpackBench.Analysis/
COPY src/UnpackBench.Agent/UnpackBench.Agent.csproj src/UnpackBench.Agent/
COPY src/UnpackBench.Operator/UnpackBench.Operator.csproj src/UnpackBench.Operator/
RUN --mount=type=cache,target=/root/.nuget/packages \
    dotnet restore src/UnpackBench.Agent/UnpackBench.Agent.csproj -a "$TARGETARCH" -p:SelfContained=false -p:UnpackBenchReport=false \
    && dotnet restore src/UnpackBench.Operator/UnpackBench.Operator.csproj -a "$TARGETARCH" -p:SelfContained=false
COPY src/ src/
RUN --mount=type=cache,target=/root/.nuget/packages \
    dotnet publish src/UnpackBench.Agent/UnpackBench.Agent.csproj -c Release -a "$TARGETARCH" --no-restore \
        --self-contained false -p:UseAppHost=false -p:SatelliteResourceLanguages=en -p:UnpackBenchReport=false -o /out/agent \
    && dotnet publish src/UnpackBench.Operator/UnpackBench.Operator.csproj -c Release -a "$TARGETARCH" --no-restore \
        --self-contained false -p:UseAppHost=false -p:SatelliteResourceLanguages=en -o /out/operator

FROM ${APPS_IMAGE} AS apps

FROM ${DOTNET_RUNTIME_IMAGE} AS dotnet

FROM ${RUNTIME_BASE_IMAGE} AS runtime
ARG RUNTIME_BASE_IMAGE
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG CREATED=unknown
ARG SOURCE=""
LABEL org.opencontainers.image.title="unpackbench" \
      org.opencontainers.image.description="Measures how fast containerd unpacks image layers: a Kubernetes operator and its benchmark agent" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.base.name="${RUNTIME_BASE_IMAGE}"

# containerd, runc, util-linux (setsid starts containerd in a session of its own), pigz, and zstd,
# tar, bash for --floor: every executable the agent checks for (AgentPrerequisites.All).
# ca-certificates: registries over TLS; libssl3, zlib1g, libstdc++6: what .NET itself needs
# (no ICU: the apps run with invariant globalization).
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        containerd runc util-linux pigz zstd tar bash \
        ca-certificates libssl3 zlib1g libstdc++6 \
    && rm -rf /var/lib/apt/lists/*

COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
    && groupadd --system --gid 65532 unpackbench \
    && useradd --system --uid 65532 --gid 65532 --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin unpackbench \
    && mkdir -p /var/lib/unpackbench
ENV DOTNET_ROOT=/usr/share/dotnet \
    DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1

COPY --from=apps /out/agent /opt/unpackbench/agent
COPY --from=apps /out/operator /opt/unpackbench/operator
# unpackbench (the entrypoint), unpackbench-agent and unpackbench-operator.
COPY --chmod=0755 docker/bin/ /usr/local/bin/

WORKDIR /var/lib/unpackbench
EXPOSE 8080 8081
# The operator runs as this user. The agent needs root: agent pods must ask for it in their pod
# spec (runAsUser: 0, privileged), as docker-compose.yml does with user: root.
USER 65532:65532
ENTRYPOINT ["unpackbench"]
CMD ["operator"]
