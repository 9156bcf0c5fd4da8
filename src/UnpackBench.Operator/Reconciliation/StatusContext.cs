using System.Globalization;
using k8s.Models;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// Builds a benchmark's next status from the previous one and what was observed. Figures already in
/// the status are kept when the agent's log has not been (re)read yet — after an operator restart,
/// say — so a reconcile never makes completed runs disappear.
/// </summary>
internal sealed class StatusContext
{
    public StatusContext(V1Alpha1UnpackBenchmark benchmark, long generation, DateTimeOffset now, V1Pod? pod, AgentProgress progress, AgentSlot? slot = null, NodeFacts? facts = null, NodeFacts? nodeNow = null)
    {
        Slot = slot ?? AgentSlot.OneNode;
        Facts = facts ?? NodeFacts.None;
        NodeNow = nodeNow ?? Facts;
        Benchmark = benchmark;
        Generation = generation;
        Now = new DateTimeOffset(now.UtcDateTime.Ticks - now.UtcDateTime.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        Pod = pod;
        Progress = progress;
        Previous = benchmark.Status ?? new UnpackBenchmarkStatus();
        SameGeneration = Previous.ObservedGeneration == generation;
    }

    public V1Alpha1UnpackBenchmark Benchmark { get; }

    /// <summary>Where the agent pod goes: anywhere (a benchmark on one node) or one survey node.</summary>
    public AgentSlot Slot { get; }

    /// <summary>What is known of the agent's node from its Node object.</summary>
    public NodeFacts Facts { get; }

    /// <summary>What the agent's Node object says now (not what the rows recorded, which the agent's document may have replaced).</summary>
    public NodeFacts NodeNow { get; }

    /// <summary>The name of the ConfigMap this slot's result goes to.</summary>
    public string ResultConfigMapName => Slot.ResultConfigMapName(Benchmark);

    public long Generation { get; }

    /// <summary>Now, to the second, as Kubernetes timestamps are.</summary>
    public DateTimeOffset Now { get; }

    public V1Pod? Pod { get; }

    public AgentProgress Progress { get; }

    public UnpackBenchmarkStatus Previous { get; }

    /// <summary>The agent's termination message, once it exited and wrote one.</summary>
    public AgentTerminationMessage? Termination => Pod is null ? null : AgentTerminationMessageJson.TryParse(PodObservation.Terminated(Pod)?.Message);

    /// <summary>Whether the previous status describes the current spec.</summary>
    public bool SameGeneration { get; }

    /// <summary>Whether this generation already ended (Succeeded or Failed).</summary>
    public bool AlreadyFinished => SameGeneration && BenchmarkPhase.IsFinished(Previous.Phase);

    /// <summary>The reason the previous status gave.</summary>
    public string? PreviousReason => Previous.Conditions.FirstOrDefault(c => c.Type == ConditionSet.Ready)?.Reason;

    /// <summary>When the agent started, as far as anyone observed.</summary>
    public DateTimeOffset? StartTime =>
        Pod?.Status?.StartTime is { } started ? new DateTimeOffset(started, TimeSpan.Zero) : SameGeneration ? Previous.StartTime : null;

    /// <summary>Runs completed: those logged, or more if the status already counted more (the log may not have been read again yet).</summary>
    public int CompletedRuns => Math.Max(
        Math.Max(Progress.Runs.Count, Termination is { SuccessfulRuns: { } succeeded } termination ? succeeded + (termination.FailedRuns ?? 0) : 0),
        SameGeneration ? Previous.CompletedRuns : 0);

    /// <summary>Whether this generation's agent pod was created before (so its absence means it was lost).</summary>
    public bool CreatedPodBefore(string podName) =>
        SameGeneration && Previous.Nodes.Any(n => n.AgentPod == podName) && Previous.Phase is BenchmarkPhase.Pending or BenchmarkPhase.Running;

    /// <summary>
    /// Events for runs the status has not counted yet, one per run: from the log, or, for runs the log has not
    /// shown (it lagged behind an agent that already ended, or could not be read), from the termination
    /// message's run times. The status counts the termination message's runs too, so a run left out here
    /// would never get its event.
    /// </summary>
    public IReadOnlyList<BenchmarkEvent> RunEvents()
    {
        var counted = SameGeneration ? Previous.CompletedRuns : 0;
        var logged = Progress.Runs.Values
            .Where(r => r.RunId > counted)
            .Select(r => (r.RunId, Event: r.Status == RunResult.Success
                ? Completed(r.RunId, r.DurationSeconds)
                : new BenchmarkEvent("Warning", EventReasons.RunFailed, $"run {r.RunId}/{Benchmark.Spec.Runs} failed: {r.Error}")));
        var fromTermination = (Termination?.RunSeconds ?? Array.Empty<double?>())
            .Select((seconds, i) => (RunId: i + 1, Seconds: seconds))
            .Where(r => r.RunId > counted && !Progress.Runs.ContainsKey(r.RunId))
            .Select(r => (r.RunId, Event: r.Seconds is { } seconds
                ? Completed(r.RunId, seconds)
                : new BenchmarkEvent("Warning", EventReasons.RunFailed, $"run {r.RunId}/{Benchmark.Spec.Runs} failed (from the agent's termination message; the result document says why)")));
        return [.. logged.Concat(fromTermination).OrderBy(r => r.RunId).Select(r => r.Event)];
    }

    private BenchmarkEvent Completed(int runId, double? seconds) =>
        new("Normal", EventReasons.RunCompleted, string.Create(CultureInfo.InvariantCulture, $"run {runId}/{Benchmark.Spec.Runs}: {seconds:0.000} s"));

    // Says whether the result ConfigMap holds the agent's own document or one the operator pieced together.
    private static BenchmarkCondition? ResultCondition(string? resultConfigMap, string? partialBecause) => resultConfigMap is null
        ? null
        : partialBecause is null
            ? new BenchmarkCondition { Type = ConditionSet.ResultComplete, Status = "True", Reason = "AgentDocument", Message = $"ConfigMap {resultConfigMap} holds the agent's full result document" }
            : new BenchmarkCondition { Type = ConditionSet.ResultComplete, Status = "False", Reason = "PartialResult", Message = $"ConfigMap {resultConfigMap} holds a partial result: {partialBecause}" };

    /// <summary>The status for <paramref name="phase"/>; <paramref name="partialBecause"/> says why the result document is partial, if it is.</summary>
    public UnpackBenchmarkStatus Status(string phase, string reason, string message, string? resultConfigMap = null, bool finished = false, string? partialBecause = null)
    {
        var completed = CompletedRuns;
        var summary = StatusSummarizer.Summarize(Progress)
            ?? StatusSummarizer.FromTermination(Termination)
            ?? (SameGeneration ? Previous.Summary : null);
        var nodeName = Slot.Node ?? Pod?.Spec.NodeName ?? (SameGeneration ? Previous.NodeName : null);
        var finishedAt = Pod is null ? null : PodObservation.Terminated(Pod)?.FinishedAt;
        return new UnpackBenchmarkStatus
        {
            Phase = phase,
            ObservedGeneration = Generation,
            Conditions = ConditionSet.For(phase, reason, message, Generation, Previous.Conditions, Now, ResultCondition(resultConfigMap, partialBecause)),
            StartTime = StartTime,
            CompletionTime = !finished ? null : finishedAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : SameGeneration && Previous.CompletionTime is { } previous ? previous : Now,
            CompletedRuns = completed,
            Runs = Benchmark.Spec.Runs,
            Progress = $"{completed}/{Benchmark.Spec.Runs}",
            NodeName = nodeName,
            ResultConfigMap = resultConfigMap ?? (SameGeneration && finished ? Previous.ResultConfigMap : null),
            Image = StatusSummarizer.Image(Progress) ?? StatusSummarizer.ImageFromTermination(Termination) ?? (SameGeneration ? Previous.Image : null),
            Summary = summary,
            Nodes =
            [
                StatusRows.Row(
                    nodeName, Benchmark.Spec.EffectiveSnapshotters[0], Facts.With(Progress.Result?.Environment ?? Progress.Calibration?.Node), Pod?.Metadata.Name ?? Slot.PodName(Benchmark),
                    phase, reason, message, completed, summary, resultConfigMap ?? (SameGeneration && finished ? Previous.ResultConfigMap : null)),
            ],
        };
    }
}
