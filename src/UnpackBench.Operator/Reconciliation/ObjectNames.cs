using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// Names and labels of what the operator creates, derived from the benchmark's name, uid and
/// generation, so a second reconcile finds what the first one made instead of creating it again. The
/// agent pod's name carries a piece of the benchmark's uid: a benchmark deleted and re-created under
/// the same name gets pods that cannot collide with the old one's, which may still be terminating (or,
/// without a garbage collector, still be there).
/// </summary>
public static class ObjectNames
{
    /// <summary>Label: the owning benchmark's uid (names can exceed a label's 63 characters, uids cannot).</summary>
    public const string BenchmarkUidLabel = "unpackbench.io/benchmark-uid";

    /// <summary>Label: the owning benchmark's name, shortened to fit, for people using kubectl.</summary>
    public const string BenchmarkLabel = ResultConfigMapMetadata.BenchmarkLabel;

    /// <summary>Label: the spec generation the agent pod runs.</summary>
    public const string GenerationLabel = "unpackbench.io/generation";

    /// <summary>Label: the node a survey's agent pod or per-node ConfigMap belongs to (shortened to fit).</summary>
    public const string NodeLabel = "unpackbench.io/node";

    /// <summary>Label on everything the operator manages.</summary>
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";

    /// <summary>Its value.</summary>
    public const string ManagedBy = "unpackbench-operator";

    /// <summary>The selector the operator's pod and ConfigMap watches use.</summary>
    public const string ManagedSelector = ManagedByLabel + "=" + ManagedBy;

    /// <summary>The agent pod of a benchmark generation: <c>&lt;name&gt;-agent-g&lt;generation&gt;-&lt;first 6 of the uid&gt;</c>.</summary>
    public static string AgentPod(V1Alpha1UnpackBenchmark benchmark) =>
        Fit($"{benchmark.Metadata.Name}-agent-g{benchmark.Metadata.Generation?.ToString(CultureInfo.InvariantCulture) ?? "0"}-{UidFragment(benchmark)}", 63);

    /// <summary>
    /// A survey's agent pod on <paramref name="node"/>: <c>&lt;name&gt;-agent-g&lt;generation&gt;-&lt;uid&gt;-&lt;node&gt;</c>, with
    /// <c>-r2</c> for the retry after an eviction; a name past 63 characters keeps its start and ends in a hash of the whole.
    /// </summary>
    public static string AgentPod(V1Alpha1UnpackBenchmark benchmark, string node, int attempt) =>
        Fit($"{AgentPod(benchmark)}-{node}{(attempt > 1 ? $"-r{attempt.ToString(CultureInfo.InvariantCulture)}" : "")}", 63);

    /// <summary>The ConfigMap holding the result document: <c>&lt;name&gt;-result</c> (of a survey: the index of its nodes' ConfigMaps).</summary>
    public static string ResultConfigMap(V1Alpha1UnpackBenchmark benchmark) => Fit($"{benchmark.Metadata.Name}-result", 253);

    /// <summary>A survey node's result document: <c>&lt;name&gt;-result-&lt;node&gt;</c>, shortened with a hash where needed.</summary>
    public static string NodeResultConfigMap(V1Alpha1UnpackBenchmark benchmark, string node) => Fit($"{benchmark.Metadata.Name}-result-{node}", 253);

    /// <summary>A node's calibration (mode Calibrate): <c>&lt;name&gt;-calibration-&lt;node&gt;</c>, shortened with a hash where needed.</summary>
    public static string NodeCalibrationConfigMap(V1Alpha1UnpackBenchmark benchmark, string node) => Fit($"{benchmark.Metadata.Name}-calibration-{node}", 253);

    /// <summary>The value of <see cref="NodeLabel"/> for <paramref name="node"/>: label values hold at most 63 characters.</summary>
    public static string NodeLabelValue(string node) => Fit(node, 63).TrimEnd('-', '.', '_');

    /// <summary>The labels of every object owned by <paramref name="benchmark"/>.</summary>
    public static Dictionary<string, string> OwnedLabels(V1Alpha1UnpackBenchmark benchmark) => new()
    {
        [ManagedByLabel] = ManagedBy,
        ["app.kubernetes.io/name"] = "unpackbench-agent",
        [BenchmarkLabel] = Fit(benchmark.Metadata.Name, 63).TrimEnd('-', '.', '_'),
        [BenchmarkUidLabel] = benchmark.Metadata.Uid ?? "",
    };

    // Uids are UUIDs; their first characters are random, lower-case hex, and valid in a name.
    private static string UidFragment(V1Alpha1UnpackBenchmark benchmark) =>
        new string((benchmark.Metadata.Uid ?? "").Where(char.IsAsciiLetterOrDigit).Take(6).ToArray()).ToLowerInvariant() is { Length: > 0 } fragment ? fragment : "0";

    // Kubernetes names have length limits; a long name keeps its start and gets a hash of the whole.
    private static string Fit(string name, int max)
    {
        if (name.Length <= max)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return $"{name[..(max - 9)].TrimEnd('-', '.')}-{hash}";
    }
}
