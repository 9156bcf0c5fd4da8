using k8s;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Integration.Support;
using UnpackBench.Testing;
using UnpackBench.Testing.Kubernetes;
using Xunit.Abstractions;

namespace UnpackBench.Operator.Tests.Integration;

/// <summary>
/// The operator with only the permissions the project ships (config/rbac, equal to the chart's), judged by RBAC
/// and by OwnerReferencesPermissionEnforcement (on by default on OpenShift): a verb the operator needs and
/// the RBAC lacks fails the benchmark here before it fails on a cluster.
/// </summary>
public sealed class AuthorizationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_benchmark_succeeds_and_is_cleaned_up_with_only_the_projects_rbac_and_owner_references_enforced()
    {
        await using var cluster = await OperatorCluster.StartAsync(output, new OperatorClusterOptions
        {
            Rbac = true,
            Admission = AdmissionPlugins.OwnerReferencesPermissionEnforcement,
            GarbageCollection = GarbageCollectionMode.Off,
        });
        var image = await cluster.PushSampleAsync();
        var options = OperatorCluster.Options(leaderElection: true) with { LeaseNamespace = OperatorCluster.OperatorNamespace };
        var running = cluster.StartOperator(options);

        // Each verb of the RBAC shows in the outcome: watching and patching benchmarks, writing their status,
        // creating pods (with blockOwnerDeletion), reading their logs (else the result would be partial),
        // writing the result ConfigMap, recording events, deleting pods and ConfigMaps (no collector here),
        // and holding and releasing the leader Lease.
        await cluster.CreateBenchmarkAsync("authorized", cluster.Spec(image, runs: 1));
        var done = await cluster.WaitForPhaseAsync("authorized", BenchmarkPhase.Succeeded);
        await Eventually.TrueAsync(async _ => (await cluster.EventsAsync("authorized")).Any(e => e.Reason == "Succeeded"), TimeSpan.FromSeconds(10), "the Succeeded event");
        await cluster.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(V1Alpha1UnpackBenchmark.Group, V1Alpha1UnpackBenchmark.Version, OperatorCluster.Namespace, V1Alpha1UnpackBenchmark.Plural, "authorized");
        await cluster.Server.Store.WaitUntilAsync(s => s.List("pods", OperatorCluster.Namespace).Count == 0 && s.Get("configmaps", OperatorCluster.Namespace, "authorized-result") is null, TimeSpan.FromSeconds(30));
        await running.StopAsync();

        Assert.Equal("1/1", done.Status!.Progress);
        Assert.Equal("True", done.Status.Conditions.Single(c => c.Type == ConditionSet.ResultComplete).Status);
        Assert.Equal(["Started", "RunCompleted", "Succeeded"], (await cluster.EventsAsync("authorized")).Select(e => e.Reason));
        var lease = await cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync(options.LeaseName, options.LeaseNamespace);
        Assert.True(string.IsNullOrEmpty(lease.Spec.HolderIdentity), $"the lease is still held by {lease.Spec.HolderIdentity}");
        Assert.Equal([OperatorCluster.OperatorIdentity.UserName], cluster.Server.RequestLog.Users().Where(u => u != RequestIdentity.Admin.UserName));
    }
}
