namespace UnpackBench.Agent.CommandLine;

/// <summary>The agent's exit codes, part of its contract with scripts.</summary>
internal static class ExitCodes
{
    /// <summary>The benchmark ran and at least one run succeeded.</summary>
    public const int Success = 0;

    /// <summary>The benchmark failed at run time: every run failed, or it could not start.</summary>
    public const int Failed = 1;

    /// <summary>The command line or its values are wrong; nothing was started.</summary>
    public const int Usage = 2;

    /// <summary><c>compare</c>: the candidate unpacks slower than the baseline beyond the threshold, with 95 % confidence.</summary>
    public const int Regression = 3;

    /// <summary>Interrupted by SIGINT (128 + 2), as shells report it.</summary>
    public const int Interrupted = 130;
}
