using UnpackBench.Agent.Floors;

namespace UnpackBench.Agent.Tests.Floors;

public sealed class FloorToolsTests
{
    [Theory]
    [InlineData("none", "unpigz", true, true, "none")]
    [InlineData("gzip", "unpigz", true, true, "unpigz")]
    [InlineData("gzip", "unpigz", false, true, "dotnet-gzip")]
    [InlineData("gzip", "builtin", true, true, "dotnet-gzip")]
    [InlineData("zstd", "unpigz", true, true, "zstd")]
    [InlineData("zstd", "builtin", true, false, "dotnet-zstd")]
    public void The_floor_uses_the_decompressor_containerd_used_or_the_closest_the_agent_has(string compression, string containerdGzip, bool unpigz, bool zstd, string expected) =>
        Assert.Equal(expected, FloorTools.Name(FloorTools.Choose(compression, containerdGzip, unpigz, zstd)));

    [Fact]
    public void The_floor_says_how_comparable_it_is_when_containerd_used_go_s_gzip()
    {
        var note = FloorTools.Comparability([FloorTool.DotnetGzip], "builtin");

        Assert.Contains("Go's built-in compress/gzip", note, StringComparison.Ordinal);
        Assert.Contains("single-threaded", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_to_say_when_the_floor_used_containerd_s_own_decompressor() =>
        Assert.Null(FloorTools.Comparability([FloorTool.Unpigz, FloorTool.None], "unpigz"));
}
