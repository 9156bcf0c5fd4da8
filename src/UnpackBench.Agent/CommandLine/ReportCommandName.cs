namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// The name of the agent's <c>report</c> command, shared by the command that renders the page and the
/// stand-in that builds without the report renderer compile instead (UnpackBenchReport=false).
/// </summary>
internal static class ReportCommandName
{
    /// <summary>The command's name on the command line.</summary>
    public const string Value = "report";
}
