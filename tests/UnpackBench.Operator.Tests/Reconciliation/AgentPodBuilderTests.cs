using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation;

public sealed partial class AgentPodBuilderTests
{
    private static V1Pod Build(UnpackBenchmarkSpec? spec = null, long generation = 1) =>
        AgentPodBuilder.Build(Scenario.Benchmark(spec, generation), Scenario.Options);

    private static V1Container Agent(V1Pod pod) => Assert.Single(pod.Spec.Containers);

    private static IList<string> Args(V1Pod pod) => Agent(pod).Args;

    // The value after an option, which must appear exactly once.
    private static string Option(IList<string> args, string option)
    {
        Assert.Single(args, a => a == option);
        return args[args.IndexOf(option) + 1];
    }

    [Fact]
    public void The_agent_is_privileged_never_restarts_and_holds_no_api_credentials()
    {
        var pod = Build();

        Assert.True(Agent(pod).SecurityContext.Privileged);
        Assert.False(pod.Spec.AutomountServiceAccountToken);
        Assert.Equal("Never", pod.Spec.RestartPolicy);
        Assert.Null(Agent(pod).Env?.FirstOrDefault(e => e.ValueFrom?.SecretKeyRef is not null));
    }

    [Theory]
    [InlineData(60)]
    [InlineData(3600)]
    [InlineData(604800)]
    public void The_pod_deadline_is_the_benchmark_timeout(int timeoutSeconds)
    {
        var pod = Build(Scenario.Spec with { TimeoutSeconds = timeoutSeconds });

        Assert.Equal(timeoutSeconds, pod.Spec.ActiveDeadlineSeconds);
    }

    [Fact]
    public void The_pod_is_controlled_by_its_benchmark_and_lives_in_its_namespace()
    {
        var pod = Build();

        Assert.Equal(Scenario.Namespace, pod.Metadata.NamespaceProperty);
        var owner = Assert.Single(pod.Metadata.OwnerReferences);
        Assert.Equal("unpackbench.io/v1alpha1", owner.ApiVersion);
        Assert.Equal("UnpackBenchmark", owner.Kind);
        Assert.Equal(Scenario.Name, owner.Name);
        Assert.Equal(Scenario.Uid, owner.Uid);
        Assert.True(owner.Controller);
        Assert.True(owner.BlockOwnerDeletion);
    }

    [Fact]
    public void The_pod_is_labelled_with_its_manager_benchmark_uid_and_generation()
    {
        var pod = Build(generation: 7);

        var labels = pod.Metadata.Labels;
        Assert.Equal("unpackbench-operator", labels[ObjectNames.ManagedByLabel]);
        Assert.Equal(Scenario.Uid, labels[ObjectNames.BenchmarkUidLabel]);
        Assert.Equal(Scenario.Name, labels[ObjectNames.BenchmarkLabel]);
        Assert.Equal("7", labels[ObjectNames.GenerationLabel]);
        Assert.All(labels.Values, v => Assert.Matches(LabelValue(), v));
    }

    [Fact]
    public void The_agent_runs_the_cli_contract_in_json_log_mode()
    {
        var pod = Build();
        var args = Args(pod);

        Assert.Equal("run", args[0]);
        Assert.Equal(Scenario.Image, Option(args, "--image"));
        Assert.Equal("5", Option(args, "--runs"));
        Assert.Equal("0", Option(args, "--warmup"));
        Assert.Equal("overlayfs", Option(args, "--snapshotter"));
        Assert.Equal("100", Option(args, "--sample-interval"));
        Assert.Equal("json", Option(args, "--log-format"));
        Assert.DoesNotContain("--platform", args);
        Assert.DoesNotContain("--plain-http", args);
        Assert.DoesNotContain("--registry-config", args);
        Assert.DoesNotContain("--json", args);
        Assert.Equal(["unpackbench-agent"], Agent(pod).Command);
    }

