using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using UnpackBench.Testing.Kubernetes.CustomResources.Schema;
using UnpackBench.Testing.Kubernetes.Fields;
using static UnpackBench.Testing.Kubernetes.CustomResources.Schema.SchemaKeywords;

namespace UnpackBench.Testing.Kubernetes.CustomResources.Cel;

/// <summary>
/// Evaluates a schema's x-kubernetes-validations as the API server does: each rule of a node against the
/// node's (non-null) value as <c>self</c> (and, on update, the old value as <c>oldSelf</c>; a rule that reads
/// <c>oldSelf</c> runs only where an old value exists), walking properties, additionalProperties and items.
/// A false rule is an error at the node's path (or its <c>fieldPath</c>) with its <c>message</c> (or
/// <c>messageExpression</c>, or <c>failed rule: …</c>) and <c>reason</c>; a rule that raises an error is
/// <c>Invalid value: "object": no such key: type evaluating rule: &lt;message or rule&gt;</c>.
/// </summary>
internal static class CelRuleValidator
{
    private static readonly IReadOnlySet<string> SelfOnly = new HashSet<string>(StringComparer.Ordinal) { "self" };
    private static readonly IReadOnlySet<string> SelfAndOld = new HashSet<string>(StringComparer.Ordinal) { "self", "oldSelf" };
    private static readonly ConcurrentDictionary<string, CelProgram> Programs = new(StringComparer.Ordinal);

    /// <summary>Compiles a rule (or message expression) as the API server does when a CRD is written.</summary>
    /// <exception cref="CelCompileException">It does not compile.</exception>
    public static CelProgram Compile(string rule) => Programs.GetOrAdd(rule, text => CelProgram.Compile(text, SelfAndOld));

    /// <summary>The errors of the rules in <paramref name="schema"/> for <paramref name="value"/> (a resource when <paramref name="isRoot"/>).</summary>
    public static IReadOnlyList<FieldError> Validate(JsonNode? value, JsonNode? oldValue, JsonObject schema, string path = "", bool isRoot = false)
    {
        var errors = new List<FieldError>();
        Walk(value, oldValue, schema, path, isRoot, errors);
        return errors;
    }

    private static void Walk(JsonNode? value, JsonNode? oldValue, JsonObject schema, string path, bool isRoot, List<FieldError> errors)
    {
        if (value is null)
        {
            return;
        }

        foreach (var rule in (schema["x-kubernetes-validations"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (Check(rule, value, oldValue, schema, path, isRoot) is { } error)
            {
                errors.Add(error);
            }
        }

        foreach (var branch in (schema["allOf"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            Walk(value, oldValue, branch, path, isRoot, errors);
        }

        switch (value)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if ((Property(schema, name) ?? AdditionalProperties(schema)) is { } childSchema)
                    {
                        Walk(child, (oldValue as JsonObject)?[name], childSchema, Join(path, name), false, errors);
                    }
                }

                break;
            case JsonArray array when Items(schema) is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], null, items, $"{path}[{i}]", false, errors);
                }

                break;
        }
    }

    private static FieldError? Check(JsonObject rule, JsonNode value, JsonNode? oldValue, JsonObject schema, string path, bool isRoot)
    {
        var text = rule["rule"]?.GetValue<string>() ?? "";
        var program = Compile(text);
        var usesOld = !IsCompilable(text, SelfOnly);
        if (usesOld && oldValue is null)
        {
            return null;
        }

        var activation = new Dictionary<string, object?>(StringComparer.Ordinal) { ["self"] = CelSchemaValues.Of(value, schema, isRoot) };
        if (usesOld)
        {
            activation["oldSelf"] = CelSchemaValues.Of(oldValue, schema, isRoot);
        }

        var type = Type(schema) ?? "";
        object? result;
        try
        {
            result = program.Evaluate(activation);
        }
        catch (CelEvaluationException e)
        {
            return FieldError.Invalid(OpenApiSchemaValidator.Field(path), type, $"{e.Message} evaluating rule: {ErrorString(rule)}");
        }

        return result is true ? null : Failure(rule, activation, type, RulePath(rule, path));
    }

    private static FieldError Failure(JsonObject rule, Dictionary<string, object?> activation, string type, string path)
    {
        var detail = MessageFromExpression(rule, activation) ?? (rule["message"]?.GetValue<string>() is { Length: > 0 } message ? message.Trim() : $"failed rule: {ErrorString(rule)}");
        return rule["reason"]?.GetValue<string>() switch
        {
            "FieldValueForbidden" => FieldError.Forbidden(path, detail),
            "FieldValueRequired" => FieldError.Required(path, detail),
            "FieldValueDuplicate" => new FieldError(path, FieldErrorType.Duplicate, type, ""),
            _ => FieldError.Invalid(path, type, detail),
        };
    }

    private static string? MessageFromExpression(JsonObject rule, Dictionary<string, object?> activation)
    {
        if (rule["messageExpression"]?.GetValue<string>() is not { Length: > 0 } expression)
        {
            return null;
        }

        try
        {
            return Compile(expression).Evaluate(activation) is string { Length: > 0 } message && !message.Contains('\n') ? message.Trim() : null;
        }
        catch (CelEvaluationException)
        {
            return null;
        }
    }

    private static string RulePath(JsonObject rule, string path)
    {
        var fieldPath = rule["fieldPath"]?.GetValue<string>() ?? "";
        var joined = fieldPath.Length == 0 ? path : path + (path.Length == 0 ? fieldPath.TrimStart('.') : fieldPath);
        return OpenApiSchemaValidator.Field(joined);
    }

    private static string ErrorString(JsonObject rule) =>
        rule["message"]?.GetValue<string>() is { Length: > 0 } message ? message.Trim() : (rule["rule"]?.GetValue<string>() ?? "").Trim();

    private static bool IsCompilable(string text, IReadOnlySet<string> variables)
    {
        try
        {
            CelProgram.Compile(text, variables);
            return true;
        }
        catch (CelCompileException)
        {
            return false;
        }
    }
}
