using UnpackBench.Core.Prediction;

namespace UnpackBench.Analysis.Prediction;

/// <summary>Summarises relative errors: (predicted − measured) / measured.</summary>
public static class ErrorSummaries
{
    /// <summary>The summary of <paramref name="relativeErrors"/> (at least one).</summary>
    public static ErrorSummary Of(IReadOnlyCollection<double> relativeErrors)
    {
        ArgumentOutOfRangeException.ThrowIfZero(relativeErrors.Count);
        var absolute = relativeErrors.Select(Math.Abs).Order().ToList();
        var middle = absolute.Count / 2;
        return new ErrorSummary
        {
            Count = absolute.Count,
            MedianAbsoluteRelativeError = absolute.Count % 2 == 1 ? absolute[middle] : (absolute[middle - 1] + absolute[middle]) / 2,
            MaxAbsoluteRelativeError = absolute[^1],
            RmsRelativeError = Math.Sqrt(relativeErrors.Average(e => e * e)),
        };
    }

    /// <summary>(predicted − measured) / measured.</summary>
    public static double Relative(double predicted, double measured) => (predicted - measured) / measured;
}
