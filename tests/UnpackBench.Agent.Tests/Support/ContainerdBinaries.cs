using UnpackBench.Agent.Containerd;
using UnpackBench.Testing;

namespace UnpackBench.Agent.Tests.Support;

/// <summary>What tests start a private containerd with, failing with an install hint when a part is missing.</summary>
internal static class ContainerdBinaries
{
    public static ContainerdBinary Require()
    {
        Prerequisites.RequireExecutable("containerd", "apt-get install -y containerd runc pigz");
        Prerequisites.RequireExecutable("setsid", "apt-get install -y util-linux");
        return ContainerdBinary.Locate(Environment.GetEnvironmentVariable("PATH"));
    }
}
