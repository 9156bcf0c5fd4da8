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

    [Fact]
    public void Health_check_maps_the_phases_argo_cd_understands()
    {
        var lua = Repository.Read(HealthCheck);
        Assert.Contains("phase == \"Succeeded\"", lua, StringComparison.Ordinal);
        Assert.Contains("phase == \"Failed\"", lua, StringComparison.Ordinal);
        Assert.Contains("condition.type == \"Succeeded\"", lua, StringComparison.Ordinal);
        foreach (var status in new[] { "Healthy", "Degraded", "Progressing" })
        {
            Assert.Contains($"hs.status = \"{status}\"", lua, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Flux_note_checks_the_phase_not_only_ready()
    {
        var note = Repository.Read("config/gitops/flux.md");
        Assert.Contains("healthCheckExprs", note, StringComparison.Ordinal);
        Assert.Contains("status.phase == 'Failed'", note, StringComparison.Ordinal);
        Assert.Contains("status.phase == 'Succeeded'", note, StringComparison.Ordinal);
    }
}
