namespace UnpackBench.Core.Benchmarks;

/// <summary>
/// The summary of a survey: how many nodes, how they ended, the fastest and slowest row with their
/// medians and the spread between them, and the nodes left out when the survey started.
/// </summary>
public sealed record SurveyStatus
{
    /// <summary>Nodes the survey runs on, fixed when it started.</summary>
    public int Nodes { get; init; }

    /// <summary>Nodes whose every row succeeded.</summary>
    public int Succeeded { get; init; }

    /// <summary>Nodes with a failed row.</summary>
    public int Failed { get; init; }

    /// <summary>Nodes that matched but were left out (cordoned, NotReady, an untolerated taint).</summary>
    public int Skipped { get; init; }

    /// <summary><c>finished/nodes</c>, for the printer column.</summary>
    public string Progress { get; init; } = "";

    /// <summary>The row with the lowest median.</summary>
    public SurveyExtreme? Fastest { get; init; }

    /// <summary>The row with the highest median.</summary>
    public SurveyExtreme? Slowest { get; init; }

    /// <summary>Slowest median / fastest median, e.g. <c>1.84</c>; absent below two measured rows.</summary>
    public string? Spread { get; init; }

    /// <summary>The nodes left out, each with why.</summary>
    public IReadOnlyList<SkippedNode> SkippedNodes { get; init; } = [];
}

/// <summary>The fastest or slowest row of a survey.</summary>
public sealed record SurveyExtreme
{
    /// <summary>The node.</summary>
    public string NodeName { get; init; } = "";

    /// <summary>The snapshotter.</summary>
    public string? Snapshotter { get; init; }

    /// <summary>Its median, seconds.</summary>
    public string MedianSeconds { get; init; } = "";
}

/// <summary>A node the survey's selector matched but that was left out when the survey started.</summary>
public sealed record SkippedNode
{
    /// <summary>The node.</summary>
    public string NodeName { get; init; } = "";

    /// <summary><c>Cordoned</c>, <c>NotReady</c> or <c>Tainted</c>.</summary>
    public string Reason { get; init; } = "";

    /// <summary>A sentence, e.g. which taint.</summary>
    public string Message { get; init; } = "";
}