    [Fact]
    public void Containerd_root_is_on_the_storage_volume_and_the_termination_message_where_kubernetes_reads_it()
    {
        var pod = Build();
        var agent = Agent(pod);
        var args = Args(pod);

        var storage = Assert.Single(agent.VolumeMounts, m => m.Name == "containerd-root");
        Assert.StartsWith(storage.MountPath + "/", Option(args, "--root"), StringComparison.Ordinal);
        Assert.Contains(pod.Spec.Volumes, v => v.Name == storage.Name);
        Assert.Equal(agent.TerminationMessagePath, Option(args, "--termination-message-path"));
        Assert.Equal("File", agent.TerminationMessagePolicy);
    }

    [Fact]
    public void Spec_values_become_agent_options()
    {
        var pod = Build(Scenario.Spec with { Runs = 12, WarmupRuns = 2, Snapshotter = "native", SampleIntervalMs = 250 });
        var args = Args(pod);

        Assert.Equal("12", Option(args, "--runs"));
        Assert.Equal("2", Option(args, "--warmup"));
        Assert.Equal("native", Option(args, "--snapshotter"));
        Assert.Equal("250", Option(args, "--sample-interval"));
    }

    [Fact]
    public void Variant_fields_become_agent_options()
    {
        var args = Args(Build(Scenario.Spec with
        {
            Snapshotters = ["overlayfs", "native"],
            Concurrency = 4,
            Cache = "drop",
            Durable = true,
            Floor = true,
            WhatIf = ["zstd", "gzip-1"],
            LinkMbps = 100,
        }));

        Assert.Equal(["overlayfs", "native"], args.Select((a, i) => (a, i)).Where(p => p.a == "--snapshotter").Select(p => args[p.i + 1]));
        Assert.Equal("4", Option(args, "--concurrency"));
        Assert.Equal("drop", Option(args, "--cache"));
        Assert.Contains("--durable", args);
        Assert.Contains("--floor", args);
        Assert.Equal(["zstd", "gzip-1"], args.Select((a, i) => (a, i)).Where(p => p.a == "--what-if").Select(p => args[p.i + 1]));
        Assert.Equal("100", Option(args, "--link-mbps"));
    }

    [Fact]
    public void Without_variant_fields_the_agent_gets_none_of_their_options_and_never_drops_the_page_cache()
    {
        var args = Args(Build());

        foreach (var option in new[] { "--concurrency", "--cache", "--durable", "--floor", "--what-if", "--link-mbps" })
        {
            Assert.DoesNotContain(option, args);
        }
    }

    [Theory]
    [InlineData("unset", null, false)]
    [InlineData("empty", "", false)]
    [InlineData("arm64", "linux/arm64", true)]
    [InlineData("arm v7", "linux/arm/v7", true)]
    public void The_platform_is_passed_only_when_set(string @case, string? platform, bool passed)
    {
        var args = Args(Build(Scenario.Spec with { Platform = platform }));

        Assert.True(passed == args.Contains("--platform"), @case);
        if (passed)
        {
            Assert.Equal(platform, Option(args, "--platform"));
        }
    }

    [Theory]
    [InlineData("listed registry with port", "localhost:5000/app:1", new[] { "localhost:5000" }, true)]
    [InlineData("listed ip registry, digest reference", "127.0.0.1:5000/team/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", new[] { "127.0.0.1:5000" }, true)]
    [InlineData("registry names compare case-insensitively", "localhost:5000/app:1", new[] { "LocalHost:5000" }, true)]
    [InlineData("one of several listed", "127.0.0.1:5001/app", new[] { "localhost:5000", "127.0.0.1:5001" }, true)]
    [InlineData("same host, other port", "localhost:5000/app:1", new[] { "localhost:5001" }, false)]
    [InlineData("the port is part of the registry", "localhost:5000/app:1", new[] { "localhost" }, false)]
    [InlineData("listed with a port the image does not use", "localhost/app:1", new[] { "localhost:5000" }, false)]
    [InlineData("a Docker Hub short name is not a local registry", "app:1", new[] { "localhost:5000" }, false)]
    [InlineData("a repository path that looks like a host", "localhost:5000/localhost/app:1", new[] { "localhost" }, false)]
    [InlineData("nothing listed", "localhost:5000/app:1", new string[0], false)]
    public void Plain_http_is_used_only_when_the_image_registry_is_listed_as_insecure(string @case, string image, string[] insecure, bool plainHttp)
    {
        var args = Args(Build(Scenario.Spec with { Image = image, InsecureRegistries = insecure }));

        Assert.True(plainHttp == args.Contains("--plain-http"), @case);
    }

