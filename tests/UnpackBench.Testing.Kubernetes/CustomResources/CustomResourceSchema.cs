using System.Text.Json.Nodes;
using UnpackBench.Testing.Kubernetes.CustomResources.Cel;
using UnpackBench.Testing.Kubernetes.CustomResources.Schema;
using UnpackBench.Testing.Kubernetes.Fields;

namespace UnpackBench.Testing.Kubernetes.CustomResources;

/// <summary>
/// A served version's schema at work, in the API server's order: decoding prunes unknown fields (schema
/// and ObjectMeta) and applies defaults; validation checks the name, the OpenAPI schema, list types, and —
/// unless an error above is one that blocks them (Required, NotSupported, TooLong, TooMany, TypeInvalid) —
/// the x-kubernetes-validations; when blocked, one placeholder error says some rules were not checked.
/// </summary>
internal sealed class CustomResourceSchema(JsonObject schema)
{
    private static readonly FieldErrorType[] Blocking =
        [FieldErrorType.Required, FieldErrorType.NotSupported, FieldErrorType.TooLong, FieldErrorType.TooMany, FieldErrorType.TypeInvalid];

    private readonly bool _hasRules = HasRules(schema);

    /// <summary>Prunes and defaults <paramref name="resource"/> in place; returns the unknown fields removed, sorted.</summary>
    public IReadOnlyList<string> Decode(JsonObject resource)
    {
        var unknown = SchemaPruner.Prune(resource, schema).Concat(ObjectMetaValidator.Prune(resource)).Order(StringComparer.Ordinal).ToList();
        SchemaDefaulter.Default(resource, schema);
        return unknown;
    }

    /// <summary>The errors of a decoded resource; <paramref name="old"/> is the stored one on update (for transition rules).</summary>
    public IReadOnlyList<FieldError> Validate(JsonObject resource, JsonObject? old)
    {
        var errors = new List<FieldError>();
        errors.AddRange(ObjectMetaValidator.Validate(resource));
        errors.AddRange(OpenApiSchemaValidator.Validate(resource, schema));
        errors.AddRange(ListTypeValidator.Validate(resource, schema));
        if (!_hasRules)
        {
            return errors;
        }

        if (errors.Any(e => Blocking.Contains(e.Type)))
        {
            errors.Add(FieldError.Invalid(FieldError.NoField, null, "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation"));
            return errors;
        }

        errors.AddRange(CelRuleValidator.Validate(resource, old, schema, isRoot: true));
        return errors;
    }

    /// <summary>Whether any node has x-kubernetes-validations (the server then has a CEL validator, whose skipping it reports).</summary>
    private static bool HasRules(JsonNode? node) => node switch
    {
        JsonObject obj => obj.ContainsKey("x-kubernetes-validations") || obj.Any(p => HasRules(p.Value)),
        JsonArray array => array.Any(HasRules),
        _ => false,
    };
}
