using UnpackBench.Analysis.Comparison;
using UnpackBench.Report.Tests.Support;

namespace UnpackBench.Report.Tests.Sections;

public sealed class ReportSectionsTests
{
    private static readonly double[] Durations = [1.0, 1.1, 0.9, 1.05];

    [Fact]
    public void A_document_without_a_series_has_no_resources_section()
    {
        var html = ReportRenderer.Render(new ReportInput(SampleResults.Benchmark(Durations, withSeries: false)));

        Assert.DoesNotContain("id=\"resources\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"runs\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"layers\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_baseline_there_is_no_comparison_and_with_one_there_is()
    {
        var result = SampleResults.Benchmark(Durations);

        Assert.DoesNotContain("id=\"comparison\"", ReportRenderer.Render(new ReportInput(result)), StringComparison.Ordinal);
        var comparison = ResultComparer.Compare(result, result, new ComparisonOptions());
        Assert.Contains("id=\"comparison\"", ReportRenderer.Render(new ReportInput(result, result, comparison)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_benchmark_whose_runs_all_failed_still_reports_them_without_charts()
    {
        var result = SampleResults.Benchmark([], withFailedRun: true);

        var html = ReportRenderer.Render(new ReportInput(result));

        Assert.Contains("No run succeeded", html, StringComparison.Ordinal);
        Assert.Contains("snapshot sha256:abc survived clearing", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<figure", html, StringComparison.Ordinal);
        Assert.Contains("id=\"notes\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_holds_no_script_and_links_to_nothing()
    {
        var html = ReportRenderer.Render(new ReportInput(SampleResults.Benchmark(Durations)));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Text_from_the_document_is_encoded()
    {
        var result = SampleResults.Benchmark(Durations, image: "registry.example/<script>alert(1)</script>");

        var html = ReportRenderer.Render(new ReportInput(result));

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Variants_floors_and_drift_appear_only_when_the_document_has_them()
    {
        var plain = ReportRenderer.Render(new ReportInput(SampleResults.Benchmark(Durations)));
        var rich = ReportRenderer.Render(new ReportInput(SampleResults.WithFloorsAndDrift(SampleResults.WithVariants(SampleResults.Benchmark(Durations)))));

        foreach (var marker in new[] { "id=\"variants\"", "id=\"floors\"", "The runs drift", "Dirty at start", "Efficiency" })
        {
            Assert.DoesNotContain(marker, plain, StringComparison.Ordinal);
            Assert.Contains(marker, rich, StringComparison.Ordinal);
        }

        Assert.Contains("snapshotter &#x27;btrfs&#x27; is not available", rich, StringComparison.Ordinal);
        Assert.Contains("×1.67 (1.550–1.800)", rich, StringComparison.Ordinal);
    }
}
