using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation.Survey;

/// <summary>
/// Tells a survey status that only moved forward — runs counted, figures so far, messages — from one
/// that changed what a reader acts on: a phase, a reason, a row's agent pod, attempts or result, the
/// survey's counts or its conditions. The first kind may wait a few seconds to be written together
/// with what follows it; the second is written at once.
/// </summary>
public static class SurveyProgress
{
    /// <summary>Whether <paramref name="next"/> differs from <paramref name="previous"/> only in progress.</summary>
    public static bool OnlyProgressed(UnpackBenchmarkStatus? previous, UnpackBenchmarkStatus next) =>
        previous is not null
        && previous.Phase == next.Phase
        && previous.ObservedGeneration == next.ObservedGeneration
        && previous.ResultConfigMap == next.ResultConfigMap
        && previous.Survey is { } survey && next.Survey is { } counts
        && (survey.Succeeded, survey.Failed, survey.Nodes) == (counts.Succeeded, counts.Failed, counts.Nodes)
        && previous.Conditions.Select(c => (c.Type, c.Status, c.Reason)).SequenceEqual(next.Conditions.Select(c => (c.Type, c.Status, c.Reason)))
        && previous.Nodes.Select(Shape).SequenceEqual(next.Nodes.Select(Shape));

    private static (string?, string?, string, string?, string, int, string?) Shape(NodeBenchmarkStatus row) =>
        (row.NodeName, row.Snapshotter, row.Phase, row.Reason, row.AgentPod, row.Attempts, row.ResultConfigMap);
}
