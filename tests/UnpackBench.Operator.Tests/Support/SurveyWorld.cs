using k8s;
using k8s.Models;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Reconciliation;

namespace UnpackBench.Operator.Tests.Support;

/// <summary>
/// A small world for survey decisions: nodes, the benchmark's pods and what their agents logged. Each
/// <see cref="Step"/> decides once and applies the plan as the executor and the API server would
/// (pods created Pending, deleted pods gone, the status stored), so tests can walk a survey through time.
/// </summary>
internal sealed class SurveyWorld
{
    private readonly Dictionary<string, AgentProgress> _progress = [];

    public SurveyWorld(UnpackBenchmarkSpec spec, params V1Node[] nodes)
    {
        Benchmark = Scenario.Benchmark(spec);
        Nodes = [.. nodes];
    }

    public V1Alpha1UnpackBenchmark Benchmark { get; private set; }

    public List<V1Node> Nodes { get; }

    public List<V1Pod> Pods { get; } = [];

    public DateTimeOffset Now { get; set; } = Scenario.Now;

    /// <summary>The most pods that existed at once after any step.</summary>
    public int MostPods { get; private set; }

    public UnpackBenchmarkStatus Status => Benchmark.Status!;

    public static UnpackBenchmarkSpec Spec(int maxParallel = 2, IReadOnlyDictionary<string, string>? selector = null) =>
        Scenario.Spec with { Placement = BenchmarkPlacement.EachNode, MaxParallelNodes = maxParallel, Runs = 2, NodeSelector = selector ?? new Dictionary<string, string>() };

