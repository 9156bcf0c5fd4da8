using k8s;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Tests.Support;

/// <summary>Status comparison as the plan executor does it: a status is written only when its JSON differs.</summary>
internal static class KubernetesStatus
{
    public static bool Same(UnpackBenchmarkStatus? a, UnpackBenchmarkStatus? b) => KubernetesJson.Serialize(a) == KubernetesJson.Serialize(b);

    /// <summary>The status as it comes back from the API server (stored as JSON, read back).</summary>
    public static UnpackBenchmarkStatus RoundTrip(UnpackBenchmarkStatus status) => KubernetesJson.Deserialize<UnpackBenchmarkStatus>(KubernetesJson.Serialize(status));
}
