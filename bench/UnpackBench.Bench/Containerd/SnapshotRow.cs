namespace UnpackBench.Bench.Containerd;

/// <summary>One line of <c>ctr snapshots ls</c>: key, parent (empty for a bottom snapshot) and kind.</summary>
internal sealed record SnapshotRow(string Key, string Parent, string Kind)
{
    /// <summary>
    /// Parses <c>ctr snapshots ls</c> output: a <c>KEY PARENT KIND</c> header, then rows aligned to it. Columns are
    /// cut at the header's positions, because keys may contain spaces (ctr's extraction snapshots are named
    /// <c>extract-&lt;id&gt; &lt;chain ID&gt;</c>).
    /// </summary>
    public static IReadOnlyList<SnapshotRow> ParseList(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd()).Where(line => line.Length > 0).ToList();
        if (lines.Count == 0)
        {
            return [];
        }

        var header = lines[0];
        var parentColumn = header.IndexOf("PARENT", StringComparison.Ordinal);
        var kindColumn = header.IndexOf("KIND", StringComparison.Ordinal);
        if (!header.StartsWith("KEY", StringComparison.Ordinal) || parentColumn < 0 || kindColumn < parentColumn)
        {
            throw new FormatException($"unexpected header in `ctr snapshots ls` output: {header}");
        }

        return [.. lines.Skip(1).Select(line => line.Length <= kindColumn
            ? throw new FormatException($"unexpected line in `ctr snapshots ls` output: {line}")
            : new SnapshotRow(line[..parentColumn].Trim(), line[parentColumn..kindColumn].Trim(), line[kindColumn..].Trim()))];
    }
}
