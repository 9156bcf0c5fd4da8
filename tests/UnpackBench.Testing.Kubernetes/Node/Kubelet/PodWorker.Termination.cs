using System.Text;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>Watching the running container, stopping it, and reporting how it ended.</summary>
internal sealed partial class PodWorker
{
    private const int TerminationMessageLimit = 4096;
    private const int FallbackLogLines = 80;
    private const int FallbackLogBytes = 2048;
    private const long DefaultGracePeriodSeconds = 30;
    private const string DeadlineExceededReason = "DeadlineExceeded";
    private const string DeadlineExceededMessage = "Pod was active on the node longer than the specified deadline";

    /// <summary>Waits for the container to exit — stopping it for an expired deadline or a deletion — and reports how it ended.</summary>
    private async Task RunUntilExitAsync(CancellationToken stop)
    {
        var process = _process!;
        var deadlineExceeded = false;
        while (!process.Exited.IsCompleted)
        {
            var changed = Changed;
            if (Removed)
            {
                process.KillAll();
                await process.Exited.WaitAsync(stop);
                return;
            }

            if (Eviction is not null)
            {
                process.KillAll();
                await process.Exited.WaitAsync(stop);
            }
            else if (Deleting)
            {
                await StopContainerAsync(process, () => Pod.Metadata.DeletionGracePeriodSeconds ?? TerminationGracePeriod(), stop);
            }
            else if (DeadlineExceeded)
            {
                deadlineExceeded = true;
                await StopContainerAsync(process, TerminationGracePeriod, stop);
            }
            else
            {
                await WaitAsync(changed, UntilDeadline(), stop);
            }
        }

        var exitCode = await process.Exited.WaitAsync(stop);
        _context.Report($"pod {Namespace}/{Name}: {process.Id} exited with {exitCode}");
        var terminated = Terminated(exitCode, deadlineExceeded);
        await SetAsync(Eviction is null ? terminated : Evicted(terminated), stop);
    }

    private long TerminationGracePeriod() => Pod.Spec.TerminationGracePeriodSeconds ?? DefaultGracePeriodSeconds;

    /// <summary>SIGTERM, then SIGKILL when the grace period (read again on every change: a second delete may shorten it) is over.</summary>
    private async Task StopContainerAsync(IContainer process, Func<long> gracePeriodSeconds, CancellationToken stop)
    {
        var noticed = DateTime.UtcNow;
        process.Terminate();
        while (!process.Exited.IsCompleted)
        {
            var changed = Changed;
            var limit = noticed.AddSeconds(gracePeriodSeconds());
            if (Removed || DateTime.UtcNow >= limit)
            {
                process.KillAll();
                break;
            }

            await WaitAsync(changed, limit - DateTime.UtcNow, stop);
        }

        await process.Exited.WaitAsync(stop);
    }

    private ContainerSnapshot Terminated(int exitCode, bool deadlineExceeded)
    {
        var finishedAt = PodConditions.Truncate(DateTime.UtcNow);
        var launchError = Path.Combine(_directory, "launch-error");
        if (File.Exists(launchError))
        {
            return StartError(File.ReadAllText(launchError).Trim()) with
            {
                PodReason = deadlineExceeded ? DeadlineExceededReason : null,
                PodMessage = deadlineExceeded ? DeadlineExceededMessage : null,
            };
        }

        return new ContainerSnapshot
        {
            Phase = exitCode == 0 && !deadlineExceeded ? "Succeeded" : "Failed",
            SandboxReady = true,
            StartedAt = _startedAt,
            ExitCode = exitCode,
            TerminatedReason = exitCode == 0 ? "Completed" : "Error",
            TerminatedMessage = TerminationMessage(exitCode),
            FinishedAt = finishedAt,
            ContainerId = ContainerId,
            PodReason = deadlineExceeded ? DeadlineExceededReason : null,
            PodMessage = deadlineExceeded ? DeadlineExceededMessage : null,
        };
    }

    /// <summary>A pod whose deadline passed before its container started.</summary>
    private static ContainerSnapshot DeadlineExceededBeforeStart() => ContainerLost() with
    {
        PodReason = DeadlineExceededReason,
        PodMessage = DeadlineExceededMessage,
    };

    /// <summary>A container the kubelet cannot account for, as the real kubelet reports it.</summary>
    private static ContainerSnapshot ContainerLost() => new()
    {
        Phase = "Failed",
        ExitCode = 137,
        TerminatedReason = "ContainerStatusUnknown",
        TerminatedMessage = "The container could not be located when the pod was terminated",
        FinishedAt = PodConditions.Truncate(DateTime.UtcNow),
    };

    /// <summary>
    /// The termination message file's first 4096 bytes; for FallbackToLogsOnError, a failed container that
    /// wrote none gets the last 80 lines (at most 2048 bytes) of its log instead, as the real kubelet does.
    /// </summary>
    private string TerminationMessage(int exitCode)
    {
        var file = Path.Combine(_directory, "termination-log");
        var message = "";
        if (File.Exists(file))
        {
            using var stream = File.OpenRead(file);
            var buffer = new byte[TerminationMessageLimit];
            message = Encoding.UTF8.GetString(buffer, 0, stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false));
        }

        if (message.Length > 0 || exitCode == 0 || Pod.Spec.Containers[0].TerminationMessagePolicy != "FallbackToLogsOnError")
        {
            return message;
        }

        var tail = string.Join('\n', Log.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(FallbackLogLines));
        var bytes = Encoding.UTF8.GetBytes(tail);
        return bytes.Length <= FallbackLogBytes ? tail : Encoding.UTF8.GetString(bytes, bytes.Length - FallbackLogBytes, FallbackLogBytes);
    }
}
