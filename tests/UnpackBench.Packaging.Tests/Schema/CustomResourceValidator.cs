using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace UnpackBench.Packaging.Tests.Schema;

/// <summary>
/// Validates a custom resource against its CRD as <c>kubectl apply</c> (server-side strict field
/// validation) would: apiVersion and kind, ObjectMeta (a name, known fields only), then the rest of
/// the object against the served version's openAPIV3Schema.
/// </summary>
internal sealed partial class CustomResourceValidator
{
    private static readonly HashSet<string> ObjectMetaFields = new(StringComparer.Ordinal)
    {
        "name", "generateName", "namespace", "labels", "annotations", "finalizers", "ownerReferences", "uid", "resourceVersion",
        "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink",
    };

    private readonly string _group;
    private readonly string _kind;
    private readonly Dictionary<string, JsonObject> _schemas;

    /// <summary>A validator for the resources of <paramref name="crd"/>.</summary>
    public CustomResourceValidator(JsonObject crd)
    {
        _group = crd["spec"]!["group"]!.GetValue<string>();
        _kind = crd["spec"]!["names"]!["kind"]!.GetValue<string>();
        _schemas = crd["spec"]!["versions"]!.AsArray()
            .Where(v => v!["served"]?.GetValue<bool>() == true)
            .ToDictionary(v => $"{_group}/{v!["name"]!.GetValue<string>()}", v => v!["schema"]!["openAPIV3Schema"]!.AsObject());
    }

    /// <summary>Whether <paramref name="document"/> is a resource of this CRD's kind (by its kind and group).</summary>
    public bool Describes(JsonNode document) =>
        document["kind"]?.GetValue<string>() == _kind && document["apiVersion"]?.GetValue<string>()?.StartsWith(_group + "/", StringComparison.Ordinal) == true;

    /// <summary>The errors of <paramref name="document"/>.</summary>
    public IReadOnlyList<SchemaError> Validate(JsonObject document)
    {
        var apiVersion = document["apiVersion"]?.GetValue<string>() ?? "";
        if (!_schemas.TryGetValue(apiVersion, out var schema))
        {
            return [new SchemaError("apiVersion", SchemaErrorType.NotSupported, $"\"{apiVersion}\": supported values: {string.Join(", ", _schemas.Keys.Select(k => $"\"{k}\""))}")];
        }

        if (document["kind"]?.GetValue<string>() != _kind)
        {
            return [new SchemaError("kind", SchemaErrorType.NotSupported, $"{document["kind"]?.ToJsonString() ?? "null"}: supported values: \"{_kind}\"")];
        }

        var errors = new List<SchemaError>(ValidateMetadata(document["metadata"]));
        var rest = document.DeepClone().AsObject();
        rest.Remove("metadata");
        errors.AddRange(OpenApiSchemaValidator.Validate(rest, schema));
        return errors;
    }

    private static IEnumerable<SchemaError> ValidateMetadata(JsonNode? metadata)
    {
        if (metadata is not JsonObject meta)
        {
            yield return new SchemaError("metadata", SchemaErrorType.Required, "");
            yield break;
        }

        foreach (var unknown in meta.Select(p => p.Key).Where(k => !ObjectMetaFields.Contains(k)))
        {
            yield return new SchemaError($"metadata.{unknown}", SchemaErrorType.UnknownField, "");
        }

        var name = meta["name"]?.GetValue<string>();
        if (name is null && meta["generateName"] is null)
        {
            yield return new SchemaError("metadata.name", SchemaErrorType.Required, "");
        }
        else if (name is not null && (name.Length > 253 || !DnsSubdomain().IsMatch(name)))
        {
            yield return new SchemaError("metadata.name", SchemaErrorType.Invalid, $"\"{name}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.'");
        }

        foreach (var map in new[] { "labels", "annotations" })
        {
            foreach (var (key, value) in meta[map] as JsonObject ?? [])
            {
                if (value is not JsonValue text || !text.TryGetValue<string>(out _))
                {
                    yield return new SchemaError($"metadata.{map}.{key}", SchemaErrorType.Invalid, $"{value?.ToJsonString() ?? "null"}: must be a string");
                }
            }
        }
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();
}
