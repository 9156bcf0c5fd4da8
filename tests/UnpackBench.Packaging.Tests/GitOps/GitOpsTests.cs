using System.Text.Json.Nodes;
using k8s;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Reconciliation.Baseline;
using UnpackBench.Packaging.Tests.Infrastructure;

namespace UnpackBench.Packaging.Tests.GitOps;

public sealed class GitOpsTests
{
    private const string HealthCheck = "config/gitops/argocd-health.lua";

    [Fact]
    public void Argo_cd_config_map_patch_carries_the_health_check_unchanged()
    {
        var patch = YamlDocuments.ParseSingle(Repository.Read("config/gitops/argocd-cm-patch.yaml"));
        Assert.Equal("argocd-cm", patch["metadata"]!["name"]!.GetValue<string>());
        var embedded = patch["data"]!["resource.customizations.health.unpackbench.io_UnpackBenchmark"]!.GetValue<string>();
        Assert.Equal(Repository.Read(HealthCheck), embedded);
    }

    [Theory]
    [InlineData(null, 1, "Progressing")]
    [InlineData(BenchmarkPhase.Pending, 1, "Progressing")]
    [InlineData(BenchmarkPhase.Running, 1, "Progressing")]
    [InlineData(BenchmarkPhase.Succeeded, 1, "Healthy")]
    [InlineData(BenchmarkPhase.PartiallySucceeded, 1, "Healthy")]
    [InlineData(BenchmarkPhase.Failed, 1, "Degraded")]
    [InlineData(BenchmarkPhase.Succeeded, 0, "Progressing")]
    public void Argo_cd_reads_each_phase_the_operator_writes(string? phase, long observedGeneration, string health)
    {
        var resource = Benchmark(phase is null ? null : Status(phase, observedGeneration));

        Assert.Equal(health, ArgoCdHealthCheck.Assess(resource).Status);
    }

    [Fact]
    public void A_partially_succeeded_survey_is_healthy_and_names_its_failed_nodes()
    {
        var (status, message) = ArgoCdHealthCheck.Assess(Benchmark(Status(BenchmarkPhase.PartiallySucceeded, 1)));

        Assert.Equal("Healthy", status);
        Assert.Equal("Partially succeeded: node-3 (overlayfs): NodeLost: node node-3 was deleted", message);
    }

    [Fact]
    public void A_failed_benchmark_is_degraded_with_the_operators_reason()
    {
        Assert.Equal(("Degraded", "the image cannot be pulled"), ArgoCdHealthCheck.Assess(Benchmark(Status(BenchmarkPhase.Failed, 1))));
    }

    [Fact]
    public void A_benchmark_slower_than_its_baseline_is_degraded_with_the_comparison()
    {
        const string message = "slower than UnpackBenchmark python-prod (generation 1) beyond the 5 % threshold: median 3.600 s against 3.000 s, ratio 1.200";
        var regressed = new ComparisonOutcome("True", RegressedCondition.Slower, message).Condition(1);

        var (status, said) = ArgoCdHealthCheck.Assess(Benchmark(Status(BenchmarkPhase.Succeeded, 1, regressed)));

        Assert.Equal(("Degraded", "Regressed: " + message), (status, said));
    }

    [Theory]
    [InlineData("False", RegressedCondition.Same)]
    [InlineData("Unknown", RegressedCondition.Inconclusive)]
    [InlineData("Unknown", RegressedCondition.BaselineNotFound)]
    [InlineData("Unknown", RegressedCondition.BaselineRunning)]
    public void A_benchmark_not_found_slower_than_its_baseline_is_healthy(string conditionStatus, string reason)
    {
        var regressed = new ComparisonOutcome(conditionStatus, reason, "compared").Condition(1);

        Assert.Equal(("Healthy", "done"), ArgoCdHealthCheck.Assess(Benchmark(Status(BenchmarkPhase.Succeeded, 1, regressed))));
    }

    [Fact]
    public void A_regressed_benchmark_whose_spec_changed_is_progressing_again()
    {
        var regressed = new ComparisonOutcome("True", RegressedCondition.Slower, "slower").Condition(1);
        var resource = Benchmark(Status(BenchmarkPhase.Succeeded, 1, regressed));
        resource["metadata"]!["generation"] = 2;

        Assert.Equal("Progressing", ArgoCdHealthCheck.Assess(resource).Status);
    }

    [Fact]
    public void Flux_note_checks_the_phase_not_only_ready()
    {
        var note = Repository.Read("config/gitops/flux.md");
        Assert.Contains("healthCheckExprs", note, StringComparison.Ordinal);
        Assert.Contains("status.phase == 'Failed'", note, StringComparison.Ordinal);
        Assert.Contains("status.phase in ['Succeeded', 'PartiallySucceeded']", note, StringComparison.Ordinal);
        Assert.Contains("c.type == 'Regressed' && c.status == 'True'", note, StringComparison.Ordinal);
    }

    // The status the operator writes for a phase: the conditions come from its own ConditionSet.
    private static JsonObject Status(string phase, long observedGeneration, BenchmarkCondition? regressed = null)
    {
        var message = phase == BenchmarkPhase.Failed ? "the image cannot be pulled" : "done";
        var allNodes = phase == BenchmarkPhase.PartiallySucceeded
            ? new BenchmarkCondition { Type = ConditionSet.AllNodesSucceeded, Status = "False", Reason = "NodesFailed", Message = "node-3 (overlayfs): NodeLost: node node-3 was deleted" }
            : null;
        var status = new UnpackBenchmarkStatus
        {
            Phase = phase,
            ObservedGeneration = observedGeneration,
            Conditions = ConditionSet.For(phase, "Reason", message, observedGeneration, [], DateTimeOffset.UnixEpoch, allNodes, regressed),
        };
        return JsonNode.Parse(KubernetesJson.Serialize(status))!.AsObject();
    }

    private static JsonObject Benchmark(JsonObject? status) => new()
    {
        ["apiVersion"] = "unpackbench.io/v1alpha1",
        ["kind"] = "UnpackBenchmark",
        ["metadata"] = new JsonObject { ["name"] = "python", ["generation"] = 1 },
        ["spec"] = new JsonObject { ["image"] = "python:3.12" },
        ["status"] = status,
    };
}
