using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// A parsed <c>fieldSelector</c>: comma-separated <c>field=value</c>, <c>field==value</c> or <c>field!=value</c>,
/// over the fields the real server supports for the resource type (unknown fields are a 400, as there).
/// </summary>
internal sealed class FieldSelector
{
    private static readonly string[] CommonFields = ["metadata.name", "metadata.namespace"];

    private static readonly Dictionary<string, string[]> FieldsByResource = new(StringComparer.Ordinal)
    {
        ["pods"] = ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName"],
        ["events"] = ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"],
        ["secrets"] = ["type"],
        ["nodes"] = ["spec.unschedulable"],
        ["namespaces"] = ["status.phase"],
    };

    private readonly IReadOnlyList<(string Field, string Value, bool Negate)> _requirements;

    private FieldSelector(IReadOnlyList<(string Field, string Value, bool Negate)> requirements) => _requirements = requirements;

    public static FieldSelector Everything { get; } = new([]);

    public bool IsEverything => _requirements.Count == 0;

    public bool Matches(JsonObject obj) =>
        _requirements.All(r => (ObjectMeta.FieldText(obj, r.Field) == r.Value) != r.Negate);

    /// <exception cref="ApiError">400 for a malformed selector or a field the resource type does not support.</exception>
    public static FieldSelector Parse(string? text, ApiResource resource)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var supported = CommonFields.Concat(resource.IsCustom ? [] : FieldsByResource.GetValueOrDefault(resource.Plural, [])).ToHashSet(StringComparer.Ordinal);
        var requirements = new List<(string, string, bool)>();
        foreach (var term in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var (field, value, negate) = Split(term);
            if (!supported.Contains(field))
            {
                throw ApiError.BadRequest($"field label not supported: {field}");
            }

            requirements.Add((field, value, negate));
        }

        return new FieldSelector(requirements);
    }

    private static (string Field, string Value, bool Negate) Split(string term)
    {
        foreach (var (op, negate) in new[] { ("!=", true), ("==", false), ("=", false) })
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                return (term[..at].Trim(), term[(at + op.Length)..].Trim(), negate);
            }
        }

        throw ApiError.BadRequest($"invalid selector: '{term}'; can't understand '{term}'");
    }
}
