using k8s;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Entities;
using UnpackBench.Testing.Kubernetes;

namespace UnpackBench.Operator.Tests.Integration.Support;

/// <summary>The statuses a benchmark showed, in order, read from the store on each of its changes.</summary>
internal static class StatusHistory
{
    /// <summary>Every distinct status of benchmark <paramref name="name"/> until it is Succeeded or Failed.</summary>
    public static async Task<IReadOnlyList<UnpackBenchmarkStatus>> UntilFinishedAsync(ApiTestServer server, string name, TimeSpan timeout)
    {
        var seen = new List<UnpackBenchmarkStatus>();
        try
        {
            await server.Store.WaitUntilAsync(
                _ =>
                {
                    if (server.Find<V1Alpha1UnpackBenchmark>(V1Alpha1UnpackBenchmark.Plural, OperatorCluster.Namespace, name)?.Status is { } status
                        && (seen.Count == 0 || KubernetesJson.Serialize(seen[^1]) != KubernetesJson.Serialize(status)))
                    {
                        seen.Add(status);
                    }

                    return seen.Count > 0 && seen[^1].Phase is BenchmarkPhase.Succeeded or BenchmarkPhase.Failed;
                },
                timeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"benchmark {name} did not finish within {timeout.TotalSeconds:0} s; its statuses: {string.Join(" → ", seen.Select(s => KubernetesJson.Serialize(s)))}", e);
        }

        return seen;
    }
}