    [Fact]
    public void An_emptydir_keeps_its_size_limit()
    {
        var pod = Build(Scenario.Spec with { Storage = new BenchmarkStorage { Type = StorageType.EmptyDir, SizeLimit = "20Gi" } });

        var volume = Assert.Single(pod.Spec.Volumes, v => v.Name == "containerd-root");
        Assert.NotNull(volume.EmptyDir);
        Assert.Equal("20Gi", volume.EmptyDir.SizeLimit.ToString());
        Assert.Null(volume.HostPath);
        Assert.Null(volume.PersistentVolumeClaim);
    }

    [Fact]
    public void An_emptydir_without_a_size_limit_has_none()
    {
        var volume = Assert.Single(Build().Spec.Volumes, v => v.Name == "containerd-root");

        Assert.NotNull(volume.EmptyDir);
        Assert.Null(volume.EmptyDir.SizeLimit);
    }

    [Fact]
    public void A_host_path_is_created_on_the_node_when_missing()
    {
        var pod = Build(Scenario.Spec with { Storage = new BenchmarkStorage { Type = StorageType.HostPath, HostPath = "/mnt/unpackbench-cache" } });

        var volume = Assert.Single(pod.Spec.Volumes, v => v.Name == "containerd-root");
        Assert.Equal("/mnt/unpackbench-cache", volume.HostPath.Path);
        Assert.Equal("DirectoryOrCreate", volume.HostPath.Type);
        Assert.Null(volume.EmptyDir);
    }

    [Fact]
    public void A_persistent_volume_claim_is_mounted_by_name()
    {
        var pod = Build(Scenario.Spec with { Storage = new BenchmarkStorage { Type = StorageType.PersistentVolumeClaim, ClaimName = "unpack-cache" } });

        var volume = Assert.Single(pod.Spec.Volumes, v => v.Name == "containerd-root");
        Assert.Equal("unpack-cache", volume.PersistentVolumeClaim.ClaimName);
        Assert.Null(volume.EmptyDir);
    }

    [Fact]
    public void Each_pull_secret_is_a_read_only_volume_and_a_registry_config()
    {
        var pod = Build(Scenario.Spec with { ImagePullSecrets = [new() { Name = "registry-a" }, new() { Name = "registry-b" }] });
        var agent = Agent(pod);
        var args = Args(pod);

        var configs = args.Select((a, i) => (a, i)).Where(x => x.a == "--registry-config").Select(x => args[x.i + 1]).ToList();
        Assert.Equal(2, configs.Count);
        foreach (var (secret, config) in new[] { "registry-a", "registry-b" }.Zip(configs))
        {
            var volume = Assert.Single(pod.Spec.Volumes, v => v.Secret?.SecretName == secret);
            var item = Assert.Single(volume.Secret.Items);
            Assert.Equal(".dockerconfigjson", item.Key);
            Assert.Equal("config.json", item.Path);
            var mount = Assert.Single(agent.VolumeMounts, m => m.Name == volume.Name);
            Assert.True(mount.ReadOnlyProperty);
            Assert.Equal($"{mount.MountPath}/config.json", config);
        }

        Assert.Equal(pod.Spec.Volumes.Count, pod.Spec.Volumes.Select(v => v.Name).Distinct().Count());
        Assert.Equal(agent.VolumeMounts.Count, agent.VolumeMounts.Select(m => m.MountPath).Distinct().Count());
    }

