using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using UnpackBench.Testing.Kubernetes.Fields;

namespace UnpackBench.Testing.Kubernetes.CustomResources.Schema;

/// <summary>
/// A custom resource's metadata is ObjectMeta whatever its schema says: fields ObjectMeta does not have are
/// pruned (and are unknown fields), and the name must be a DNS subdomain, with the API server's messages.
/// </summary>
internal static partial class ObjectMetaValidator
{
    private const int MaxNameLength = 253;

    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal)
    {
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers", "managedFields",
    };

    /// <summary>Removes what ObjectMeta does not have from <paramref name="resource"/>'s metadata; returns the paths removed.</summary>
    public static IReadOnlyList<string> Prune(JsonObject resource)
    {
        if (resource["metadata"] is not JsonObject metadata)
        {
            return [];
        }

        var unknown = metadata.Select(p => p.Key).Where(k => !Fields.Contains(k)).ToList();
        foreach (var name in unknown)
        {
            metadata.Remove(name);
        }

        return unknown.Select(k => $"metadata.{k}").ToList();
    }

    /// <summary>The errors of the metadata's name (only a given name is checked: a generated one is valid).</summary>
    public static IReadOnlyList<FieldError> Validate(JsonObject resource)
    {
        var name = ObjectMeta.Name(resource);
        if (string.IsNullOrEmpty(name))
        {
            return [];
        }

        var errors = new List<FieldError>();
        if (name.Length > MaxNameLength)
        {
            errors.Add(FieldError.Invalid("metadata.name", name, $"must be no more than {MaxNameLength} characters"));
        }

        if (!DnsSubdomain().IsMatch(name))
        {
            errors.Add(FieldError.Invalid("metadata.name", name,
                "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));
        }

        return errors;
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();
}
