using k8s;

namespace UnpackBench.Testing.Kubernetes.Tests.Node.Support;

/// <summary>Records the phases a pod goes through, from a watch started before the pod exists.</summary>
internal sealed class PhaseRecorder : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _phases = [];
    private readonly Task _watching;

    public PhaseRecorder(IKubernetes client, string @namespace, string pod)
    {
        _watching = Task.Run(async () =>
        {
            try
            {
                await foreach (var (_, seen) in client.CoreV1.WatchListNamespacedPodAsync(@namespace, fieldSelector: $"metadata.name={pod}", cancellationToken: _stop.Token))
                {
                    lock (_phases)
                    {
                        if (seen.Status?.Phase is { } phase && (_phases.Count == 0 || _phases[^1] != phase))
                        {
                            _phases.Add(phase);
                        }
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Done recording.
            }
        });
    }

    public IReadOnlyList<string> Phases
    {
        get
        {
            lock (_phases)
            {
                return [.. _phases];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _watching;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // The watch was cut while stopping.
        }

        _stop.Dispose();
    }
}
