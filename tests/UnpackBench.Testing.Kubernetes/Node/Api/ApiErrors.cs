using System.Net;
using k8s.Autorest;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>Recognises the API server's answers that callers handle rather than fail on.</summary>
internal static class ApiErrors
{
    /// <summary>The request failed with <paramref name="status"/>.</summary>
    public static bool Is(Exception e, HttpStatusCode status) =>
        e is HttpOperationException { Response.StatusCode: var code } && code == status;

    /// <summary>404: the object is gone.</summary>
    public static bool IsNotFound(Exception e) => Is(e, HttpStatusCode.NotFound);

    /// <summary>409: someone else wrote first, or the object already exists.</summary>
    public static bool IsConflict(Exception e) => Is(e, HttpStatusCode.Conflict);

    /// <summary>The response's body, for error messages.</summary>
    public static string Describe(Exception e) =>
        e is HttpOperationException { Response: { } response }
            ? $"{(int)response.StatusCode} {response.Content}"
            : e.Message;
}
