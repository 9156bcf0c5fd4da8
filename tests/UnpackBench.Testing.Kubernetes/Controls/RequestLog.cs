namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// Counts the requests the server received per verb and resource, the way API server audit logs name
/// them: <c>("create", "pods")</c>, <c>("watch", "unpackbenchmarks")</c>, <c>("update/status",
/// "unpackbenchmarks")</c> (the status subresource joins the verb), <c>("get", "pods/log")</c> (other
/// subresources join the resource). Resources are plurals without their group. Each request is also
/// counted for the user it came from (<see cref="RequestIdentity.UserName"/>), so a benchmark can tell the
/// operator's requests from the test kubelet's and scheduler's. Thread-safe. Requests that failed —
/// injected failures and refusals included — count too.
/// </summary>
public sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Verb, string Resource), int> _counts = [];
    private readonly Dictionary<(string User, string Verb, string Resource), int> _byUser = [];
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

    /// <summary>Requests with this verb on this resource from <paramref name="user"/> since the last <see cref="Reset"/>.</summary>
    public int Count(string verb, string resource, string user)
    {
        lock (_gate)
        {
            return _byUser.GetValueOrDefault((user, verb, resource));
        }
    }

    /// <summary>All requests from <paramref name="user"/> since the last <see cref="Reset"/>.</summary>
    public int TotalOf(string user)
    {
        lock (_gate)
        {
            return _byUser.Where(e => e.Key.User == user).Sum(e => e.Value);
        }
    }

    /// <summary>A copy of the counts of <paramref name="user"/>'s requests.</summary>
    public IReadOnlyDictionary<(string Verb, string Resource), int> Snapshot(string user)
    {
        lock (_gate)
        {
            return _byUser.Where(e => e.Key.User == user).ToDictionary(e => (e.Key.Verb, e.Key.Resource), e => e.Value);
        }
    }

    /// <summary>The users that sent requests since the last <see cref="Reset"/>.</summary>
    public IReadOnlyList<string> Users()
    {
        lock (_gate)
        {
            return _byUser.Keys.Select(k => k.User).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
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
            _byUser.Clear();
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

    internal void Record(string verb, string resource, string user)
    {
        lock (_gate)
        {
            _counts[(verb, resource)] = _counts.GetValueOrDefault((verb, resource)) + 1;
            _byUser[(user, verb, resource)] = _byUser.GetValueOrDefault((user, verb, resource)) + 1;
            _total++;
        }
    }
}
