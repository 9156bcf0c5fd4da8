using System.Text;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation;

public sealed class ResultDocumentFitterTests
{
    private static BenchmarkResult Document(int runs, int seriesPoints, int layers = 2) =>
        AgentReports.Document([.. Enumerable.Range(1, runs).Select(i => AgentReports.SuccessfulRun(i, seriesPoints: seriesPoints, layers: layers))], runs);

    private static int Size(string json) => Encoding.UTF8.GetByteCount(json);

    private static BenchmarkResult Stripped(BenchmarkResult document, bool series, bool layers) => document with
    {
        Runs = [.. document.Runs.Select(r => r with
        {
            Metrics = series ? r.Metrics! with { Series = [] } : r.Metrics,
            Layers = layers ? [] : r.Layers,
        })],
    };

    [Fact]
    public void A_document_under_the_limit_is_unchanged()
    {
        var document = Document(runs: 5, seriesPoints: 200);

        Assert.Equal(ResultJson.Serialize(document), ResultDocumentFitter.Fit(document));
    }

    [Fact]
    public void A_document_over_the_limit_gets_its_series_downsampled_and_fits()
    {
        var document = Document(runs: 100, seriesPoints: 200);
        Assert.True(Size(ResultJson.Serialize(document)) > ResultDocumentFitter.DefaultMaxBytes);

        var json = ResultDocumentFitter.Fit(document);

        Assert.True(Size(json) <= ResultDocumentFitter.DefaultMaxBytes);
        var fitted = ResultJson.Deserialize(json);
        Assert.Equal(100, fitted.Runs.Count);
        Assert.All(fitted.Runs, r => Assert.InRange(r.Metrics!.Series.Count, 1, 100));
        Assert.Contains(fitted.Notes, n => n.Contains("downsampled", StringComparison.Ordinal));
        Assert.All(fitted.Runs.Zip(document.Runs), pair =>
        {
            Assert.Equal(pair.Second.PeakMetrics, pair.First.PeakMetrics);
            Assert.Equal(pair.Second.Layers.Count, pair.First.Layers.Count);
            Assert.Equal(pair.Second.Metrics!.Series.Max(s => s.CpuPercent), pair.First.Metrics!.Series.Max(s => s.CpuPercent));
        });
        Assert.Equal(document.Summary, fitted.Summary);
    }

    [Fact]
    public void With_a_tiny_limit_the_series_are_dropped_before_the_layer_timings()
    {
        var document = Document(runs: 20, seriesPoints: 200);
        var limit = Size(ResultJson.Serialize(Stripped(document, series: true, layers: false))) + 500;

        var json = ResultDocumentFitter.Fit(document, limit);

        Assert.True(Size(json) <= limit);
        var fitted = ResultJson.Deserialize(json);
        Assert.All(fitted.Runs, r => Assert.Empty(r.Metrics!.Series));
        Assert.All(fitted.Runs, r => Assert.Equal(2, r.Layers.Count));
        Assert.Contains(fitted.Notes, n => n.Contains("time series were removed", StringComparison.Ordinal));
        Assert.DoesNotContain(fitted.Notes, n => n.Contains("per-layer", StringComparison.Ordinal));
    }

    [Fact]
    public void When_dropping_the_series_is_not_enough_the_layer_timings_go_too()
    {
        var document = Document(runs: 20, seriesPoints: 50, layers: 30);
        var limit = Size(ResultJson.Serialize(Stripped(document, series: true, layers: true))) + 500;

        var json = ResultDocumentFitter.Fit(document, limit);

        Assert.True(Size(json) <= limit);
        var fitted = ResultJson.Deserialize(json);
        Assert.All(fitted.Runs, r => Assert.Empty(r.Metrics!.Series));
        Assert.All(fitted.Runs, r => Assert.Empty(r.Layers));
        Assert.All(fitted.Runs.Zip(document.Runs), pair => Assert.Equal(pair.Second.DurationSeconds, pair.First.DurationSeconds));
        Assert.Contains(fitted.Notes, n => n.Contains("time series were removed", StringComparison.Ordinal));
        Assert.Contains(fitted.Notes, n => n.Contains("per-layer timings were removed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_document_without_series_sheds_its_layer_timings()
    {
        var document = Stripped(Document(runs: 20, seriesPoints: 1, layers: 30), series: true, layers: false);
        var limit = Size(ResultJson.Serialize(Stripped(document, series: true, layers: true))) + 500;

        var fitted = ResultJson.Deserialize(ResultDocumentFitter.Fit(document, limit));

        Assert.All(fitted.Runs, r => Assert.Empty(r.Layers));
        Assert.Single(fitted.Notes);
    }

    [Fact]
    public void A_document_that_cannot_fit_even_stripped_is_refused_with_its_size()
    {
        var document = Document(runs: 5, seriesPoints: 10);

        var error = Assert.Throws<InvalidOperationException>(() => ResultDocumentFitter.Fit(document, 1000));

        Assert.Contains("cannot fit a ConfigMap", error.Message, StringComparison.Ordinal);
    }
}
