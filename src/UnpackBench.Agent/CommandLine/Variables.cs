namespace UnpackBench.Agent.CommandLine;

/// <summary>Small helpers the validation rules share.</summary>
internal static class Variables
{
    /// <summary>The trimmed value, or null when it is missing or blank.</summary>
    public static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Parses with <paramref name="parse"/>; a <see cref="FormatException"/> becomes a problem.</summary>
    public static T? Try<T>(Func<T> parse, List<string> problems)
        where T : class
    {
        try
        {
            return parse();
        }
        catch (FormatException e)
        {
            problems.Add(e.Message);
            return null;
        }
    }
}
