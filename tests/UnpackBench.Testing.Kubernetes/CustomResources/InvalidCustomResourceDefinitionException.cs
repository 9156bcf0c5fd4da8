using UnpackBench.Testing.Kubernetes.Fields;

namespace UnpackBench.Testing.Kubernetes.CustomResources;

/// <summary>
/// A CRD the API server would refuse; the message is the real server's
/// (<c>CustomResourceDefinition.apiextensions.k8s.io "x" is invalid: [...]</c>), and <see cref="Errors"/> its causes.
/// </summary>
public sealed class InvalidCustomResourceDefinitionException(string name, IReadOnlyList<FieldError> errors)
    : Exception($"CustomResourceDefinition.apiextensions.k8s.io \"{name}\" is invalid: {FieldError.Aggregate(errors)}")
{
    /// <summary>Each error, as a Status cause would hold it.</summary>
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
