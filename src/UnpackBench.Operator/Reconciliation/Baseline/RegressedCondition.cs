namespace UnpackBench.Operator.Reconciliation.Baseline;

/// <summary>
/// The condition a benchmark with <c>spec.baseline</c> carries, its reasons and the events of its changes.
/// True when the benchmark is slower than its baseline beyond the threshold with 95 % confidence, False
/// when it is the same or faster, Unknown with a reason otherwise: no result yet, the baseline missing,
/// running, failed or unreadable, documents of different setups, or too few runs for a verdict.
/// </summary>
public static class RegressedCondition
{
    /// <summary>The condition's type.</summary>
    public const string Type = "Regressed";

    /// <summary>True: slower beyond the threshold.</summary>
    public const string Slower = "Slower";

    /// <summary>False: faster beyond the threshold.</summary>
    public const string Faster = "Faster";

    /// <summary>False: within the threshold.</summary>
    public const string Same = "Same";

    /// <summary>Unknown: the interval straddles a bound, or the runs are too few for one.</summary>
    public const string Inconclusive = "Inconclusive";

    /// <summary>Unknown: the documents measure different setups (node, snapshotter, …) and force is off.</summary>
    public const string NotComparable = "NotComparable";

    /// <summary>Unknown: this benchmark has not succeeded yet.</summary>
    public const string AwaitingResult = "AwaitingResult";

    /// <summary>Unknown: this benchmark failed, so there is nothing to compare.</summary>
    public const string NoResult = "NoResult";

    /// <summary>Unknown: the baseline does not exist in the namespace.</summary>
    public const string BaselineNotFound = "BaselineNotFound";

    /// <summary>Unknown: the baseline benchmark has not succeeded for its current spec yet.</summary>
    public const string BaselineRunning = "BaselineRunning";

    /// <summary>Unknown: the baseline benchmark failed.</summary>
    public const string BaselineFailed = "BaselineFailed";

    /// <summary>Unknown: the baseline succeeded but its result ConfigMap is not there (yet).</summary>
    public const string BaselineResultMissing = "BaselineResultMissing";

    /// <summary>Unknown: the baseline ConfigMap holds no result document under the key.</summary>
    public const string BaselineInvalid = "BaselineInvalid";

    /// <summary>Unknown: the baseline ConfigMap could not be read (e.g. RBAC).</summary>
    public const string BaselineUnreadable = "BaselineUnreadable";

    /// <summary>Unknown: spec.baseline names the benchmark itself.</summary>
    public const string BaselineIsSelf = "BaselineIsSelf";

    /// <summary>Unknown: no node × snapshotter was measured by both sides.</summary>
    public const string NothingInCommon = "NothingInCommon";

    /// <summary>Event reason: a comparison found the benchmark slower than its baseline.</summary>
    public const string RegressedEvent = "Regressed";

    /// <summary>Event reason: a comparison was made and found no regression.</summary>
    public const string ComparedEvent = "Compared";
}
