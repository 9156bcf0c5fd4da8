using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation;

public sealed class AgentTerminationTests
{
    [Fact]
    public void The_agents_success_message_is_read()
    {
        var summary = SummaryCalculator.Summarize(AgentReports.SuccessfulRuns(5), null);
        var message = AgentReports.TerminationMessage("Succeeded", null, "5 of 5 runs succeeded", summary);

        var termination = AgentTermination.TryParse(message);

        Assert.Equal(new AgentTermination("Succeeded", null, "5 of 5 runs succeeded", 5, 0, 3.12), termination);
    }

    [Fact]
    public void The_agents_failure_message_is_read()
    {
        var message = AgentReports.TerminationMessage("Failed", AgentFailureReasons.SnapshotterUnavailable, "snapshotter zfs is not available on this node");

        var termination = AgentTermination.TryParse(message);

        Assert.Equal(new AgentTermination("Failed", AgentFailureReasons.SnapshotterUnavailable, "snapshotter zfs is not available on this node", null, null, null), termination);
    }

    [Fact]
    public void Leading_whitespace_is_tolerated()
    {
        Assert.NotNull(AgentTermination.TryParse("\n  " + AgentReports.TerminationMessage("Failed", "InternalError", "boom")));
    }

    [Fact]
    public void Fields_of_the_wrong_type_are_ignored()
    {
        var termination = AgentTermination.TryParse("""{"outcome":"Failed","reason":7,"message":null,"successfulRuns":"5","failedRuns":1.5,"medianSeconds":"3.1"}""");

        Assert.Equal(new AgentTermination("Failed", null, "", null, null, null), termination);
    }

    [Theory]
    [InlineData("absent", null)]
    [InlineData("empty", "")]
    [InlineData("blank", "  \n ")]
    [InlineData("the runtime's text (the container never started)", "failed to create containerd task: OCI runtime create failed")]
    [InlineData("an array", """["Failed"]""")]
    [InlineData("truncated JSON", """{"outcome":"Failed","reason":"Incomplete","message":"interrupted; the runs comp""")]
    [InlineData("garbage after a brace", "{{{ not json")]
    public void Anything_else_is_not_the_agents_message(string @case, string? message)
    {
        Assert.True(AgentTermination.TryParse(message) is null, @case);
    }
}
