using UnpackBench.Analysis.Documents;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation.Baseline;

/// <summary>
/// Finds the baseline's documents, or says why there are none to compare with: an UnpackBenchmark's
/// current result once it succeeded for its current spec, or the document in a ConfigMap.
/// </summary>
public static class BaselineResolution
{
    /// <summary>How often a baseline ConfigMap that is missing or unusable is looked for again.</summary>
    public static readonly TimeSpan LookAgain = TimeSpan.FromMinutes(1);

    // The baseline's ConfigMaps are written before its status, so this is a short wait.
    private static readonly TimeSpan ResultPending = TimeSpan.FromSeconds(10);

    /// <summary>The baseline's rows and what it is, or the outcome that explains why there is nothing to compare with.</summary>
    public static (IReadOnlyList<RowDocument> Rows, BaselineReferenceStatus Reference, ComparisonOutcome? Problem) Resolve(ObservedBaseline observed, BenchmarkBaseline spec) =>
        spec.ConfigMap is { Length: > 0 } ? FromConfigMap(observed, spec) : FromBenchmark(observed, spec);

    private static (IReadOnlyList<RowDocument>, BaselineReferenceStatus, ComparisonOutcome?) FromBenchmark(ObservedBaseline observed, BenchmarkBaseline spec)
    {
        var name = spec.Name;
        var reference = new BaselineReferenceStatus { Kind = spec.Kind, Name = name };
        if (name == observed.Benchmark.Metadata.Name)
        {
            return ([], reference, ComparisonOutcome.Problem(RegressedCondition.BaselineIsSelf, "spec.baseline.benchmark names this benchmark itself; name another UnpackBenchmark, or a ConfigMap holding a result document"));
        }

        if (observed.BaselineBenchmark is not { } baseline)
        {
            return ([], reference, ComparisonOutcome.Problem(RegressedCondition.BaselineNotFound, $"UnpackBenchmark {name} does not exist in namespace {observed.Benchmark.Metadata.NamespaceProperty}; create it or fix spec.baseline.benchmark. The comparison is made once it exists and succeeds"));
        }

        var generation = baseline.Metadata.Generation ?? 1;
        var status = baseline.Status;
        if (status is null || status.ObservedGeneration != generation || !BenchmarkPhase.IsFinished(status.Phase))
        {
            return ([], reference, ComparisonOutcome.Waiting(RegressedCondition.BaselineRunning, $"baseline UnpackBenchmark {name} has not finished its current spec (generation {generation}, phase {status?.Phase ?? BenchmarkPhase.Pending}); the comparison is made once it succeeds"));
        }

        if (status.Phase == BenchmarkPhase.Failed)
        {
            var ready = status.Conditions.FirstOrDefault(c => c.Type == ConditionSet.Ready);
            return ([], reference, ComparisonOutcome.Problem(RegressedCondition.BaselineFailed, $"baseline UnpackBenchmark {name} failed ({ready?.Reason}: {ready?.Message}), so there is nothing to compare with; fix and re-run it, or name another baseline"));
        }

        reference = reference with { Uid = baseline.Metadata.Uid, Generation = generation };
        var configMaps = observed.BaselineConfigMaps.ToDictionary(c => c.Metadata.Name, StringComparer.Ordinal);
        try
        {
            var rows = BenchmarkDocuments.Of(status, configMaps.GetValueOrDefault);
            return rows.Count > 0
                ? (rows, reference, null)
                : BenchmarkDocuments.Missing(status, configMaps.GetValueOrDefault) is { Count: > 0 } missing
                    ? ([], reference, ComparisonOutcome.Waiting(RegressedCondition.BaselineResultMissing, $"baseline UnpackBenchmark {name} succeeded, but its result ConfigMap {missing[0]} of generation {generation} is not there yet", ResultPending))
                    : ([], reference, ComparisonOutcome.Problem(RegressedCondition.BaselineInvalid, $"baseline UnpackBenchmark {name} has no successful run in its result to compare with"));
        }
        catch (ResultDocumentException e)
        {
            return ([], reference, ComparisonOutcome.Problem(RegressedCondition.BaselineInvalid, e.Message));
        }
    }

    private static (IReadOnlyList<RowDocument>, BaselineReferenceStatus, ComparisonOutcome?) FromConfigMap(ObservedBaseline observed, BenchmarkBaseline spec)
    {
        var (name, key) = (spec.Name, spec.Key);
        var reference = new BaselineReferenceStatus { Kind = spec.Kind, Name = name };
        switch (observed.ConfigMapRead)
        {
            case null or { Error: not null }:
                var why = observed.ConfigMapRead?.Error ?? "it was not read";
                return ([], reference, ComparisonOutcome.Problem(RegressedCondition.BaselineUnreadable, $"ConfigMap {name} cannot be read: {why}. The operator needs get on configmaps (config/rbac); it tries again every minute", LookAgain));
            case { ConfigMap: null }:
                return ([], reference, ComparisonOutcome.Problem(RegressedCondition.BaselineNotFound, $"ConfigMap {name} does not exist in namespace {observed.Benchmark.Metadata.NamespaceProperty}; create it with a result document under {key} (kubectl create configmap {name} --from-file={key}=benchmark_….json) or fix spec.baseline.configMap. The operator looks again every minute", LookAgain));
        }

        var configMap = observed.ConfigMapRead.ConfigMap;
        reference = reference with { Uid = configMap.Metadata.Uid, ResourceVersion = configMap.Metadata.ResourceVersion };
        if (configMap.Data?.TryGetValue(key, out var json) != true)
        {
            var keys = configMap.Data is { Count: > 0 } data ? string.Join(", ", data.Keys.Order(StringComparer.Ordinal)) : "no data";
            return ([], reference, ComparisonOutcome.Problem(RegressedCondition.BaselineInvalid, $"ConfigMap {name} has no key {key} (it has: {keys}); put the result document under {key}, or set spec.baseline.key", LookAgain));
        }

        try
        {
            var document = ResultDocumentParser.Parse(json!, $"ConfigMap {name} (key {key})");
            var rows = BenchmarkDocuments.Of(document, BenchmarkDocuments.IsPartial(configMap));
            return rows.Count > 0
                ? (rows, reference, null)
                : ([], reference, ComparisonOutcome.Problem(RegressedCondition.BaselineInvalid, $"the document in ConfigMap {name} has no successful run to compare with", LookAgain));
        }
        catch (ResultDocumentException e)
        {
            return ([], reference, ComparisonOutcome.Problem(RegressedCondition.BaselineInvalid, $"{e.Message}. To compare with a benchmark in the cluster, name it in spec.baseline.benchmark", LookAgain));
        }
    }
}
