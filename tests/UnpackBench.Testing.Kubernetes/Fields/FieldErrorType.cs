namespace UnpackBench.Testing.Kubernetes.Fields;

/// <summary>The kinds of field error the API server reports (k8s.io/apimachinery's field.ErrorType).</summary>
public enum FieldErrorType
{
    /// <summary>A required field is missing: <c>Required value</c>.</summary>
    Required,

    /// <summary>A value out of range, not matching a pattern, or failing a rule: <c>Invalid value</c>.</summary>
    Invalid,

    /// <summary>A value of the wrong type: <c>Invalid value</c> too, but a separate cause type.</summary>
    TypeInvalid,

    /// <summary>A value not in the enum: <c>Unsupported value</c>.</summary>
    NotSupported,

    /// <summary>More items than allowed: <c>Too many</c>.</summary>
    TooMany,

    /// <summary>A longer string than allowed: <c>Too long</c>.</summary>
    TooLong,

    /// <summary>Two list items with the same key in a list-type map or set: <c>Duplicate value</c>.</summary>
    Duplicate,

    /// <summary>A field that may not be set: <c>Forbidden</c>.</summary>
    Forbidden,
}
