using System.Text.Json.Nodes;
using UnpackBench.Testing.Kubernetes.Fields;
using static UnpackBench.Testing.Kubernetes.CustomResources.Schema.SchemaKeywords;

namespace UnpackBench.Testing.Kubernetes.CustomResources.Cel;

/// <summary>Compiles every x-kubernetes-validations rule and message expression of a schema, as the API server does when a CRD is written.</summary>
internal static class RuleCompilation
{
    public static IReadOnlyList<FieldError> Validate(JsonObject schema, string path)
    {
        var errors = new List<FieldError>();
        Walk(schema, path, errors);
        return errors;
    }

    private static void Walk(JsonObject schema, string path, List<FieldError> errors)
    {
        var rules = (schema["x-kubernetes-validations"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var key in new[] { "rule", "messageExpression" })
            {
                if (rules[i][key]?.GetValue<string>() is { Length: > 0 } text && Compile(text) is { } message)
                {
                    errors.Add(FieldError.Invalid($"{path}.x-kubernetes-validations[{i}].{key}", text, $"compilation failed: {message}"));
                }
            }
        }

        foreach (var (name, child) in schema["properties"] as JsonObject ?? [])
        {
            Walk(child!.AsObject(), $"{path}.properties[{name}]", errors);
        }

        if (Items(schema) is { } items)
        {
            Walk(items, $"{path}.items", errors);
        }

        if (AdditionalProperties(schema) is { } additional)
        {
            Walk(additional, $"{path}.additionalProperties", errors);
        }
    }

    private static string? Compile(string text)
    {
        try
        {
            CelRuleValidator.Compile(text);
            return null;
        }
        catch (CelCompileException e)
        {
            return e.Message;
        }
    }
}
