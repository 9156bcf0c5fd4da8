namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// Counts the requests the server received per verb and resource, the way API server audit logs name
/// them: <c>("create", "pods")</c>, <c>("watch", "unpackbenchmarks")</c>, <c>("update/status",
/// "unpackbenchmarks")</c> (the status subresource joins the verb), <c>("get", "pods/log")</c> (other
/// subresources join the resource). Resources are plurals without their group. Thread-safe.
/// Requests that failed — injected failures included — count too.
/// </summary>
public sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Verb, string Resource), int> _counts = [];
    private int _total;

    /// <summary>All requests since the last <see cref="Reset"/>.</summary>
    public int Total
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    /// <summary>Requests with this verb on this resource since the last <see cref="Reset"/>.</summary>
    public int Count(string verb, string resource)
    {
        lock (_gate)
        {
            return _counts.GetValueOrDefault((verb, resource));
        }
    }

    /// <summary>A copy of every count.</summary>
    public IReadOnlyDictionary<(string Verb, string Resource), int> Snapshot()
    {
        lock (_gate)
        {
            return new Dictionary<(string Verb, string Resource), int>(_counts);
        }
    }

    /// <summary>Sets every count back to zero.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _counts.Clear();
            _total = 0;
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        lock (_gate)
        {
            return string.Join(", ", _counts.OrderBy(c => c.Key.Resource, StringComparer.Ordinal).ThenBy(c => c.Key.Verb, StringComparer.Ordinal)
                .Select(c => $"{c.Key.Verb} {c.Key.Resource}: {c.Value}"));
        }
    }

    internal void Record(string verb, string resource)
    {
        lock (_gate)
        {
            _counts[(verb, resource)] = _counts.GetValueOrDefault((verb, resource)) + 1;
            _total++;
        }
    }
}
