using Grpc.Core;

namespace UnpackBench.Agent.Containerd;

/// <summary>Turns gRPC failures from containerd into the sentence a user needs.</summary>
internal static class ContainerdErrors
{
    /// <summary>containerd's own message, or what went wrong with the connection.</summary>
    public static string Describe(RpcException e) => e.StatusCode switch
    {
        StatusCode.Unavailable => $"containerd stopped answering ({e.Status.Detail})",
        StatusCode.DeadlineExceeded => "containerd did not answer in time",
        _ => string.IsNullOrEmpty(e.Status.Detail) ? e.StatusCode.ToString() : e.Status.Detail,
    };
}
