using UnpackBench.Agent.Benchmark;
using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Images.Registry;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Images;

namespace UnpackBench.Agent.CommandLine;

/// <summary>Maps what stopped the agent to its exit code and the reason the operator reports.</summary>
internal static class FailureClassifier
{
    /// <summary>Exit code and reason for an exception that ends the agent; null for bugs (internal errors).</summary>
    public static (int ExitCode, string Reason)? Classify(Exception e) => e switch
    {
        UsageException usage => (ExitCodes.Usage, usage.Reason),
        RegistryConfigException => (ExitCodes.Usage, AgentFailureReasons.InvalidSpec),
        ImageSourceException { Failure: ImageSourceFailure.NotFound } => (ExitCodes.Failed, AgentFailureReasons.ImageNotFound),
        ImageSourceException { Failure: ImageSourceFailure.Unauthorized } => (ExitCodes.Failed, AgentFailureReasons.Unauthorized),
        ImageSourceException { Failure: ImageSourceFailure.Unreachable } => (ExitCodes.Failed, AgentFailureReasons.RegistryUnreachable),
        ImageSourceException => (ExitCodes.Failed, AgentFailureReasons.InvalidImage),
        ImageFormatException => (ExitCodes.Failed, AgentFailureReasons.InvalidImage),
        ContainerdException => (ExitCodes.Failed, AgentFailureReasons.ContainerdUnavailable),
        IOException or UnauthorizedAccessException => (ExitCodes.Failed, AgentFailureReasons.ContainerdUnavailable),
        _ => null,
    };
}
