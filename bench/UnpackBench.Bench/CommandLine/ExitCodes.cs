namespace UnpackBench.Bench.CommandLine;

/// <summary>The bench's exit codes. A ratio outside its target is still a success: the benchmark measures.</summary>
internal static class ExitCodes
{
    /// <summary>The benchmark ran (whatever the ratios).</summary>
    public const int Success = 0;

    /// <summary>Something broke: a missing tool, a failed agent or ctr run, a dirty namespace.</summary>
    public const int Failed = 1;

    /// <summary>The command line is wrong.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted by Ctrl+C or SIGTERM.</summary>
    public const int Interrupted = 130;
}
