using System.Text.Json.Nodes;
using UnpackBench.Testing.Kubernetes.CustomResources;
using UnpackBench.Testing.Kubernetes.Fields;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// A custom resource registered from its CRD goes through its schema as on the real server: decoding prunes
/// unknown fields (fieldValidation decides whether that is silent, a warning or a refusal) and applies
/// defaults; before anything is stored the result is validated (422 Invalid, one cause per field error),
/// together with what admission validates of objects (pod resources).
/// </summary>
internal sealed partial class ObjectApi
{
    /// <summary>Prunes and defaults a create or update body; Strict refuses unknown fields as a body that does not decode (400).</summary>
    private void DecodeBody(ApiResource type, JsonObject body, WriteContext context) =>
        Decode(type, body, context, message => ApiError.BadRequest($"{type.Kind} in version \"{type.Version}\" cannot be handled as a {type.Kind}: {message}"));

    /// <summary>Prunes and defaults a patched object; Strict refuses unknown fields as a patch that does not apply (422).</summary>
    private void DecodePatched(ApiResource type, JsonObject patched, WriteContext context)
    {
        var asPatched = SortedJson.Of(patched);
        Decode(type, patched, context, message => ApiError.InvalidPatch(FieldError.Invalid("patch", asPatched, message)));
    }

    private void Decode(ApiResource type, JsonObject resource, WriteContext context, Func<string, ApiError> strictError)
    {
        if (_catalog.SchemaOf(type) is not { } schema)
        {
            return;
        }

        var unknown = schema.Decode(resource).Select(field => $"unknown field \"{field}\"").ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        switch (context.FieldValidation)
        {
            case FieldValidation.Strict:
                throw strictError($"strict decoding error: {string.Join(", ", unknown)}");
            case FieldValidation.Warn:
                context.Warnings.AddRange(unknown);
                break;
        }
    }

    /// <summary>Validates what would be stored against its schema; <paramref name="old"/> is the stored object on update.</summary>
    private void ValidateSchema(ApiResource type, JsonObject next, JsonObject? old)
    {
        var errors = (_catalog.SchemaOf(type)?.Validate(next, old) ?? []).Concat(_admission.ValidateObject(type, next)).ToList();
        if (errors.Count > 0)
        {
            throw ApiError.Invalid(type, ObjectMeta.Name(next) ?? "", errors);
        }
    }
}
