using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// The finalizer a benchmark carries while its agent pod may be running: deleting the benchmark then
/// deletes the agent pod at once, so the agent stops even where no garbage collector runs, and the
/// benchmark is gone only after that. A finished benchmark carries none, so an operator that is not
/// running never blocks deleting it or its namespace; its pod and ConfigMap go with the garbage
/// collector or the operator's clean-up. To free a benchmark while the operator is gone for good:
/// <c>kubectl patch ub NAME --type=merge -p '{"metadata":{"finalizers":null}}'</c>.
/// </summary>
public static class BenchmarkFinalizer
{
    /// <summary>The finalizer's name.</summary>
    public const string Name = "unpackbench.io/agent-cleanup";

    /// <summary>Whether <paramref name="benchmark"/> carries it.</summary>
    public static bool IsOn(V1Alpha1UnpackBenchmark benchmark) => benchmark.Metadata.Finalizers?.Contains(Name) == true;
}
