using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Sampling;

/// <summary>
/// Measures containerd's resource use around each timed window. <see cref="BeginAsync"/> runs just
/// before the unpack's clock starts and <see cref="IMonitoredWindow.EndAsync"/> just after it stops,
/// so reading and resetting counters stays out of the timed window.
/// </summary>
internal interface IResourceMonitor : IAsyncDisposable
{
    /// <summary>What the figures come from (<c>cgroup-v1</c>, <c>cgroup-v2</c>, <c>docker</c>), or <c>none</c>.</summary>
    string Source { get; }

    /// <summary>Sentences a reader of the result needs (e.g. why figures are missing, or what else they include).</summary>
    IReadOnlyList<string> Notes { get; }

    /// <summary>Resets what can be reset, takes the first reading and starts sampling.</summary>
    Task<IMonitoredWindow> BeginAsync(CancellationToken cancellationToken);

    /// <summary>Page-cache pages charged to containerd's memory cgroup now, bytes; null where the source cannot tell.</summary>
    long? FilePageBytes() => null;
}

/// <summary>A window being measured.</summary>
internal interface IMonitoredWindow
{
    /// <summary>Stops sampling and returns the window's figures (null when nothing could be measured).</summary>
    Task<RunMetrics?> EndAsync(CancellationToken cancellationToken);
}