    public static V1Node Node(string name, string ready = "True", bool cordoned = false, V1Taint? taint = null, IDictionary<string, string>? labels = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = labels ?? new Dictionary<string, string> { ["node.kubernetes.io/instance-type"] = "m5.large", ["topology.kubernetes.io/zone"] = "zone-a" } },
        Spec = new V1NodeSpec { Unschedulable = cordoned ? true : null, Taints = taint is null ? null : [taint] },
        Status = new V1NodeStatus
        {
            Conditions = [new V1NodeCondition { Type = "Ready", Status = ready, Reason = ready == "True" ? "KubeletReady" : "KubeletNotReady" }],
            NodeInfo = new V1NodeSystemInfo { KernelVersion = "6.1.0-test", ContainerRuntimeVersion = "containerd://1.7.0", Architecture = "amd64", OperatingSystem = "linux", BootID = "", KubeletVersion = "", KubeProxyVersion = "", MachineID = "", OsImage = "", SystemUUID = "" },
        },
    };

    /// <summary>Decides once and applies the plan.</summary>
    public ReconcilePlan Step()
    {
        var observed = new ObservedBenchmark(Benchmark, [.. Pods], null, AgentProgress.Empty, Now)
        {
            Nodes = [.. Nodes],
            ProgressOf = name => _progress.GetValueOrDefault(name, AgentProgress.Empty),
        };
        var plan = BenchmarkReconciler.Decide(observed, Scenario.Options);
        Pods.RemoveAll(p => plan.PodsToDelete.Contains(p) || plan.PodsToForceDelete.Contains(p) || plan.PodsToDeleteOnceRecorded.Contains(p));
        foreach (var created in plan.PodsToCreate)
        {
            var pod = KubernetesJson.Deserialize<V1Pod>(KubernetesJson.Serialize(created));
            pod.Metadata.Uid = "uid-" + pod.Metadata.Name;
            pod.Metadata.CreationTimestamp = Now.UtcDateTime;
            pod.Status = new V1PodStatus { Phase = "Pending" };
            Pods.Add(pod);
        }

        MostPods = Math.Max(MostPods, Pods.Count);
        if (plan.Status is { } status)
        {
            Benchmark = Scenario.After(Benchmark, plan with { Status = KubernetesStatus.RoundTrip(status) });
        }

        Benchmark.Metadata.Finalizers = plan.Finalizer switch
        {
            FinalizerChange.Add => [BenchmarkFinalizer.Name],
            FinalizerChange.Remove => null,
            _ => Benchmark.Metadata.Finalizers,
        };

        return plan;
    }

    /// <summary>Steps until the plan changes nothing (at most 20 times); returns the last plan.</summary>
    public ReconcilePlan Settle()
    {
        for (var i = 0; i < 20; i++)
        {
            var before = KubernetesJson.Serialize(Benchmark.Status);
            var pods = Pods.Count;
            var plan = Step();
            if (before == KubernetesJson.Serialize(Benchmark.Status) && pods == Pods.Count && plan.PodsToCreate.Count == 0 && plan.PodsToDelete.Count == 0)
            {
                return plan;
            }
        }

        throw new InvalidOperationException("the survey did not settle within 20 reconciles");
    }

    public V1Pod PodOn(string node) => Pods.Single(p => PinnedNode(p) == node);

    public static string? PinnedNode(V1Pod pod) =>
        pod.Spec.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms.Single().MatchFields.Single().Values.Single();

    /// <summary>The agent on <paramref name="node"/> runs and has logged <paramref name="runs"/> runs.</summary>
    public void Running(string node, int runs = 0)
    {
        var pod = Bind(node);
        KubeletPods.Running(pod);
        _progress[pod.Metadata.Name] = AgentLogs.Reading(AgentReports.LogWithRuns(Runs(runs, 1.0), total: 2));
    }

    /// <summary>
    /// The agent on <paramref name="node"/> finished both runs at about <paramref name="seconds"/> each (or
    /// wrote <paramref name="written"/>) and its log was read.
    /// </summary>
    public void Succeeded(string node, double seconds, BenchmarkResult? written = null)
    {
        var pod = Bind(node);
        var runs = Runs(2, seconds);
        var document = (written ?? AgentReports.Document(runs, numRuns: 2)) with { Environment = AgentReports.Document(runs).Environment with { Hostname = node, Kernel = "6.1.0-agent" } };
        KubeletPods.Succeeded(pod, Now.UtcDateTime, AgentReports.TerminationMessage(AgentOutcomes.Succeeded, null, "done", document));
        _progress[pod.Metadata.Name] = AgentLogs.ReadToEnd([.. AgentReports.LogWithRuns(runs, total: 2), AgentReports.ResultLine(document)]);
    }

    /// <summary>The calibrating agent on <paramref name="node"/> logged <paramref name="calibration"/> and has not exited yet.</summary>
    public void CalibrationLogged(string node, Core.Prediction.CalibrationDocument calibration)
    {
        var pod = Bind(node);
        KubeletPods.Running(pod);
        _progress[pod.Metadata.Name] = AgentLogs.Reading([AgentReports.StartedLine(), Calibrations.CalibrationLine(calibration)]);
    }

    /// <summary>The calibrating agent on <paramref name="node"/> wrote <paramref name="calibration"/> and exited; its log was read, or could not be.</summary>
    public void Calibrated(string node, Core.Prediction.CalibrationDocument calibration, bool logReadable = true)
    {
        var pod = Bind(node);
        KubeletPods.Succeeded(pod, Now.UtcDateTime, AgentReports.TerminationMessage(AgentOutcomes.Succeeded, null, $"calibrated {node}"));
        _progress[pod.Metadata.Name] = logReadable
            ? AgentLogs.ReadToEnd([AgentReports.StartedLine(), Calibrations.CalibrationLine(calibration)])
            : AgentLogs.Unreadable("the server could not find the requested resource (get pods/log)");
    }

    /// <summary>The kubelet evicted the agent on <paramref name="node"/>.</summary>
    public void Evicted(string node)
    {
        var pod = Bind(node);
        KubeletPods.Failed(pod, Now.UtcDateTime, exitCode: 137, podReason: "Evicted", podMessage: "The node was low on resource: ephemeral-storage.");
        _progress[pod.Metadata.Name] = AgentLogs.ReadToEnd([AgentReports.StartedLine()]);
    }

    private V1Pod Bind(string node)
    {
        var pod = PodOn(node);
        pod.Spec.NodeName = node;
        return pod;
    }

    private static List<RunResult> Runs(int count, double seconds) =>
        [.. Enumerable.Range(1, count).Select(i => AgentReports.SuccessfulRun(i, seconds + (i / 100.0)))];
}
