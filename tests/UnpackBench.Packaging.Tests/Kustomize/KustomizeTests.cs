using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using UnpackBench.Packaging.Tests.Container;
using UnpackBench.Packaging.Tests.Infrastructure;

namespace UnpackBench.Packaging.Tests.Kustomize;

public sealed class KustomizeTests
{
    private static readonly Lazy<IReadOnlyList<JsonObject>> Rendered = new(() => Render(Repository.PathOf("config/default")));

    [Fact]
    public void Default_renders_exactly_what_the_operator_needs()
    {
        var kinds = Rendered.Value.Select(o => o["kind"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        string[] expected = ["ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "Deployment", "Namespace", "Role", "RoleBinding", "Service", "ServiceAccount"];
        Assert.Equal(expected, kinds);
    }

    [Fact]
    public void Rendered_objects_are_valid_against_the_schemas_of_their_kinds()
    {
        var problems = KubernetesSchemas.Problems(Rendered.Value);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Everything_namespaced_lands_in_the_operator_namespace()
    {
        var ns = Single("Namespace")["metadata"]!["name"]!.GetValue<string>();
        var namespaced = Rendered.Value.Where(o => o["kind"]!.GetValue<string>() is not ("Namespace" or "CustomResourceDefinition" or "ClusterRole" or "ClusterRoleBinding"));
        Assert.All(namespaced, o => Assert.Equal(ns, o["metadata"]!["namespace"]?.GetValue<string>()));
    }

    [Fact]
    public void Rendered_crd_is_config_crd()
    {
        Assert.True(JsonNode.DeepEquals(Crd.Load(), Single("CustomResourceDefinition")));
    }

    [Fact]
    public void Agent_image_is_the_operator_image()
    {
        var container = OperatorContainer(Rendered.Value);
        Assert.Equal(container["image"]!.GetValue<string>(), Env(container, "UNPACKBENCH_AGENT_IMAGE"));
    }

    [Fact]
    public void Setting_the_image_in_config_manager_moves_the_agent_image_with_it()
    {
        var copy = Directory.CreateTempSubdirectory("unpackbench-kustomize-");
        try
        {
            CopyDirectory(Repository.PathOf("config"), Path.Combine(copy.FullName, "config"));
            // What 'kustomize edit set image unpackbench=localhost:5000/team/unpackbench:1.2' writes.
            var kustomization = Path.Combine(copy.FullName, "config/manager/kustomization.yaml");
            var text = File.ReadAllText(kustomization);
            text = Regex.Replace(text, @"newName: \S+", "newName: localhost:5000/team/unpackbench");
            text = Regex.Replace(text, @"newTag: \S+", "newTag: \"1.2\"");
            File.WriteAllText(kustomization, text);

            var container = OperatorContainer(Render(Path.Combine(copy.FullName, "config/default")));
            Assert.Equal("localhost:5000/team/unpackbench:1.2", container["image"]!.GetValue<string>());
            Assert.Equal("localhost:5000/team/unpackbench:1.2", Env(container, "UNPACKBENCH_AGENT_IMAGE"));
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    [Fact]
    public void Deployment_sets_only_variables_the_operator_reads()
    {
        var known = Contracts.OperatorVariables();
        var env = OperatorContainer(Rendered.Value)["env"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ToList();
        Assert.All(env, name => Assert.True(known.ContainsKey(name), $"the Deployment sets {name}, which OperatorConfiguration does not read"));
        Assert.Contains("POD_NAME", env);
        Assert.Contains("POD_NAMESPACE", env);
    }

    [Fact]
    public void Deployment_runs_as_the_image_user_without_privileges()
    {
        var pod = Single("Deployment")["spec"]!["template"]!["spec"]!;
        Assert.True(pod["securityContext"]!["runAsNonRoot"]!.GetValue<bool>());
        Assert.Equal(DockerfileTests.ImageUid(), pod["securityContext"]!["runAsUser"]!.GetValue<long>());
        var container = OperatorContainer(Rendered.Value);
        Assert.True(container["securityContext"]!["readOnlyRootFilesystem"]!.GetValue<bool>());
        Assert.False(container["securityContext"]!["allowPrivilegeEscalation"]!.GetValue<bool>());
    }

    [Fact]
    public void Probes_and_metrics_use_the_ports_the_operator_listens_on()
    {
        var container = OperatorContainer(Rendered.Value);
        var ports = container["ports"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["containerPort"]!.GetValue<long>());
        Assert.Equal(Contracts.OperatorIntDefault("metrics-port"), ports["metrics"]);
        Assert.Equal(Contracts.OperatorIntDefault("health-port"), ports["health"]);
        Assert.Equal(ports["metrics"].ToString(System.Globalization.CultureInfo.InvariantCulture), Env(container, "METRICS_PORT"));
        Assert.Equal(ports["health"].ToString(System.Globalization.CultureInfo.InvariantCulture), Env(container, "HEALTH_PORT"));
        Assert.Equal("/healthz", container["livenessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.Equal("/readyz", container["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.Equal("health", container["readinessProbe"]!["httpGet"]!["port"]!.GetValue<string>());

        var service = Single("Service");
        Assert.Equal("metrics", service["spec"]!["ports"]![0]!["targetPort"]!.GetValue<string>());
        var podLabels = Single("Deployment")["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        Assert.All(service["spec"]!["selector"]!.AsObject(), s => Assert.Equal(s.Value!.GetValue<string>(), podLabels[s.Key]?.GetValue<string>()));
    }

    [Fact]
    public void Bindings_grant_the_operator_service_account()
    {
        var account = Single("ServiceAccount")["metadata"]!;
        Assert.Equal(account["name"]!.GetValue<string>(), Single("Deployment")["spec"]!["template"]!["spec"]!["serviceAccountName"]!.GetValue<string>());
        foreach (var binding in Rendered.Value.Where(o => o["kind"]!.GetValue<string>() is "ClusterRoleBinding" or "RoleBinding"))
        {
            var subject = Assert.Single(binding["subjects"]!.AsArray())!;
            Assert.Equal(account["name"]!.GetValue<string>(), subject["name"]!.GetValue<string>());
            Assert.Equal(account["namespace"]!.GetValue<string>(), subject["namespace"]!.GetValue<string>());
            var role = binding["roleRef"]!;
            Assert.Contains(Rendered.Value, o => o["kind"]!.GetValue<string>() == role["kind"]!.GetValue<string>() && o["metadata"]!["name"]!.GetValue<string>() == role["name"]!.GetValue<string>());
        }
    }

    internal static JsonObject OperatorContainer(IReadOnlyList<JsonObject> objects) =>
        objects.Single(o => o["kind"]!.GetValue<string>() == "Deployment")["spec"]!["template"]!["spec"]!["containers"]!.AsArray()
            .Single(c => c!["name"]!.GetValue<string>() == "operator")!.AsObject();

    private static string? Env(JsonObject container, string name) =>
        container["env"]!.AsArray().SingleOrDefault(e => e!["name"]!.GetValue<string>() == name)?["value"]?.GetValue<string>();

    private static JsonObject Single(string kind) => Rendered.Value.Single(o => o["kind"]!.GetValue<string>() == kind);

    private static List<JsonObject> Render(string directory) =>
        YamlDocuments.Parse(Kubectl.Kustomize(directory)).Select(d => d.AsObject()).ToList();

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(source))
        {
            CopyDirectory(directory, Path.Combine(destination, Path.GetFileName(directory)));
        }
    }
}
