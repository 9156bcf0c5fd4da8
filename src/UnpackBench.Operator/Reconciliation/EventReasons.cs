namespace UnpackBench.Operator.Reconciliation;

/// <summary>The reasons of the Events the operator records about a benchmark, where code other than the one recording them relies on them.</summary>
public static class EventReasons
{
    /// <summary>An agent pod was created.</summary>
    public const string Started = "Started";

    /// <summary>A timed run succeeded.</summary>
    public const string RunCompleted = "RunCompleted";

    /// <summary>A timed run failed.</summary>
    public const string RunFailed = "RunFailed";

    /// <summary>The benchmark (of a survey: every node) succeeded.</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>One survey node's benchmark succeeded.</summary>
    public const string NodeSucceeded = "NodeSucceeded";

    /// <summary>A survey's agent pod was evicted and is tried once more.</summary>
    public const string AgentPodEvicted = "AgentPodEvicted";
}
