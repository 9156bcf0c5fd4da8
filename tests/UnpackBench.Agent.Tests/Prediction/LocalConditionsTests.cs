using UnpackBench.Agent.Prediction;
using UnpackBench.Analysis.Prediction;

namespace UnpackBench.Agent.Tests.Prediction;

public sealed class LocalConditionsTests
{
    [Theory]
    [InlineData("containerd github.com/containerd/containerd 1.6.20~ds1 1.6.20~ds1-1+deb12u3\n", "1.6.20~ds1")]
    [InlineData("containerd containerd.io 1.7.27 05044ec0a9a75232cad458027ca83437aae3f4da", "1.7.27")]
    [InlineData("something else entirely", ConditionComparison.Unknown)]
    [InlineData("", ConditionComparison.Unknown)]
    public void The_version_is_the_third_word_of_containerd_version(string output, string expected) =>
        Assert.Equal(expected, LocalConditions.ParseVersion(output));
}
