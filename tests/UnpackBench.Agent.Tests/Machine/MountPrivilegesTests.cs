using UnpackBench.Agent.Machine;

namespace UnpackBench.Agent.Tests.Machine;

public sealed class MountPrivilegesTests
{
    [Theory]
    [InlineData("a privileged container (every capability)", "CapEff:\t000001ffffffffff\n", true)]
    [InlineData("Docker's default set, without CAP_SYS_ADMIN", "CapEff:\t00000000a80425fb\n", false)]
    [InlineData("only CAP_SYS_ADMIN", "CapEff:\t0000000000200000\n", true)]
    [InlineData("nothing", "CapEff:\t0000000000000000\n", false)]
    public void Sys_admin_is_read_from_the_effective_set(string @case, string status, bool expected)
    {
        var text = "Name:\tunpackbench-agent\nCapInh:\t0000000000000000\nCapPrm:\t000001ffffffffff\n" + status + "CapBnd:\t000001ffffffffff\n";
        Assert.True(expected == MountPrivileges.HasCapability(text, MountPrivileges.CapSysAdmin), @case);
    }

    [Fact]
    public void A_status_without_capabilities_says_nothing()
    {
        Assert.Null(MountPrivileges.HasCapability("Name:\tx\nState:\tR (running)\n", MountPrivileges.CapSysAdmin));
    }

    [Fact]
    public void This_test_process_running_as_root_on_the_host_may_mount()
    {
        var privileges = MountPrivileges.ReadCurrent();

        Assert.True(privileges.IsRoot, "the agent's tests run as root");
        Assert.True(privileges.HasSysAdmin);
        Assert.Null(privileges.MountError);
    }
}
