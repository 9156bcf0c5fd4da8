namespace UnpackBench.Packaging.Tests.Schema;

/// <summary>The kinds of field error the API server reports (k8s.io/apimachinery's field.ErrorType).</summary>
internal enum SchemaErrorType
{
    /// <summary>A required field is missing.</summary>
    Required,

    /// <summary>A value of the wrong type, out of range, too long, not matching the pattern, or failing a rule.</summary>
    Invalid,

    /// <summary>A value not in the enum.</summary>
    NotSupported,

    /// <summary>More items than maxItems.</summary>
    TooMany,

    /// <summary>Two list items with the same key in a list-type map or set.</summary>
    Duplicate,

    /// <summary>A field the schema does not declare (strict field validation).</summary>
    UnknownField,
}

/// <summary>One validation error, worded as <c>kubectl apply</c> words it.</summary>
/// <param name="Path">The field, e.g. <c>spec.runs</c> or <c>spec.tolerations[0].effect</c>.</param>
/// <param name="Type">What kind of error.</param>
/// <param name="Detail">The rest of the message.</param>
internal sealed record SchemaError(string Path, SchemaErrorType Type, string Detail)
{
    /// <inheritdoc/>
    public override string ToString() => Type switch
    {
        SchemaErrorType.UnknownField => $"unknown field \"{Path}\"",
        SchemaErrorType.Required => $"{Path}: Required value",
        SchemaErrorType.NotSupported => $"{Path}: Unsupported value: {Detail}",
        SchemaErrorType.TooMany => $"{Path}: Too many: {Detail}",
        SchemaErrorType.Duplicate => $"{Path}: Duplicate value: {Detail}",
        _ => $"{Path}: Invalid value: {Detail}",
    };
}
