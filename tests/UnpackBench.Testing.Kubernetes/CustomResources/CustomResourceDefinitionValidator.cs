using UnpackBench.Testing.Kubernetes.CustomResources.Cel;
using UnpackBench.Testing.Kubernetes.CustomResources.Schema;
using UnpackBench.Testing.Kubernetes.Fields;

namespace UnpackBench.Testing.Kubernetes.CustomResources;

/// <summary>
/// What the API server checks when a CRD is created, in its order: the names and versions, then each
/// version's schema — structural first; only a structural schema has its rules compiled and its defaults
/// validated (against the schema and its x-kubernetes-validations, without nested defaults).
/// </summary>
internal static class CustomResourceDefinitionValidator
{
    public static IReadOnlyList<FieldError> Validate(CustomResourceDefinition crd)
    {
        var errors = new List<FieldError>(ValidateNames(crd));
        var checkedPaths = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < crd.Versions.Count; i++)
        {
            var path = crd.SchemaPath(i);
            if (crd.Versions[i].Schema is { } schema && checkedPaths.Add(path))
            {
                errors.AddRange(ValidateSchema(schema, path));
            }
        }

        return errors;
    }

    private static IEnumerable<FieldError> ValidateNames(CustomResourceDefinition crd)
    {
        if (crd.Group.Length == 0)
        {
            yield return FieldError.Required("spec.group");
        }

        if (crd.Plural.Length == 0)
        {
            yield return FieldError.Required("spec.names.plural");
        }

        if (crd.Kind.Length == 0)
        {
            yield return FieldError.Required("spec.names.kind");
        }

        if (crd.Name != $"{crd.Plural}.{crd.Group}")
        {
            yield return FieldError.Invalid("metadata.name", crd.Name, "must be spec.names.plural+\".\"+spec.group");
        }

        if (crd.Versions.Count(v => v.Storage) != 1)
        {
            yield return FieldError.Invalid("spec.versions", crd.Document["spec"]?["versions"]?.DeepClone(), "must have exactly one version marked as storage version");
        }
    }

    private static IReadOnlyList<FieldError> ValidateSchema(System.Text.Json.Nodes.JsonObject schema, string path)
    {
        var structural = StructuralSchemaValidator.Validate(schema, path);
        if (structural.Count > 0)
        {
            return structural;
        }

        var rules = RuleCompilation.Validate(schema, path);
        return rules.Count > 0 ? rules : DefaultValueValidator.Validate(schema, path);
    }
}
