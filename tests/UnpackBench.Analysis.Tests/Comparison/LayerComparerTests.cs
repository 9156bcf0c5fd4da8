using UnpackBench.Analysis.Comparison;
using UnpackBench.Analysis.Tests.Support;

namespace UnpackBench.Analysis.Tests.Comparison;

public sealed class LayerComparerTests
{
    private static readonly double[] Runs = [1.0, 1.02, 0.98, 1.01, 0.99];

    [Fact]
    public void Layers_are_matched_by_diff_id_into_added_removed_and_unchanged()
    {
        var baseline = SampleResults.With(Runs, [new(SampleResults.DiffId('a'), 0.5), new(SampleResults.DiffId('b'), 0.5)]);
        var candidate = SampleResults.With(Runs, [new(SampleResults.DiffId('a'), 0.5), new(SampleResults.DiffId('c'), 0.5)]);

        var layers = LayerComparer.Compare(baseline, candidate, 0.05);

        Assert.Equal((1, 1, 1), (layers.Added, layers.Removed, layers.Unchanged));
        Assert.Equal(
            [(SampleResults.DiffId('a'), LayerChangeKind.Unchanged), (SampleResults.DiffId('c'), LayerChangeKind.Added), (SampleResults.DiffId('b'), LayerChangeKind.Removed)],
            layers.Layers.Select(l => (l.DiffId, l.Change)));
        Assert.Equal(ComparisonVerdict.Same, layers.Layers[0].Verdict);
        Assert.Null(layers.Layers[1].Verdict);
    }

    [Fact]
    public void An_added_layer_that_takes_most_of_the_time_is_the_largest_change()
    {
        var baseline = SampleResults.With(Runs, [new(SampleResults.DiffId('a'), 1.0)]);
        var candidate = SampleResults.With([.. Runs.Select(d => d * 5)], [new(SampleResults.DiffId('a'), 0.2), new(SampleResults.DiffId('f'), 0.8, 200_000_000)]);

        var layers = LayerComparer.Compare(baseline, candidate, 0.05);

        Assert.Equal(SampleResults.DiffId('f'), layers.LargestChange);
        var added = layers.Layers.Single(l => l.DiffId == SampleResults.DiffId('f'));
        Assert.Equal(4.0, added.CandidateMedianSeconds!.Value, 6);
        Assert.Equal(added.CandidateMedianSeconds, added.ChangeSeconds);
        Assert.Equal(200_000_000, added.UncompressedBytes);
        Assert.Equal(2, added.CandidatePosition);
    }

    [Fact]
    public void A_kept_layer_that_got_slower_has_its_own_verdict()
    {
        var baseline = SampleResults.With(Runs, [new(SampleResults.DiffId('a'), 0.5), new(SampleResults.DiffId('b'), 0.5)]);
        var candidate = SampleResults.With([.. Runs.Select(d => d * 1.5)], [new(SampleResults.DiffId('a'), 1 / 3.0), new(SampleResults.DiffId('b'), 2 / 3.0)]);

        var layers = LayerComparer.Compare(baseline, candidate, 0.05);

        Assert.Equal(ComparisonVerdict.Same, layers.Layers[0].Verdict);
        Assert.Equal(ComparisonVerdict.Slower, layers.Layers[1].Verdict);
        Assert.Equal(SampleResults.DiffId('b'), layers.LargestChange);
    }

    [Fact]
    public void A_repeated_diff_id_is_matched_occurrence_by_occurrence()
    {
        var empty = SampleResults.DiffId('e');
        var baseline = SampleResults.With(Runs, [new(empty, 0.5), new(SampleResults.DiffId('a'), 0.5)]);
        var candidate = SampleResults.With(Runs, [new(empty, 0.4), new(SampleResults.DiffId('a'), 0.4), new(empty, 0.2)]);

        var layers = LayerComparer.Compare(baseline, candidate, 0.05);

        Assert.Equal([LayerChangeKind.Unchanged, LayerChangeKind.Unchanged, LayerChangeKind.Added], layers.Layers.Select(l => l.Change));
        Assert.Equal([1, 2, 3], layers.Layers.Select(l => l.CandidatePosition));
    }
}
