using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Sampling;

/// <summary>No figures can be taken here; the reason is noted in the result and every figure stays null.</summary>
internal sealed class UnavailableMonitor(string reason) : IResourceMonitor, IMonitoredWindow
{
    /// <inheritdoc />
    public string Source => "none";

    /// <inheritdoc />
    public IReadOnlyList<string> Notes { get; } = [$"resource figures unavailable: {reason}"];

    /// <inheritdoc />
    public Task<IMonitoredWindow> BeginAsync(CancellationToken cancellationToken) => Task.FromResult<IMonitoredWindow>(this);

    /// <inheritdoc />
    public Task<RunMetrics?> EndAsync(CancellationToken cancellationToken) => Task.FromResult<RunMetrics?>(null);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
