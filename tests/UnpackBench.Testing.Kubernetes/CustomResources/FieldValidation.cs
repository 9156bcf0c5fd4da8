using Microsoft.AspNetCore.Http;
using UnpackBench.Testing.Kubernetes.Fields;

namespace UnpackBench.Testing.Kubernetes.CustomResources;

/// <summary>
/// The <c>fieldValidation</c> query parameter of create, update and patch: what happens to fields the
/// schema does not know. Absent, it is <see cref="Warn"/>, the API server's default (kubectl sends Strict).
/// </summary>
internal enum FieldValidation
{
    /// <summary>Drop unknown fields silently.</summary>
    Ignore,

    /// <summary>Drop them and add a <c>Warning</c> header per field.</summary>
    Warn,

    /// <summary>Refuse the request: 400 for create and update, 422 for patch.</summary>
    Strict,
}

/// <summary>Reads the <c>fieldValidation</c> parameter.</summary>
internal static class FieldValidationParameter
{
    /// <exception cref="ApiError">400 for a value the server does not know, with the real server's message.</exception>
    public static FieldValidation From(IQueryCollection query) => query["fieldValidation"].ToString() switch
    {
        "" or "Warn" => FieldValidation.Warn,
        "Ignore" => FieldValidation.Ignore,
        "Strict" => FieldValidation.Strict,
        var other => throw ApiError.BadRequest(new FieldError("fieldValidation", FieldErrorType.NotSupported, other, "supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"").ToString()),
    };
}
