using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using UnpackBench.Packaging.Tests.Container;
using UnpackBench.Packaging.Tests.Infrastructure;

namespace UnpackBench.Packaging.Tests.Helm;

public sealed partial class ChartTests
{
    private static readonly JsonObject Values = YamlDocuments.ParseSingle(HelmTemplate.Read("values.yaml"));

    public static TheoryData<string> Templates() =>
        [.. Repository.Files($"{HelmTemplate.Chart}/templates", "*").Select(Path.GetFileName).OfType<string>()];

    [Fact]
    public void Chart_yaml_declares_a_v2_application_with_version_and_app_version()
    {
        var chart = YamlDocuments.ParseSingle(HelmTemplate.Read("Chart.yaml"));
        Assert.Equal("v2", chart["apiVersion"]!.GetValue<string>());
        Assert.Equal("unpackbench", chart["name"]!.GetValue<string>());
        Assert.Equal("application", chart["type"]!.GetValue<string>());
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", chart["version"]!.GetValue<string>());
        Assert.Matches(@"^\d+\.\d+\.\d+", chart["appVersion"]!.GetValue<string>());
    }

    [Fact]
    public void Chart_crd_is_a_byte_identical_copy_of_config_crd()
    {
        Assert.Equal(
            System.IO.File.ReadAllBytes(Repository.PathOf(Crd.File)),
            System.IO.File.ReadAllBytes(Repository.PathOf($"{HelmTemplate.Chart}/crds/unpackbenchmarks.yaml")));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_value_a_template_reads_is_in_values_yaml(string template)
    {
        foreach (var path in HelmTemplate.ValuesPaths(HelmTemplate.Read($"templates/{template}")))
        {
            JsonNode? node = Values;
            foreach (var part in path.Split('.'))
            {
                Assert.True(node is JsonObject obj && obj.ContainsKey(part), $"{template} reads .Values.{path}, which values.yaml does not define");
                node = node[part];
            }
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_template_block_is_ended(string template)
    {
        var problems = HelmTemplate.BlockProblems(HelmTemplate.Read($"templates/{template}"));
        Assert.True(problems.Count == 0, $"{template}: {string.Join("; ", problems)}");
    }

    [Fact]
    public void Every_key_in_values_yaml_has_a_comment()
    {
        var lines = HelmTemplate.Read("values.yaml").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (ValuesKey().IsMatch(lines[i]))
            {
                var previous = lines.Take(i).LastOrDefault(l => l.Trim().Length > 0) ?? "";
                Assert.True(previous.TrimStart().StartsWith('#'), $"values.yaml line {i + 1} ({lines[i].Trim()}) has no comment above it");
            }
        }
    }

    [Theory]
    [InlineData("clusterrole.yaml", "config/rbac/role.yaml")]
    [InlineData("leader-election-role.yaml", "config/rbac/leader_election_role.yaml")]
    public void Chart_rbac_rules_equal_config_rbac(string template, string configured)
    {
        var chart = HelmTemplate.ParseWithoutActions(HelmTemplate.Read($"templates/{template}"));
        var config = YamlDocuments.ParseSingle(Repository.Read(configured));
        Assert.Equal(config["kind"]!.GetValue<string>(), chart["kind"]!.GetValue<string>());
        Assert.Equal(config["rules"]!.ToJsonString(), chart["rules"]!.ToJsonString());
    }

    [Fact]
    public void Leader_election_binding_binds_the_leader_election_role()
    {
        var role = HelmTemplate.Read("templates/leader-election-role.yaml");
        var binding = HelmTemplate.Read("templates/leader-election-rolebinding.yaml");
        var roleName = RoleName().Match(role).Groups["name"].Value;
        Assert.EndsWith("-leader-election", roleName, StringComparison.Ordinal);
        Assert.Contains($"kind: Role\n  name: {roleName}\n", binding, StringComparison.Ordinal);
    }

    [Fact]
    public void Deployment_sets_only_variables_the_operator_reads_including_the_downward_api_ones()
    {
        var deployment = HelmTemplate.Read("templates/deployment.yaml");
        var known = Contracts.OperatorVariables();
        var set = EnvName().Matches(deployment).Select(m => m.Groups["name"].Value).ToList();
        Assert.All(set, name => Assert.True(known.ContainsKey(name), $"the chart sets {name}, which OperatorConfiguration does not read"));
        foreach (var required in new[] { "UNPACKBENCH_AGENT_IMAGE", "LEADER_ELECT", "WATCH_NAMESPACE", "METRICS_PORT", "HEALTH_PORT" })
        {
            Assert.Contains(required, set);
        }

        Assert.Contains("- name: POD_NAME\n              valueFrom:\n                fieldRef:\n                  fieldPath: metadata.name", deployment, StringComparison.Ordinal);
        Assert.Contains("- name: POD_NAMESPACE\n              valueFrom:\n                fieldRef:\n                  fieldPath: metadata.namespace", deployment, StringComparison.Ordinal);
    }

    [Fact]
    public void Leader_election_turns_on_with_more_than_one_replica()
    {
        var helpers = HelmTemplate.Read("templates/_helpers.tpl");
        Assert.Contains("or (gt (int .Values.replicaCount) 1) .Values.leaderElection.enabled", helpers, StringComparison.Ordinal);
        Assert.Contains("value: {{ include \"unpackbench.leaderElect\" . | quote }}", HelmTemplate.Read("templates/deployment.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Agent_image_defaults_to_the_operator_image()
    {
        Assert.Equal("", Values["agent"]!["image"]!.GetValue<string>());
        Assert.Contains(".Values.agent.image | default (include \"unpackbench.image\" .)", HelmTemplate.Read("templates/_helpers.tpl"), StringComparison.Ordinal);
    }

    [Fact]
    public void Operator_pod_runs_as_the_image_user_non_root_with_a_read_only_root()
    {
        Assert.True(Values["podSecurityContext"]!["runAsNonRoot"]!.GetValue<bool>());
        Assert.Equal(DockerfileTests.ImageUid(), Values["podSecurityContext"]!["runAsUser"]!.GetValue<long>());
        Assert.True(Values["securityContext"]!["readOnlyRootFilesystem"]!.GetValue<bool>());
        Assert.False(Values["securityContext"]!["allowPrivilegeEscalation"]!.GetValue<bool>());
    }

    [Fact]
    public void Ports_and_probes_match_the_operator()
    {
        Assert.Equal(Contracts.OperatorIntDefault("metrics-port"), Values["ports"]!["metrics"]!.GetValue<long>());
        Assert.Equal(Contracts.OperatorIntDefault("health-port"), Values["ports"]!["health"]!.GetValue<long>());
        var deployment = HelmTemplate.Read("templates/deployment.yaml");
        Assert.Contains("path: /healthz\n              port: health", deployment, StringComparison.Ordinal);
        Assert.Contains("path: /readyz\n              port: health", deployment, StringComparison.Ordinal);
    }

    [Fact]
    public void Service_monitor_and_dashboard_are_off_by_default()
    {
        Assert.False(Values["serviceMonitor"]!["enabled"]!.GetValue<bool>());
        Assert.False(Values["dashboard"]!["enabled"]!.GetValue<bool>());
        var monitor = HelmTemplate.Read("templates/servicemonitor.yaml");
        Assert.StartsWith("{{- if .Values.serviceMonitor.enabled }}", monitor, StringComparison.Ordinal);
        Assert.Contains("apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor", monitor, StringComparison.Ordinal);
        var dashboard = HelmTemplate.Read("templates/dashboard-configmap.yaml");
        Assert.StartsWith("{{- if .Values.dashboard.enabled }}", dashboard, StringComparison.Ordinal);
        Assert.Contains("grafana_dashboard: \"1\"", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_tell_the_user_what_to_do_next()
    {
        var notes = HelmTemplate.Read("templates/NOTES.txt");
        foreach (var step in new[] { "kind: UnpackBenchmark", "kubectl get ub -w", "kubectl wait --for=condition=Succeeded", "jq '.summary'" })
        {
            Assert.Contains(step, notes, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"^\s*[A-Za-z_][A-Za-z0-9_.-]*:")]
    private static partial Regex ValuesKey();

    [GeneratedRegex(@"- name: (?<name>[A-Z][A-Z0-9_]*)\n")]
    private static partial Regex EnvName();

    [GeneratedRegex(@"metadata:\n  name: (?<name>.+)\n")]
    private static partial Regex RoleName();
}
