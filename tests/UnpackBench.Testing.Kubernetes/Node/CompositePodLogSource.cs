namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// Serves pod logs from several sources — the kubelets of a multi-node test cluster: the first source that
/// has the container's log answers.
/// </summary>
/// <param name="sources">The sources, asked in order.</param>
public sealed class CompositePodLogSource(params IReadOnlyList<IPodLogSource> sources) : IPodLogSource
{
    /// <inheritdoc />
    public async Task<Stream?> OpenAsync(string @namespace, string pod, string? container, bool follow, CancellationToken cancellationToken)
    {
        foreach (var source in sources)
        {
            if (await source.OpenAsync(@namespace, pod, container, follow, cancellationToken) is { } log)
            {
                return log;
            }
        }

        return null;
    }
}
