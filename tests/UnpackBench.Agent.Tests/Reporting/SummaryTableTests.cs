using Spectre.Console;
using UnpackBench.Agent.Reporting;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Tests.Reporting;

/// <summary>The human tables, rendered as a terminal would show them (wide, without colour).</summary>
public sealed class SummaryTableTests
{
    [Fact]
    public void Several_variants_get_a_comparison_row_each_with_speedup_and_pull_plus_unpack()
    {
        var text = Render(Documents.WithVariants());

        Assert.Contains("Variants", text, StringComparison.Ordinal);
        Assert.Contains("1.80× [1.60, 2.00]", Row(text, "zstd"), StringComparison.Ordinal);
        Assert.Contains("Pull + unpack at 1000 Mbit/s (s)", text, StringComparison.Ordinal);
        Assert.Contains("4.20", Row(text, "zstd"), StringComparison.Ordinal);
        Assert.Contains("unknown snapshotter 'nosuch'", Row(text, "nosuch"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_variant_prints_no_comparison_table() =>
        Assert.DoesNotContain("Variants", Render(Documents.Plain()), StringComparison.Ordinal);

    [Fact]
    public void Drift_first_run_floors_and_durable_figures_are_in_the_statistics()
    {
        var text = Render(Documents.WithPhysics());

        Assert.Contains("+1.960 s per run", Row(text, "Drift"), StringComparison.Ordinal);
        Assert.Contains("--cache drop", Row(text, "Drift"), StringComparison.Ordinal);
        Assert.Contains("2.0× the others", Row(text, "First run"), StringComparison.Ordinal);
        Assert.Contains("0.35", Row(text, "Efficiency (decompress floor"), StringComparison.Ordinal);
        Assert.Contains("2.27×", Row(text, "Overhead vs tar"), StringComparison.Ordinal);
        Assert.Contains("5.500 s", Row(text, "Durable"), StringComparison.Ordinal);
        Assert.Contains("Sync (s)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_root_on_ext4_without_a_journal_is_pointed_out_and_any_other_root_is_only_named()
    {
        var plain = Documents.Plain();
        var noJournal = plain with { Environment = plain.Environment with { RootFilesystem = RootFilesystems.Ext4WithoutJournal } };

        Assert.Contains("ext4 (no journal): the cost per file grows with the files deleted in the minutes before", Row(Render(noJournal), "containerd's root on"), StringComparison.Ordinal);
        Assert.Equal(plain.Environment.RootFilesystem, Row(Render(plain), "containerd's root on").Split('│')[2].Trim());
    }

    private static string Render(BenchmarkResult result)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 400;
        console.Write(SummaryTable.Build(result));
        return writer.ToString();
    }

    private static string Row(string text, string containing) =>
        text.Split('\n').FirstOrDefault(l => l.Contains(containing, StringComparison.Ordinal)) ?? $"(no line with '{containing}' in:\n{text})";
}
