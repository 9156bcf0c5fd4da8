using UnpackBench.Testing.Kubernetes.CustomResources;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>What a write request brings besides its body — its fieldValidation and requester — and what it collects for the answer: warnings.</summary>
internal sealed class WriteContext(FieldValidation fieldValidation, RequestIdentity requester)
{
    /// <summary>For the server's own writes (garbage collector, tests' arrangements): unknown fields dropped silently.</summary>
    public static WriteContext Internal => new(FieldValidation.Ignore, RequestIdentity.Admin);

    public FieldValidation FieldValidation { get; } = fieldValidation;

    /// <summary>Who asked: admission judges the request as theirs.</summary>
    public RequestIdentity Requester { get; } = requester;

    /// <summary>The <c>Warning</c> headers of the answer.</summary>
    public List<string> Warnings { get; } = [];
}
