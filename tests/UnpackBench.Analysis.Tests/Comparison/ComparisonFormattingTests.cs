using System.Text.Json;
using UnpackBench.Analysis.Comparison;
using UnpackBench.Analysis.Comparison.Formatting;
using UnpackBench.Analysis.Tests.Support;

namespace UnpackBench.Analysis.Tests.Comparison;

public sealed class ComparisonFormattingTests
{
    private static readonly double[] Runs = [1.0, 1.02, 0.98, 1.01, 0.99];

    private static ResultComparison Slower() => ResultComparer.Compare(
        SampleResults.With(Runs, [new(SampleResults.DiffId('a'), 1.0)], cpuSeconds: 1.2),
        SampleResults.With([.. Runs.Select(d => d * 3)], [new(SampleResults.DiffId('a'), 1 / 3.0), new(SampleResults.DiffId('f'), 2 / 3.0, 200_000_000)], cpuSeconds: 2.4),
        new ComparisonOptions());

    [Fact]
    public void Json_is_the_record_in_snake_case_with_verdicts_as_words()
    {
        var json = ComparisonJson.Serialize(Slower());

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("slower", root.GetProperty("verdict").GetString());
        Assert.Equal(5, root.GetProperty("threshold_percent").GetDouble());
        Assert.True(root.GetProperty("duration").GetProperty("lower").GetDouble() > 1.05);
        Assert.Equal("added", root.GetProperty("layers").GetProperty("layers")[1].GetProperty("change").GetString());
        Assert.Equal(SampleResults.DiffId('f'), root.GetProperty("layers").GetProperty("largest_change").GetString());
        Assert.Equal(2.0, root.GetProperty("resources").GetProperty("cpu_seconds").GetProperty("ratio").GetDouble(), 6);
        Assert.True(root.GetProperty("is_regression").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("runs_needed").ValueKind);
    }

    [Fact]
    public void Json_reads_back_into_the_same_comparison()
    {
        var comparison = Slower();

        var read = ComparisonJson.Deserialize(ComparisonJson.Serialize(comparison));

        Assert.Equal(comparison.Verdict, read.Verdict);
        Assert.Equal(comparison.Duration, read.Duration);
        Assert.Equal(comparison.Layers.Layers, read.Layers.Layers);
    }

    [Fact]
    public void Markdown_leads_with_the_verdict_and_tables_the_layers_and_resources()
    {
        var markdown = ComparisonMarkdown.Format(Slower());

        var lines = markdown.Split('\n');
        Assert.Equal("### Unpack time: **slower** (threshold ±5.0 %)", lines[0]);
        Assert.Contains("| Ratio of medians | 3.000 (95 % interval", markdown, StringComparison.Ordinal);
        Assert.Contains($"| 2 | added | `{Figures.ShortDigest(SampleResults.DiffId('f'))}` | 200.0 MB |", markdown, StringComparison.Ordinal);
        Assert.Contains("(largest)", lines.Single(l => l.Contains("| added |", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("| containerd CPU | 1.20 s -> 2.40 s (×2.00) |", markdown, StringComparison.Ordinal);
        Assert.All(lines.Where(l => l.StartsWith('|')), l => Assert.EndsWith("|", l.TrimEnd('\r'), StringComparison.Ordinal));
    }

    [Fact]
    public void Text_says_the_verdict_why_and_which_layer_moved()
    {
        var text = ComparisonText.Format(Slower());

        Assert.StartsWith("Unpack time: SLOWER (threshold ±5.0 %)", text, StringComparison.Ordinal);
        Assert.Contains("lies wholly above 1.050", text, StringComparison.Ordinal);
        Assert.Contains("1 added, 0 removed, 1 unchanged", text, StringComparison.Ordinal);
        Assert.Contains("<- largest change", text.Split('\n').Single(l => l.Contains(" added ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_inconclusive_comparison_says_how_many_runs_would_settle_it()
    {
        var comparison = ResultComparer.Compare(SampleResults.With([1.0, 1.1, 1.2]), SampleResults.With([1.0, 1.1, 1.3]), new ComparisonOptions());

        Assert.Contains("runs needed: about 4 successful runs per benchmark", ComparisonText.Format(comparison), StringComparison.Ordinal);
        Assert.Contains("Runs needed for a verdict: about 4 successful runs per benchmark", ComparisonMarkdown.Format(comparison), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_cells_show_pipes_and_underscores_in_names_literally()
    {
        var baseline = SampleResults.With(Runs) with { Environment = SampleResults.With(Runs).Environment with { Hostname = "node_a|b" } };
        var candidate = baseline with { };

        var markdown = ComparisonMarkdown.Format(ResultComparer.Compare(baseline, candidate, new ComparisonOptions()));

        Assert.Contains("node\\_a\\|b", markdown, StringComparison.Ordinal);
    }
}
