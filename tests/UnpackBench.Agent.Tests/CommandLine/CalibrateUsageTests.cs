using UnpackBench.Agent.Tests.Support;

namespace UnpackBench.Agent.Tests.CommandLine;

public sealed class CalibrateUsageTests
{
    [Fact]
    public async Task An_unknown_calibration_set_is_a_usage_error_naming_the_sets()
    {
        using var agent = new AgentInvocation();

        var code = await agent.RawAsync(["calibrate", "--set", "huge", "--root", agent.Root]);

        Assert.Equal(2, code);
        Assert.Contains("error: --set 'huge' is not a calibration set: use standard or quick", agent.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(agent.Root));
    }

    [Fact]
    public async Task Options_shared_with_run_are_checked_by_runs_rules()
    {
        using var agent = new AgentInvocation();

        var code = await agent.RawAsync(["calibrate", "--runs", "0", "--snapshotter", "bad name", "--root", agent.Root]);

        Assert.Equal(2, code);
        Assert.Contains("error: --runs 0", agent.StandardError, StringComparison.Ordinal);
        Assert.Contains("error: snapshotter name 'bad name' is not valid", agent.StandardError, StringComparison.Ordinal);
    }
}
