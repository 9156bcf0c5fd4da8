using UnpackBench.Analysis.Prediction;

namespace UnpackBench.Analysis.Tests.Prediction;

public sealed class CalibrationDriftTests
{
    [Fact]
    public void Times_within_the_limit_are_stable_and_the_ratio_is_slowest_over_fastest()
    {
        var stability = CalibrationDrift.Assess("files-4000", [0.300, 0.330, 0.310]);

        Assert.True(stability.Stable);
        Assert.Equal(1.1, stability.Ratio, 9);
        Assert.Equal(CalibrationDrift.MaxRatio, stability.MaxRatio);
        Assert.Equal([0.300, 0.330, 0.310], stability.Seconds);
        Assert.Equal("files-4000", stability.Case);
    }

    [Theory]
    [InlineData(0.300, 0.376)]
    [InlineData(0.376, 0.300)]
    public void A_node_that_got_slower_or_faster_by_more_than_the_limit_drifted(double first, double last)
    {
        var stability = CalibrationDrift.Assess("files-4000", [first, 0.33, last]);

        Assert.False(stability.Stable);
        Assert.True(stability.Ratio > CalibrationDrift.MaxRatio);
    }

    [Fact]
    public void The_description_names_the_image_its_times_and_the_ratio()
    {
        var two = CalibrationDrift.Assess("files-400", [0.02, 0.05]);

        Assert.Equal("calibration image files-400 took 0.020 and 0.050 s across the calibration (2.50×)", CalibrationDrift.Describe(two));
        Assert.StartsWith("the node's costs drifted while it was calibrated: calibration image files-400 took 0.020 and 0.050 s", CalibrationDrift.Warning(two), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new double[] { 0.3 })]
    [InlineData(new double[] { 0.3, 0 })]
    [InlineData(new double[] { 0.3, double.NaN })]
    public void Fewer_than_two_positive_times_are_refused(double[] seconds)
    {
        var error = Assert.Throws<ArgumentException>(() => CalibrationDrift.Assess("files-4000", seconds));

        Assert.Contains("files-4000", error.Message, StringComparison.Ordinal);
    }
}
