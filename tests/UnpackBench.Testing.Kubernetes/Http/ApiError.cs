using System.Text.Json.Nodes;
using UnpackBench.Testing.Kubernetes.Fields;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// A failed request, answered as the real API server does: a <c>Status</c> object with the HTTP code,
/// a machine-readable reason and a message shaped like the real one.
/// </summary>
internal sealed class ApiError : Exception
{
    public ApiError(int code, string reason, string message, ApiResource? resource = null, string? name = null, int? retryAfterSeconds = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Resource = resource;
        Name = name;
        RetryAfterSeconds = retryAfterSeconds;
    }

    /// <summary>The field errors of an Invalid error, as <c>details.causes</c>.</summary>
    public IReadOnlyList<FieldError>? Causes { get; private init; }

    /// <summary>Whether details name the kind (Invalid errors) rather than the resource (the others).</summary>
    public bool DetailsNameKind { get; private init; }

    public int Code { get; }

    public string Reason { get; }

    public ApiResource? Resource { get; }

    public string? Name { get; }

    public int? RetryAfterSeconds { get; }

    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
        };
        if (Reason.Length > 0)
        {
            // An error the server could not classify has no reason (metav1.StatusReasonUnknown is "").
            status["reason"] = Reason;
        }

        var details = new JsonObject();
        if (Name is not null)
        {
            details["name"] = Name;
        }

        if (Resource is not null)
        {
            if (Resource.Group.Length > 0)
            {
                details["group"] = Resource.Group;
            }

            // The real server puts the resource (not the kind) into details.kind, except for Invalid errors.
            details["kind"] = DetailsNameKind ? Resource.Kind : Resource.Plural;
        }

        if (Causes is { Count: > 0 } causes)
        {
            details["causes"] = new JsonArray(causes.Select(c => (JsonNode)new JsonObject
            {
                ["reason"] = c.CauseType,
                ["message"] = c.Body,
                ["field"] = c.Field,
            }).ToArray());
        }

        if (RetryAfterSeconds is { } retryAfter)
        {
            details["retryAfterSeconds"] = retryAfter;
        }

        if (details.Count > 0)
        {
            status["details"] = details;
        }

        status["code"] = Code;
        return status;
    }

    public static ApiError NotFound(ApiResource resource, string name) =>
        new(404, "NotFound", $"{resource.QualifiedName} \"{name}\" not found", resource, name);

    public static ApiError NoSuchPath() =>
        new(404, "NotFound", "the server could not find the requested resource");

    public static ApiError AlreadyExists(ApiResource resource, string name) =>
        new(409, "AlreadyExists", $"{resource.QualifiedName} \"{name}\" already exists", resource, name);

    public static ApiError Conflict(ApiResource resource, string name, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {resource.QualifiedName} \"{name}\": {why}", resource, name);

    public static ApiError StaleResourceVersion(ApiResource resource, string name) =>
        Conflict(resource, name, "the object has been modified; please apply your changes to the latest version and try again");

    public static ApiError BadRequest(string message) => new(400, "BadRequest", message);

    /// <summary>422 Invalid, as apimachinery's NewInvalid: <c>Kind.group "name" is invalid: [errors]</c> with one cause per error.</summary>
    public static ApiError Invalid(ApiResource resource, string name, params IReadOnlyList<FieldError> errors) =>
        new(422, "Invalid", $"{resource.QualifiedKind} \"{name}\" is invalid: {FieldError.Aggregate(errors)}", resource, name) { Causes = errors, DetailsNameKind = true };

    /// <summary>422 Invalid about no kind or name, as a patch whose result does not decode gets it: <c> "" is invalid: patch: …</c>.</summary>
    public static ApiError InvalidPatch(params IReadOnlyList<FieldError> errors) =>
        new(422, "Invalid", $" \"\" is invalid: {FieldError.Aggregate(errors)}") { Causes = errors };

    /// <summary>403, as apimachinery's NewForbidden: <c>pods "x" is forbidden: why</c>, or without a name <c>pods is forbidden: why</c>.</summary>
    public static ApiError Forbidden(ApiResource resource, string? name, string why) => string.IsNullOrEmpty(name)
        ? new(403, "Forbidden", $"{resource.QualifiedName} is forbidden: {why}", resource)
        : new(403, "Forbidden", $"{resource.QualifiedName} \"{name}\" is forbidden: {why}", resource, name);

    public static ApiError UnsupportedMediaType(string message) => new(415, "UnsupportedMediaType", message);

    public static ApiError MethodNotAllowed(string message) => new(405, "MethodNotAllowed", message);

    public static ApiError Expired(long requested, long oldest) =>
        new(410, "Expired", $"too old resource version: {requested} ({oldest})");

    public static ApiError Internal(string message) => new(500, "InternalError", message);

    /// <summary>An error that is no API status, as the real server answers it: the code, the error's text, no reason.</summary>
    public static ApiError Unclassified(int code, string message) => new(code, "", message);

    /// <summary>An injected failure, with the reason and message the real server gives for that code.</summary>
    public static ApiError Injected(int code) => code switch
    {
        429 => new(429, "TooManyRequests", "Too many requests, please try again later.", retryAfterSeconds: 1),
        500 => new(500, "InternalError", "Internal error occurred: failure injected by the API test server"),
        503 => new(503, "ServiceUnavailable", "the server is currently unable to handle the request", retryAfterSeconds: 1),
        504 => new(504, "Timeout", "the server was unable to return a response in the time allotted, but may still be processing the request"),
        409 => new(409, "Conflict", "Operation cannot be fulfilled: failure injected by the API test server"),
        _ => new(code, "Unknown", $"failure injected by the API test server (HTTP {code})"),
    };
}
