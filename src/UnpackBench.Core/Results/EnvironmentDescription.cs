namespace UnpackBench.Core.Results;

/// <summary>The machine and the containerd the benchmark ran on.</summary>
public sealed record EnvironmentDescription
{
    /// <summary>Host or Kubernetes node name.</summary>
    public required string Hostname { get; init; }

    /// <summary>Kernel release (uname -r).</summary>
    public required string Kernel { get; init; }

    /// <summary>CPU model name.</summary>
    public required string CpuModel { get; init; }

    /// <summary>Logical CPUs available to the agent.</summary>
    public required int CpuCount { get; init; }

    /// <summary>Total memory of the machine, MiB; null when unknown.</summary>
    public required long? MemoryMb { get; init; }

    /// <summary>Filesystem type under containerd's root (ext4, xfs, …).</summary>
    public required string RootFilesystem { get; init; }

    /// <summary>containerd's version.</summary>
    public required string ContainerdVersion { get; init; }

    /// <summary>containerd's build revision.</summary>
    public required string ContainerdRevision { get; init; }

    /// <summary><c>private</c> (started by the agent) or <c>external</c> (given with --containerd-address).</summary>
    public required string ContainerdMode { get; init; }

    /// <summary>The snapshotter that unpacked.</summary>
    public required string Snapshotter { get; init; }

    /// <summary>What decompressed gzip layers: <c>unpigz</c> or <c>builtin</c> (Go's compress/gzip).</summary>
    public required string Decompressor { get; init; }

    /// <summary>The agent's version.</summary>
    public required string AgentVersion { get; init; }
}
