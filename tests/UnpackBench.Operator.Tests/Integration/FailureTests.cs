using System.Text;
using k8s;
using k8s.Models;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Tests.Integration.Support;
using UnpackBench.Testing;
using UnpackBench.Testing.Images;
using UnpackBench.Testing.Registry;
using Xunit.Abstractions;

namespace UnpackBench.Operator.Tests.Integration;

/// <summary>What cannot work ends in a condition a person can act on — never a retry storm, never an orphan.</summary>
public sealed class FailureTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_image_that_does_not_exist_fails_with_ImageNotFound_after_one_pod()
    {
        await using var cluster = await OperatorCluster.StartAsync(output);
        cluster.StartOperator();

        await cluster.CreateBenchmarkAsync("missing", cluster.Spec($"{cluster.Registry.Host}/nobody/nothing:v1"));
        var failed = await cluster.WaitForPhaseAsync("missing", BenchmarkPhase.Failed);

        var condition = failed.Status!.Conditions.Single(c => c.Type == "Succeeded");
        Assert.Equal("False", condition.Status);
        Assert.Equal("ImageNotFound", condition.Reason);
        Assert.Contains("nobody/nothing", condition.Message, StringComparison.Ordinal);
        Assert.Equal(1, cluster.Server.RequestLog.Count("create", "pods"));
        // Events are written in the background, after the status.
        await Eventually.TrueAsync(async _ => (await cluster.EventsAsync("missing")).Any(e => e.Type == "Warning" && e.Reason == "ImageNotFound"), TimeSpan.FromSeconds(10), "the ImageNotFound event");
    }

    [Fact]
    public async Task A_benchmark_no_node_can_run_is_unschedulable_then_failed_and_its_pod_removed()
    {
        await using var cluster = await OperatorCluster.StartAsync(output);
        var image = await cluster.PushSampleAsync();
        cluster.StartOperator();

        await cluster.CreateBenchmarkAsync("nowhere", cluster.Spec(image) with { NodeSelector = new Dictionary<string, string> { ["disk"] = "nvme" } });
        var pending = await cluster.WaitForBenchmarkAsync("nowhere", b => b.Status?.Conditions.Any(c => c.Reason == "Unschedulable") == true, "to be unschedulable");
        var failed = await cluster.WaitForPhaseAsync("nowhere", BenchmarkPhase.Failed);

        Assert.Equal(BenchmarkPhase.Pending, pending.Status!.Phase);
        var condition = failed.Status!.Conditions.Single(c => c.Type == "Ready");
        Assert.Equal("Unschedulable", condition.Reason);
        Assert.Contains("nodeSelector", condition.Message, StringComparison.Ordinal);
        await UnpackBench.Testing.Eventually.TrueAsync(async _ => (await cluster.PodsAsync()).Count == 0, TimeSpan.FromSeconds(30), "the unschedulable pod to be deleted");
    }

    [Fact]
    public async Task A_spec_the_schema_cannot_catch_fails_with_InvalidSpec_and_creates_nothing()
    {
        await using var cluster = await OperatorCluster.StartAsync(output);
        cluster.StartOperator();

        await cluster.CreateBenchmarkAsync("bad-ref", cluster.Spec("Registry.Local/App:1"));
        var failed = await cluster.WaitForPhaseAsync("bad-ref", BenchmarkPhase.Failed);

        var condition = failed.Status!.Conditions.Single(c => c.Type == "Succeeded");
        Assert.Equal("InvalidSpec", condition.Reason);
        Assert.Contains("lower-case", condition.Message, StringComparison.Ordinal);
        Assert.Empty(await cluster.PodsAsync());
        Assert.Equal(0, cluster.Server.RequestLog.Count("create", "pods"));
    }

    [Theory]
    [InlineData("right password", "s3cret", BenchmarkPhase.Succeeded, null)]
    [InlineData("wrong password", "guess", BenchmarkPhase.Failed, "Unauthorized")]
    public async Task Pull_secrets_reach_the_agent_as_files_and_bad_ones_fail_with_Unauthorized(string name, string password, string phase, string? reason)
    {
        await using var cluster = await OperatorCluster.StartAsync(output);
        await using var guarded = await RegistryFixture.StartAsync(new RegistryCredentials("ci", "s3cret"));
        var image = await guarded.PushAsync(SampleImage.Build(OciLayout.Create(cluster.Directory.Combine("guarded"))), "private/app", "v1");
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"ci:{password}"));
        await cluster.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "regcred" },
            Type = "kubernetes.io/dockerconfigjson",
            StringData = new Dictionary<string, string>
            {
                [".dockerconfigjson"] = System.Text.Json.JsonSerializer.Serialize(new { auths = new Dictionary<string, object> { [guarded.Host] = new { auth } } }),
            },
        }, OperatorCluster.Namespace);
        cluster.StartOperator();

        await cluster.CreateBenchmarkAsync("private", cluster.Spec(image, runs: 1) with
        {
            InsecureRegistries = [guarded.Host],
            ImagePullSecrets = [new LocalObjectReference { Name = "regcred" }],
        });
        var done = await cluster.WaitForBenchmarkAsync("private", b => b.Status?.Phase is BenchmarkPhase.Succeeded or BenchmarkPhase.Failed, "to finish");

        Assert.True(done.Status!.Phase == phase, $"{name}: {KubernetesJson.Serialize(done.Status)}");
        if (reason is not null)
        {
            Assert.Equal(reason, done.Status.Conditions.Single(c => c.Type == "Ready").Reason);
        }

        Assert.DoesNotContain(password, KubernetesJson.Serialize(done.Status), StringComparison.Ordinal);
    }
}
