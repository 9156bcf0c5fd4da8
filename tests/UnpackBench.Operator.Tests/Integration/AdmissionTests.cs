using k8s;
using k8s.Models;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Integration.Support;
using UnpackBench.Testing;
using UnpackBench.Testing.Kubernetes;
using Xunit.Abstractions;

namespace UnpackBench.Operator.Tests.Integration;

/// <summary>
/// Admission that refuses the agent pod — Pod Security on a wrongly labelled namespace, a namespace without its
/// default ServiceAccount — ends in a condition with the API server's own words and a Warning event, is tried again
/// with backoff rather than in a loop, and goes on to succeed once the cause is fixed.
/// </summary>
public sealed class AdmissionTests(ITestOutputHelper output)
{
    private const string EnforceLabel = "pod-security.kubernetes.io/enforce";

    [Fact]
    public async Task A_namespace_labelled_privileged_runs_the_agent_to_success()
    {
        await using var cluster = await OperatorCluster.StartAsync(output, new OperatorClusterOptions { Admission = AdmissionPlugins.PodSecurity });
        await LabelAsync(cluster, "privileged");
        var image = await cluster.PushSampleAsync();
        cluster.StartOperator();

        await cluster.CreateBenchmarkAsync("allowed", cluster.Spec(image, runs: 1));
        var done = await cluster.WaitForPhaseAsync("allowed", BenchmarkPhase.Succeeded);

        Assert.Equal("1/1", done.Status!.Progress);
        Assert.Equal(1, cluster.OperatorRequests("create", "pods"));
    }

    [Fact]
    public async Task A_namespace_labelled_baseline_refuses_the_agent_clearly_until_it_is_relabelled_privileged()
    {
        await using var cluster = await OperatorCluster.StartAsync(output, new OperatorClusterOptions { Admission = AdmissionPlugins.PodSecurity });
        await LabelAsync(cluster, "baseline");
        var image = await cluster.PushSampleAsync();
        var running = cluster.StartOperator();

        await cluster.CreateBenchmarkAsync("guarded", cluster.Spec(image, runs: 1));
        var refused = await WaitForReasonAsync(cluster, "guarded", "AgentPodForbidden");

        var ready = refused.Status!.Conditions.Single(c => c.Type == ConditionSet.Ready);
        Assert.Equal(BenchmarkPhase.Pending, refused.Status.Phase);
        Assert.Contains("violates PodSecurity \"baseline:latest\": privileged (container \"agent\" must not set securityContext.privileged=true)", ready.Message, StringComparison.Ordinal);
        await Eventually.TrueAsync(async _ => (await cluster.EventsAsync("guarded")).Any(e => e is { Type: "Warning", Reason: "AgentPodForbidden" } && e.Message == ready.Message), TimeSpan.FromSeconds(10), "the Warning event");
        Assert.Empty(await cluster.PodsAsync());

        await LabelAsync(cluster, "privileged");
        var done = await cluster.WaitForPhaseAsync("guarded", BenchmarkPhase.Succeeded);

        Assert.Equal("1/1", done.Status!.Progress);
        // One refused create, one accepted after the backoff: no retry loop, and the operator never stopped.
        Assert.Equal(2, cluster.OperatorRequests("create", "pods"));
        Assert.False(running.Running.IsCompleted);
    }

    [Fact]
    public async Task A_namespace_without_its_default_service_account_is_reported_and_waited_for()
    {
        await using var cluster = await OperatorCluster.StartAsync(output, new OperatorClusterOptions { Admission = AdmissionPlugins.ServiceAccount });
        var image = await cluster.PushSampleAsync();
        cluster.StartOperator();

        await cluster.CreateBenchmarkAsync("no-account", cluster.Spec(image, runs: 1));
        var refused = await WaitForReasonAsync(cluster, "no-account", "AgentPodForbidden");

        Assert.Equal(BenchmarkPhase.Pending, refused.Status!.Phase);
        Assert.Contains("error looking up service account default/default: serviceaccount \"default\" not found", refused.Status.Conditions.Single(c => c.Type == ConditionSet.Ready).Message, StringComparison.Ordinal);

        // What kube-controller-manager's service account controller does in every namespace.
        await cluster.Client.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "default" } }, OperatorCluster.Namespace);
        var done = await cluster.WaitForPhaseAsync("no-account", BenchmarkPhase.Succeeded);

        Assert.Equal("1/1", done.Status!.Progress);
        Assert.Equal("default", Assert.Single(await cluster.PodsAsync()).Spec.ServiceAccountName);
    }

    private static Task<V1Alpha1UnpackBenchmark> WaitForReasonAsync(OperatorCluster cluster, string name, string reason) =>
        cluster.WaitForBenchmarkAsync(name, b => b.Status?.Conditions.Any(c => c.Type == ConditionSet.Ready && c.Reason == reason) == true, $"Ready reason {reason}");

    private static Task<V1Namespace> LabelAsync(OperatorCluster cluster, string level) =>
        cluster.Client.CoreV1.PatchNamespaceAsync(
            new V1Patch(new { metadata = new { labels = new Dictionary<string, string> { [EnforceLabel] = level } } }, V1Patch.PatchType.MergePatch),
            OperatorCluster.Namespace);
}
