using System.Globalization;
using System.Text.Json.Nodes;
using UnpackBench.Packaging.Tests.Container;
using UnpackBench.Packaging.Tests.Infrastructure;

namespace UnpackBench.Packaging.Tests.Helm;

/// <summary>The chart as Helm itself lints and renders it, with the default values and with every option on.</summary>
public sealed class ChartTests
{
    private static readonly Lazy<IReadOnlyList<JsonObject>> Default = new(() => HelmChart.Render());
    private static readonly Lazy<IReadOnlyList<JsonObject>> EveryOption = new(() => HelmChart.RenderEveryOption());

    public static TheoryData<string> Renderings() => ["default values", "every option"];

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Chart_passes_helm_lint_strict(string values)
    {
        var (exitCode, output) = values == "default values" ? HelmChart.Lint() : HelmChart.Lint("-f", Repository.PathOf(HelmChart.EveryOption));

        Assert.True(exitCode == 0, output);
        Assert.Contains("1 chart(s) linted, 0 chart(s) failed", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Rendered_objects_and_the_crd_are_valid_against_the_schemas_of_their_kinds(string values)
    {
        var objects = values == "default values" ? HelmChart.Render("--include-crds") : HelmChart.RenderEveryOption("--include-crds");

        Assert.Contains(objects, o => o["kind"]!.GetValue<string>() == "CustomResourceDefinition");
        var problems = KubernetesSchemas.Problems(objects);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Default_values_render_exactly_what_the_operator_needs()
    {
        string[] expected = ["ClusterRole", "ClusterRoleBinding", "Deployment", "Role", "RoleBinding", "Service", "ServiceAccount"];
        Assert.Equal(expected, Default.Value.Select(o => o["kind"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(Default.Value.Where(o => o["kind"]!.GetValue<string>() is not ("ClusterRole" or "ClusterRoleBinding")),
            o => Assert.Equal(HelmChart.Namespace, o["metadata"]!["namespace"]!.GetValue<string>()));
    }

    [Fact]
    public void Every_option_adds_the_service_monitor_and_dashboard_and_binds_the_cluster_role_only_in_the_watched_namespace()
    {
        var objects = EveryOption.Value;
        var watched = Assert.Single(objects, o => o["kind"]!.GetValue<string>() == "RoleBinding" && o["roleRef"]!["kind"]!.GetValue<string>() == "ClusterRole");
        Assert.Equal("benchmarks", watched["metadata"]!["namespace"]!.GetValue<string>());
        var clusterRole = Assert.Single(objects, o => o["kind"]!.GetValue<string>() == "ClusterRole" && o["metadata"]!["name"]!.GetValue<string>() == watched["roleRef"]!["name"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(YamlDocuments.ParseSingle(Repository.Read("config/rbac/role.yaml"))["rules"], clusterRole["rules"]));

        // Nodes belong to no namespace: surveys read them through a role of their own, bound cluster-wide.
        var clusterWide = Assert.Single(objects, o => o["kind"]!.GetValue<string>() == "ClusterRoleBinding");
        var nodeReader = Assert.Single(objects, o => o["kind"]!.GetValue<string>() == "ClusterRole" && o["metadata"]!["name"]!.GetValue<string>() == clusterWide["roleRef"]!["name"]!.GetValue<string>());
        var rule = Assert.Single(nodeReader["rules"]!.AsArray())!;
        Assert.Equal(["nodes"], rule["resources"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["get", "list", "watch"], rule["verbs"]!.AsArray().Select(v => v!.GetValue<string>()));

        var dashboard = HelmChart.Single(objects, "ConfigMap");
        Assert.Equal("monitoring", dashboard["metadata"]!["namespace"]!.GetValue<string>());
        Assert.Equal("1", dashboard["metadata"]!["labels"]!["grafana_dashboard"]!.GetValue<string>());
        Assert.Equal(HelmChart.Read("dashboards/unpackbench.json").Trim(), dashboard["data"]!.AsObject().Single().Value!.GetValue<string>().Trim());

        var monitor = HelmChart.Single(objects, "ServiceMonitor");
        var service = HelmChart.Single(objects, "Service");
        Assert.Equal("prometheus", monitor["metadata"]!["labels"]!["release"]!.GetValue<string>());
        Assert.All(monitor["spec"]!["selector"]!["matchLabels"]!.AsObject(), l => Assert.Equal(l.Value!.GetValue<string>(), service["metadata"]!["labels"]![l.Key]?.GetValue<string>()));
        var endpoint = Assert.Single(monitor["spec"]!["endpoints"]!.AsArray())!;
        Assert.Contains(service["spec"]!["ports"]!.AsArray(), p => p!["name"]!.GetValue<string>() == endpoint["port"]!.GetValue<string>());
        Assert.Equal("/metrics", endpoint["path"]!.GetValue<string>());
    }

    [Fact]
    public void Chart_crd_is_a_byte_identical_copy_of_config_crd()
    {
        Assert.Equal(
            File.ReadAllBytes(Repository.PathOf(Crd.File)),
            File.ReadAllBytes(Repository.PathOf(Crd.ChartFile)));
    }

    [Theory]
    [InlineData("ClusterRole", "config/rbac/role.yaml")]
    [InlineData("Role", "config/rbac/leader_election_role.yaml")]
    public void Rendered_rbac_rules_equal_config_rbac(string kind, string configured)
    {
        var rendered = HelmChart.Single(Default.Value, kind);
        Assert.True(JsonNode.DeepEquals(YamlDocuments.ParseSingle(Repository.Read(configured))["rules"], rendered["rules"]), $"the chart's {kind} rules differ from {configured}");
    }

    [Fact]
    public void Bindings_grant_the_roles_to_the_operators_service_account()
    {
        var account = HelmChart.Single(Default.Value, "ServiceAccount")["metadata"]!["name"]!.GetValue<string>();
        Assert.Equal(account, HelmChart.Single(Default.Value, "Deployment")["spec"]!["template"]!["spec"]!["serviceAccountName"]!.GetValue<string>());
        foreach (var binding in Default.Value.Where(o => o["kind"]!.GetValue<string>() is "ClusterRoleBinding" or "RoleBinding"))
        {
            var subject = Assert.Single(binding["subjects"]!.AsArray())!;
            Assert.Equal(account, subject["name"]!.GetValue<string>());
            Assert.Equal(HelmChart.Namespace, subject["namespace"]!.GetValue<string>());
            var role = binding["roleRef"]!;
            Assert.Contains(Default.Value, o => o["kind"]!.GetValue<string>() == role["kind"]!.GetValue<string>() && o["metadata"]!["name"]!.GetValue<string>() == role["name"]!.GetValue<string>());
        }
    }

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Deployment_sets_only_variables_the_operator_reads_and_the_pods_own_name_and_namespace(string values)
    {
        var container = HelmChart.OperatorContainer(values == "default values" ? Default.Value : EveryOption.Value);
        var known = Contracts.OperatorVariables();
        var names = container["env"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ToList();
        Assert.All(names, name => Assert.True(known.ContainsKey(name), $"the chart sets {name}, which OperatorConfiguration does not read"));
        Assert.Equal("metadata.name", HelmChart.Env(container, "POD_NAME")!["valueFrom"]!["fieldRef"]!["fieldPath"]!.GetValue<string>());
        Assert.Equal("metadata.namespace", HelmChart.Env(container, "POD_NAMESPACE")!["valueFrom"]!["fieldRef"]!["fieldPath"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("1", "false")]
    [InlineData("2", "true")]
    public void Leader_election_turns_on_with_more_than_one_replica(string replicas, string leaderElect)
    {
        var container = HelmChart.OperatorContainer(HelmChart.Render("--set", $"replicaCount={replicas}"));
        Assert.Equal(leaderElect, HelmChart.Env(container, "LEADER_ELECT")!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Agent_image_is_the_operator_image_unless_agent_image_is_set()
    {
        var container = HelmChart.OperatorContainer(Default.Value);
        Assert.Equal(container["image"]!.GetValue<string>(), HelmChart.Env(container, "UNPACKBENCH_AGENT_IMAGE")!["value"]!.GetValue<string>());
        var configured = HelmChart.OperatorContainer(EveryOption.Value);
        Assert.Equal("registry.example.com/team/unpackbench:1.2.3", configured["image"]!.GetValue<string>());
        Assert.Equal("registry.example.com/team/unpackbench-agent:1.2.3", HelmChart.Env(configured, "UNPACKBENCH_AGENT_IMAGE")!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Operator_pod_runs_as_the_image_user_non_root_with_a_read_only_root()
    {
        var pod = HelmChart.Single(Default.Value, "Deployment")["spec"]!["template"]!["spec"]!;
        Assert.True(pod["securityContext"]!["runAsNonRoot"]!.GetValue<bool>());
        Assert.Equal(DockerfileTests.ImageUid(), pod["securityContext"]!["runAsUser"]!.GetValue<long>());
        var security = HelmChart.OperatorContainer(Default.Value)["securityContext"]!;
        Assert.True(security["readOnlyRootFilesystem"]!.GetValue<bool>());
        Assert.False(security["allowPrivilegeEscalation"]!.GetValue<bool>());
        Assert.Equal(["ALL"], security["capabilities"]!["drop"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public void Ports_and_probes_are_the_ones_the_operator_listens_on()
    {
        var container = HelmChart.OperatorContainer(Default.Value);
        var ports = container["ports"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["containerPort"]!.GetValue<long>());
        Assert.Equal(Contracts.OperatorIntDefault("metrics-port"), ports["metrics"]);
        Assert.Equal(Contracts.OperatorIntDefault("health-port"), ports["health"]);
        Assert.Equal(ports["metrics"].ToString(CultureInfo.InvariantCulture), HelmChart.Env(container, "METRICS_PORT")!["value"]!.GetValue<string>());
        Assert.Equal(ports["health"].ToString(CultureInfo.InvariantCulture), HelmChart.Env(container, "HEALTH_PORT")!["value"]!.GetValue<string>());
        Assert.Equal("/healthz", container["livenessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.Equal("/readyz", container["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.All(new[] { "livenessProbe", "readinessProbe" }, probe => Assert.Equal("health", container[probe]!["httpGet"]!["port"]!.GetValue<string>()));
        var service = HelmChart.Single(Default.Value, "Service");
        Assert.Equal("metrics", service["spec"]!["ports"]![0]!["targetPort"]!.GetValue<string>());
        var podLabels = HelmChart.Single(Default.Value, "Deployment")["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        Assert.All(service["spec"]!["selector"]!.AsObject(), s => Assert.Equal(s.Value!.GetValue<string>(), podLabels[s.Key]?.GetValue<string>()));
    }

    [Fact]
    public void Chart_yaml_declares_a_v2_application_with_version_and_app_version()
    {
        var chart = YamlDocuments.ParseSingle(HelmChart.Read("Chart.yaml"));
        Assert.Equal("v2", chart["apiVersion"]!.GetValue<string>());
        Assert.Equal("unpackbench", chart["name"]!.GetValue<string>());
        Assert.Equal("application", chart["type"]!.GetValue<string>());
    }

    [Fact]
    public void Every_key_in_values_yaml_has_a_comment()
    {
        var lines = HelmChart.Read("values.yaml").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart();
            if (line.Length > 0 && !line.StartsWith('#') && !line.StartsWith('-') && line.Contains(':', StringComparison.Ordinal))
            {
                var previous = lines.Take(i).LastOrDefault(l => l.Trim().Length > 0) ?? "";
                Assert.True(previous.TrimStart().StartsWith('#'), $"values.yaml line {i + 1} ({line}) has no comment above it");
            }
        }
    }

    [Fact]
    public void Notes_tell_the_user_what_to_do_next()
    {
        var notes = HelmChart.Read("templates/NOTES.txt");
        foreach (var step in new[] { "kind: UnpackBenchmark", "kubectl get ub -w", "kubectl wait --for=condition=Succeeded", "jq '.summary'" })
        {
            Assert.Contains(step, notes, StringComparison.Ordinal);
        }
    }
}
