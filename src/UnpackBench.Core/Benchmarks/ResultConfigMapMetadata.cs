namespace UnpackBench.Core.Benchmarks;

/// <summary>
/// The label and annotation on the ConfigMaps the operator keeps results in, defined once for the
/// operator that writes them and the agent's <c>report</c> that selects and reads them with kubectl.
/// </summary>
public static class ResultConfigMapMetadata
{
    /// <summary>
    /// Label: the owning benchmark's name (shortened to a label value's 63 characters), on its result
    /// ConfigMaps, a survey's index and its agent pods; <c>kubectl get cm -l</c> selects one benchmark's results by it.
    /// </summary>
    public const string BenchmarkLabel = "unpackbench.io/benchmark";

    /// <summary>Annotation: the spec generation whose document (or survey index) the ConfigMap holds.</summary>
    public const string GenerationAnnotation = "unpackbench.io/generation";
}
