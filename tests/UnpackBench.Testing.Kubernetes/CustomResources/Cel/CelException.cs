namespace UnpackBench.Testing.Kubernetes.CustomResources.Cel;

/// <summary>A CEL expression that does not compile: a syntax error or an undeclared name.</summary>
public sealed class CelCompileException(string message) : Exception(message);

/// <summary>
/// A CEL evaluation error, worded as cel-go words it (<c>no such key: type</c>, <c>division by zero</c>,
/// <c>no such overload</c>), since the API server puts that text into its messages.
/// </summary>
public sealed class CelEvaluationException(string message) : Exception(message)
{
    internal static CelEvaluationException NoSuchOverload() => new("no such overload");

    internal static CelEvaluationException NoSuchKey(object key) => new($"no such key: {key}");
}
