namespace UnpackBench.Report.Survey;

/// <summary>One ConfigMap of a <c>kubectl get cm -o json</c> listing: what the report reads of it.</summary>
/// <param name="Name">Its name (empty when the listing does not say).</param>
/// <param name="Benchmark">Its <c>unpackbench.io/benchmark</c> label: the benchmark it belongs to, or null when unlabelled.</param>
/// <param name="Generation">Its <c>unpackbench.io/generation</c> annotation: the generation its data belongs to, or null.</param>
/// <param name="Data">Its string data, by key.</param>
public sealed record ListedConfigMap(string Name, string? Benchmark, long? Generation, IReadOnlyDictionary<string, string> Data);