    [Fact]
    public void Placement_is_passed_through()
    {
        var toleration = JsonNode.Parse("""{"key":"dedicated","operator":"Equal","value":"bench","effect":"NoExecute","tolerationSeconds":300}""")!.AsObject();
        var pod = Build(Scenario.Spec with
        {
            NodeName = Scenario.Node,
            NodeSelector = new Dictionary<string, string> { ["kubernetes.io/arch"] = "amd64", ["disk"] = "nvme" },
            Tolerations = [toleration],
        });

        Assert.Equal(Scenario.Node, pod.Spec.NodeName);
        Assert.Equal(new Dictionary<string, string> { ["kubernetes.io/arch"] = "amd64", ["disk"] = "nvme" }, pod.Spec.NodeSelector);
        var passed = Assert.Single(pod.Spec.Tolerations);
        Assert.Equal(("dedicated", "Equal", "bench", "NoExecute", 300L), (passed.Key, passed.OperatorProperty, passed.Value, passed.Effect, passed.TolerationSeconds));
    }

    [Fact]
    public void Without_placement_the_scheduler_chooses_freely()
    {
        var pod = Build();

        Assert.Null(pod.Spec.NodeName);
        Assert.Null(pod.Spec.NodeSelector);
        Assert.Null(pod.Spec.Tolerations);
    }

    [Theory]
    [InlineData("quantities as strings", """{"requests":{"cpu":"500m","memory":"256Mi"},"limits":{"memory":"1Gi"}}""", "500m", "1Gi")]
    [InlineData("integer quantities, as the CRD allows", """{"requests":{"cpu":2,"memory":"256Mi"},"limits":{"memory":1073741824}}""", "2", "1Gi")]
    public void Resources_are_passed_through(string @case, string resources, string cpuRequest, string memoryLimit)
    {
        var pod = Build(Scenario.Spec with { Resources = JsonNode.Parse(resources)!.AsObject() });

        var passed = Agent(pod).Resources;
        Assert.True(new ResourceQuantity(cpuRequest) == passed.Requests["cpu"], @case);
        Assert.True(new ResourceQuantity("256Mi") == passed.Requests["memory"], @case);
        Assert.True(new ResourceQuantity(memoryLimit) == passed.Limits["memory"], @case);
    }

    [Fact]
    public void Without_resources_the_container_has_none()
    {
        Assert.Null(Agent(Build()).Resources);
    }

    [Fact]
    public void The_agent_image_and_pull_policy_come_from_the_operator()
    {
        var pod = AgentPodBuilder.Build(Scenario.Benchmark(), Scenario.Options with { AgentImage = "localhost:5000/unpackbench@sha256:" + new string('e', 64), AgentImagePullPolicy = "Always" });

        Assert.Equal("localhost:5000/unpackbench@sha256:" + new string('e', 64), Agent(pod).Image);
        Assert.Equal("Always", Agent(pod).ImagePullPolicy);
    }

    [Fact]
    public void The_pod_serialises_and_round_trips()
    {
        var pod = Build(Scenario.Spec with
        {
            ImagePullSecrets = [new() { Name = "registry-a" }],
            Storage = new BenchmarkStorage { Type = StorageType.EmptyDir, SizeLimit = "20Gi" },
            Tolerations = [JsonNode.Parse("""{"operator":"Exists"}""")!.AsObject()],
            Resources = JsonNode.Parse("""{"limits":{"memory":"1Gi"}}""")!.AsObject(),
            Platform = "linux/arm64",
        });

        var json = KubernetesJson.Serialize(pod);
        var read = KubernetesJson.Deserialize<V1Pod>(json);

        Assert.Equal(json, KubernetesJson.Serialize(read));
        var document = JsonNode.Parse(json)!;
        Assert.Equal("v1", (string?)document["apiVersion"]);
        Assert.Equal("Pod", (string?)document["kind"]);
        Assert.False((bool)document["spec"]!["automountServiceAccountToken"]!);
        Assert.True((bool)document["spec"]!["containers"]![0]!["securityContext"]!["privileged"]!);
        Assert.Equal("20Gi", (string?)document["spec"]!["volumes"]![0]!["emptyDir"]!["sizeLimit"]);
        Assert.Equal(600, (int)document["spec"]!["activeDeadlineSeconds"]!);
    }

    // A Kubernetes label value: at most 63 characters, alphanumerics at both ends.
    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
