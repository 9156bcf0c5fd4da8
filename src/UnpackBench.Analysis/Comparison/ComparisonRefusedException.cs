namespace UnpackBench.Analysis.Comparison;

/// <summary>Two result documents cannot be compared; <see cref="Differences"/> names every field that differs.</summary>
public sealed class ComparisonRefusedException : Exception
{
    /// <summary>Creates the refusal from the differing fields.</summary>
    public ComparisonRefusedException(IReadOnlyList<FieldDifference> differences)
        : base(Describe(differences)) => Differences = differences;

    /// <summary>Creates the refusal with a message only (no field differs).</summary>
    public ComparisonRefusedException(string message)
        : base(message) => Differences = [];

    /// <summary>Creates the refusal with a message and its cause.</summary>
    public ComparisonRefusedException(string message, Exception inner)
        : base(message, inner) => Differences = [];

    /// <summary>The fields that differ.</summary>
    public IReadOnlyList<FieldDifference> Differences { get; }

    /// <summary>Whether forcing the comparison would let it go ahead.</summary>
    public bool Forceable => Differences.Count > 0 && Differences.All(d => d.Forceable);

    private static string Describe(IReadOnlyList<FieldDifference> differences)
    {
        var lines = string.Join("; ", differences);
        return differences.All(d => d.Forceable)
            ? $"the documents are not comparable: {lines}. Benchmark both on the same node and setup"
            : $"the documents cannot be compared: {lines}";
    }
}
