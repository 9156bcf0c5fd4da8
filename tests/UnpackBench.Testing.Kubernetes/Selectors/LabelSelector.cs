namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// A parsed <c>labelSelector</c>: comma-separated requirements that must all hold —
/// <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k in (a,b)</c>, <c>k notin (a,b)</c>, <c>k</c>, <c>!k</c>.
/// As in Kubernetes, <c>!=</c> and <c>notin</c> also match objects without the label.
/// </summary>
internal sealed class LabelSelector
{
    private readonly IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> _requirements;

    private LabelSelector(IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> requirements) =>
        _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r(labels));

    /// <exception cref="ApiError">400 when the selector cannot be parsed.</exception>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        return new LabelSelector(SplitRequirements(text).Select(ParseRequirement).ToList());
    }

    private static IEnumerable<string> SplitRequirements(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return text[start..i].Trim();
                    start = i + 1;
                    break;
            }
        }

        yield return text[start..].Trim();
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string requirement)
    {
        if (requirement.Length == 0)
        {
            throw Unparsable(requirement, "found '', expected: identifier");
        }

        if (requirement.StartsWith('!'))
        {
            var absent = Key(requirement[1..].Trim(), requirement);
            return labels => !labels.ContainsKey(absent);
        }

        foreach (var (op, negate) in new[] { ("!=", true), ("==", false), ("=", false) })
        {
            var at = requirement.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = Key(requirement[..at].Trim(), requirement);
                var value = requirement[(at + op.Length)..].Trim();
                return negate
                    ? labels => !labels.TryGetValue(key, out var v) || v != value
                    : labels => labels.TryGetValue(key, out var v) && v == value;
            }
        }

        var parts = requirement.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 1)
        {
            var present = Key(parts[0], requirement);
            return labels => labels.ContainsKey(present);
        }

        return ParseSetRequirement(Key(parts[0], requirement), parts[1], requirement);
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseSetRequirement(string key, string rest, string requirement)
    {
        var notIn = rest.StartsWith("notin", StringComparison.Ordinal);
        var isIn = !notIn && rest.StartsWith("in", StringComparison.Ordinal);
        if (!notIn && !isIn)
        {
            throw Unparsable(requirement, $"found '{rest}', expected: in, notin, =, ==, !=");
        }

        var list = rest[(notIn ? 5 : 2)..].Trim();
        if (!list.StartsWith('(') || !list.EndsWith(')'))
        {
            throw Unparsable(requirement, "expected a parenthesised list of values");
        }

        var values = list[1..^1].Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        return notIn
            ? labels => !labels.TryGetValue(key, out var v) || !values.Contains(v)
            : labels => labels.TryGetValue(key, out var v) && values.Contains(v);
    }

    private static string Key(string key, string requirement) =>
        key.Length > 0 && !key.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '!' or '=')
            ? key
            : throw Unparsable(requirement, $"invalid label key \"{key}\"");

    private static ApiError Unparsable(string requirement, string why) =>
        ApiError.BadRequest($"unable to parse requirement: {why} (in \"{requirement}\")");
}
