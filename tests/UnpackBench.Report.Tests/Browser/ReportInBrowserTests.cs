using UnpackBench.Analysis.Comparison;
using UnpackBench.Report.Survey;
using UnpackBench.Report.Tests.Support;

namespace UnpackBench.Report.Tests.Browser;

public sealed class ReportInBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly double[] Durations = [3.10, 3.02, 3.21, 3.05, 3.15];

    [Fact]
    public async Task A_report_opens_without_errors_or_requests_and_every_chart_shows_its_data()
    {
        var html = ReportRenderer.Render(new ReportInput(SampleResults.Benchmark(Durations, withFailedRun: true)));

        await using var report = await RenderedReport.OpenAsync(chromium.Browser, html);

        Assert.Empty(report.Problems);
        Assert.Empty(report.OutsideRequests);
        var charts = await ChartProbe.AllAsync(report.Page);
        Assert.Equal(["run-durations", "layer-waterfall", "resource-cpu", "resource-memory", "resource-pids"], charts.Select(c => c.Id));
        Assert.All(charts, chart =>
        {
            Assert.True(chart.Width > 600 && chart.Height > 150, $"{chart.Id} is {chart.Width}×{chart.Height}");
            Assert.True(chart.Marks > 0, $"{chart.Id} draws no data");
            Assert.True(chart.Points > 0, $"{chart.Id} has no data");
            Assert.Equal(chart.Points, chart.Rows);
            Assert.Equal("img", chart.Role);
            Assert.False(string.IsNullOrWhiteSpace(chart.Name), $"{chart.Id} has no accessible name");
        });
        var screenshot = await report.ScreenshotAsync("report.png");
        Assert.True(new FileInfo(screenshot).Length > 20_000, "the screenshot is nearly empty");
    }

    [Fact]
    public async Task Every_chart_has_a_title_and_axis_titles_with_units()
    {
        var html = ReportRenderer.Render(new ReportInput(SampleResults.Benchmark(Durations)));

        await using var report = await RenderedReport.OpenAsync(chromium.Browser, html);

        var texts = (await ChartProbe.AllAsync(report.Page)).ToDictionary(c => c.Id, c => c.Texts);
        Assert.Contains("Unpack time of each run", texts["run-durations"], StringComparison.Ordinal);
        Assert.Contains("Unpack time (s)", texts["run-durations"], StringComparison.Ordinal);
        Assert.Contains("Time since the run started (s)", texts["layer-waterfall"], StringComparison.Ordinal);
        Assert.Contains("CPU (% of one core)", texts["resource-cpu"], StringComparison.Ordinal);
        Assert.Contains("Memory (MiB, without page cache)", texts["resource-memory"], StringComparison.Ordinal);
        Assert.Contains("median 3.100 s", texts["run-durations"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_baseline_the_report_leads_with_the_verdict_and_charts_both_sides()
    {
        var baseline = SampleResults.Benchmark(Durations);
        var candidate = SampleResults.Benchmark([.. Durations.Select(d => d * 1.6)], image: "registry.example/app:2");
        var comparison = ResultComparer.Compare(baseline, candidate, new ComparisonOptions());
        var html = ReportRenderer.Render(new ReportInput(candidate, baseline, comparison));

        await using var report = await RenderedReport.OpenAsync(chromium.Browser, html);

        Assert.Empty(report.Problems);
        Assert.Empty(report.OutsideRequests);
        var verdict = await report.Page.Locator(".verdict").InnerTextAsync();
        Assert.StartsWith("slower than the baseline", verdict, StringComparison.Ordinal);
        var chart = (await ChartProbe.AllAsync(report.Page)).Single(c => c.Id == "comparison-runs");
        Assert.Equal(10, chart.Points);
        Assert.True(chart.Marks > 0);
        Assert.True(await report.Page.Locator("#comparison table.layers tbody tr").CountAsync() == 3);
        await report.ScreenshotAsync("comparison.png");
    }

    [Fact]
    public async Task Variants_and_floors_are_charted_with_their_data()
    {
        var result = SampleResults.WithFloorsAndDrift(SampleResults.WithVariants(SampleResults.Benchmark(Durations)));
        var html = ReportRenderer.Render(new ReportInput(result));

        await using var report = await RenderedReport.OpenAsync(chromium.Browser, html);

        Assert.Empty(report.Problems);
        Assert.Empty(report.OutsideRequests);
        var charts = (await ChartProbe.AllAsync(report.Page)).ToDictionary(c => c.Id);
        Assert.Equal(3, charts["variants-chart"].Points);
        Assert.Equal(3, charts["floors-chart"].Points);
        Assert.All(new[] { charts["variants-chart"], charts["floors-chart"] }, chart =>
        {
            Assert.True(chart.Marks > 0, $"{chart.Id} draws no data");
            Assert.Equal(chart.Points, chart.Rows);
        });
        Assert.Contains("Median unpack time (s)", charts["variants-chart"].Texts, StringComparison.Ordinal);
        await report.ScreenshotAsync("variants.png");
    }

    [Fact]
    public async Task A_survey_report_compares_its_nodes_in_a_chart_and_a_table_and_lists_what_was_left_out()
    {
        var html = SurveyReportRenderer.Render(SampleSurvey.Input());

        await using var report = await RenderedReport.OpenAsync(chromium.Browser, html);

        Assert.Empty(report.Problems);
        Assert.Empty(report.OutsideRequests);
        Assert.Equal("Unpack survey: registry.example/app:1", await report.Page.Locator("h1").InnerTextAsync());
        var chart = Assert.Single(await ChartProbe.AllAsync(report.Page));
        Assert.Equal(("node-comparison", 5, 5), (chart.Id, chart.Points, chart.Rows));
        Assert.True(chart.Marks >= 5, $"the chart draws {chart.Marks} marks for 5 rows");
        Assert.True(chart.Width > 600 && chart.Height > 150, $"the chart is {chart.Width}×{chart.Height}");
        Assert.Contains("Median unpack time per node and snapshotter", chart.Texts, StringComparison.Ordinal);
        Assert.Contains("Unpack time (s)", chart.Texts, StringComparison.Ordinal);
        Assert.Contains("node-b · native", chart.Texts, StringComparison.Ordinal);
        Assert.Contains("the slowest node-b · native at 3.300 s: a spread of ×2.73", chart.Name, StringComparison.Ordinal);

        var rows = report.Page.Locator("table.nodes tbody tr");
        Assert.Equal(5, await rows.CountAsync());
        Assert.StartsWith("node-a\toverlayfs\tm6id.xlarge", await rows.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("×2.73", await rows.Last.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("snapshotter 'native' is not available", await report.Page.Locator("table.failed-rows").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Cordoned", await report.Page.Locator("table.skipped-nodes").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("3 surveyed: 2 succeeded, 1 failed; 1 left out", await report.Page.Locator("#survey").InnerTextAsync(), StringComparison.Ordinal);
        await report.ScreenshotAsync("survey.png");
    }

    [Fact]
    public async Task A_survey_without_its_node_documents_still_compares_its_rows()
    {
        var html = SurveyReportRenderer.Render(new SurveyReportInput(SampleSurvey.Index(), new Dictionary<string, Core.Results.BenchmarkResult>()));

        await using var report = await RenderedReport.OpenAsync(chromium.Browser, html);

        Assert.Empty(report.Problems);
        var chart = Assert.Single(await ChartProbe.AllAsync(report.Page));
        Assert.Equal(5, chart.Points);
        Assert.Contains("0 of 3 given; the runs of the others are not shown", await report.Page.Locator("#survey").InnerTextAsync(), StringComparison.Ordinal);
    }
}
