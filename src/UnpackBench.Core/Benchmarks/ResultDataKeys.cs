namespace UnpackBench.Core.Benchmarks;

/// <summary>
/// The data keys of the ConfigMaps the operator keeps results in, defined once for the operator that
/// writes them and the agent's <c>report</c> that reads them as <c>kubectl get cm -o json</c> prints them.
/// </summary>
public static class ResultDataKeys
{
    /// <summary>A result document (<c>&lt;name&gt;-result</c>, a survey's <c>&lt;name&gt;-result-&lt;node&gt;</c>).</summary>
    public const string Document = "result.json";

    /// <summary>A finished survey's index (<c>&lt;name&gt;-result</c>).</summary>
    public const string SurveyIndex = "index.json";
}
