namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// Where <c>GET pods/{name}/log</c> reads a container's output from — in tests, the test kubelet.
/// </summary>
public interface IPodLogSource
{
    /// <summary>
    /// Opens the log of <paramref name="container"/> (resolved by the server: never null when the pod has
    /// containers). Without <paramref name="follow"/> the stream ends at the log's current end; with it, the
    /// stream yields new output as it is written and ends when the container's log ends (or when
    /// <paramref name="cancellationToken"/> is cancelled because the client went away).
    /// Returns null when the container has not started, which clients see as a 400 "waiting to start".
    /// </summary>
    Task<Stream?> OpenAsync(string @namespace, string pod, string? container, bool follow, CancellationToken cancellationToken);
}
