using UnpackBench.Agent.Cache;

namespace UnpackBench.Agent.Tests.Cache;

public sealed class MemInfoTests
{
    [Fact]
    public void The_four_figures_are_read_from_meminfo_in_kilobytes()
    {
        var info = MemInfo.Parse("""
            MemTotal:       24596744 kB
            MemFree:        21875072 kB
            Cached:           673890 kB
            SwapCached:            0 kB
            Dirty:             49445 kB
            Writeback:            12 kB
            WritebackTmp:          0 kB
            """);

        Assert.Equal(new MemInfo(21875072, 673890, 49445, 12), info);
    }

    [Fact]
    public void A_missing_figure_is_null_not_zero() =>
        Assert.Equal(new MemInfo(100, null, null, null), MemInfo.Parse("MemFree: 100 kB\n"));

    [Fact]
    public void The_live_meminfo_has_every_figure()
    {
        var info = MemInfo.ReadCurrent();

        Assert.True(info.MemFreeKb > 0 && info.CachedKb >= 0 && info.DirtyKb >= 0 && info.WritebackKb >= 0, info.ToString());
    }
}
