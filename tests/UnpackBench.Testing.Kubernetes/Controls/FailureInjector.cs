namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// Failures queued by <see cref="ApiTestServer.FailNext"/>: each rule fails the next matching requests
/// with its status code, in the order the rules were added.
/// </summary>
internal sealed class FailureInjector
{
    private readonly Lock _gate = new();
    private readonly List<Rule> _rules = [];

    /// <param name="count">How many matching requests fail.</param>
    /// <param name="statusCode">The HTTP status they get.</param>
    /// <param name="filter">
    /// null for every request, or <c>"verb resource"</c> as the <see cref="RequestLog"/> names them, either part
    /// <c>*</c>: <c>"create pods"</c>, <c>"update/status unpackbenchmarks"</c>, <c>"* leases"</c>, <c>"watch *"</c>.
    /// </param>
    public void Add(int count, int statusCode, string? filter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        string? verb = null;
        string? resource = null;
        if (filter is not null)
        {
            var parts = filter.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                throw new ArgumentException($"A failure filter is \"verb resource\" (either may be *), e.g. \"create pods\"; got \"{filter}\".", nameof(filter));
            }

            verb = parts[0] == "*" ? null : parts[0];
            resource = parts[1] == "*" ? null : parts[1];
        }

        lock (_gate)
        {
            _rules.Add(new Rule(verb, resource, statusCode) { Remaining = count });
        }
    }

    /// <summary>The status code this request must fail with, or null.</summary>
    public int? TryTake(string verb, string resource)
    {
        lock (_gate)
        {
            var rule = _rules.FirstOrDefault(r => (r.Verb is null || r.Verb == verb) && (r.Resource is null || r.Resource == resource));
            if (rule is null)
            {
                return null;
            }

            if (--rule.Remaining == 0)
            {
                _rules.Remove(rule);
            }

            return rule.StatusCode;
        }
    }

    private sealed record Rule(string? Verb, string? Resource, int StatusCode)
    {
        public int Remaining { get; set; }
    }
}
