namespace UnpackBench.Core.AgentProtocol;

/// <summary>
/// Why an agent failed, as CamelCase reasons the operator copies into the benchmark's conditions.
/// They also tell whether trying again could help.
/// </summary>
public static class AgentFailureReasons
{
    /// <summary>An argument or spec value is wrong (exit code 2).</summary>
    public const string InvalidSpec = "InvalidSpec";

    /// <summary>The snapshotter does not exist or does not work on this node.</summary>
    public const string SnapshotterUnavailable = "SnapshotterUnavailable";

    /// <summary>The registry has no such image, tag or platform.</summary>
    public const string ImageNotFound = "ImageNotFound";

    /// <summary>Credentials were missing or rejected.</summary>
    public const string Unauthorized = "Unauthorized";

    /// <summary>The registry could not be reached.</summary>
    public const string RegistryUnreachable = "RegistryUnreachable";

    /// <summary>The image is corrupt or of a kind that cannot be unpacked.</summary>
    public const string InvalidImage = "InvalidImage";

    /// <summary>containerd is missing, could not start, or the node is unfit (overlay root, not privileged).</summary>
    public const string ContainerdUnavailable = "ContainerdUnavailable";

    /// <summary>Every timed run failed (disk full, clean-state violations, …).</summary>
    public const string AllRunsFailed = "AllRunsFailed";

    /// <summary>The benchmark stopped before all runs were done (containerd died, SIGTERM).</summary>
    public const string Incomplete = "Incomplete";

    /// <summary>A calibration could not be made: every run of a calibration image failed, or the model could not be fitted.</summary>
    public const string CalibrationFailed = "CalibrationFailed";

    /// <summary>A bug in the agent.</summary>
    public const string InternalError = "InternalError";

    /// <summary>Whether a new attempt could succeed without anyone changing anything.</summary>
    public static bool IsTransient(string reason) => reason is RegistryUnreachable or Incomplete;
}
