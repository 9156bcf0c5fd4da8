using System.Diagnostics;
using CliWrap;
using CliWrap.Buffered;
using UnpackBench.Testing;

namespace UnpackBench.Bench.Containerd;

/// <summary>
/// containerd's own client, <c>ctr</c>, against the benchmark's containerd in one namespace and snapshotter:
/// the timed <c>snapshots unpack</c> and the untimed checks around it.
/// </summary>
internal sealed class Ctr(string address, string @namespace, string snapshotter)
{
    private readonly string _executable = Prerequisites.RequireExecutable("ctr", "apt-get install -y containerd");

    /// <summary>
    /// Runs <c>ctr snapshots unpack</c> on <paramref name="manifestDigest"/> and returns the wall time of the
    /// whole process, start to exit — process start, connecting, finding the image and every layer's
    /// prepare, apply and commit. Throws with ctr's stderr when it fails.
    /// </summary>
    public async Task<TimeSpan> TimedUnpackAsync(string manifestDigest, CancellationToken cancellationToken)
    {
        var command = Command("snapshots", "unpack", "--snapshotter", snapshotter, manifestDigest);
        var stopwatch = Stopwatch.StartNew();

        // Not cancelled: a killed ctr leaves an active snapshot and a lease behind. It finishes in seconds.
        var result = await command.ExecuteBufferedAsync(CancellationToken.None);
        stopwatch.Stop();
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfFailed(result, "snapshots unpack " + manifestDigest);
        return stopwatch.Elapsed;
    }

    /// <summary>
    /// The wall time of <c>ctr version</c>: process start, connecting and one small call — the part of every
    /// ctr run that is not unpacking.
    /// </summary>
    public async Task<TimeSpan> TimedVersionAsync(CancellationToken cancellationToken)
    {
        var command = Command("version");
        var stopwatch = Stopwatch.StartNew();
        var result = await command.ExecuteBufferedAsync(cancellationToken);
        stopwatch.Stop();
        ThrowIfFailed(result, "version");
        return stopwatch.Elapsed;
    }

    /// <summary>The snapshots of the namespace (<c>ctr snapshots ls</c>).</summary>
    public async Task<IReadOnlyList<SnapshotRow>> ListSnapshotsAsync(CancellationToken cancellationToken) =>
        SnapshotRow.ParseList(await RunAsync(cancellationToken, "snapshots", "--snapshotter", snapshotter, "ls"));

    /// <summary>The image records of the namespace (<c>ctr images ls</c>), as printed.</summary>
    public Task<string> ListImagesAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken, "images", "ls");

    /// <summary>
    /// Deletes the namespace's leases whose id does not start with <paramref name="keepPrefix"/> — those a killed
    /// <c>ctr</c> left behind (ctr holds its snapshots under a lease that expires only after 24 h). A stale lease
    /// that keeps a lower layer's snapshot alive lets containerd's garbage collection delete the layers above it
    /// without unlinking them from their parent, which then can never be removed (containerd issue #11908).
    /// </summary>
    public async Task<int> DeleteForeignLeasesAsync(string keepPrefix, CancellationToken cancellationToken)
    {
        var ids = (await RunAsync(cancellationToken, "leases", "ls", "-q"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(id => !id.StartsWith(keepPrefix, StringComparison.Ordinal))
            .ToArray();
        if (ids.Length > 0)
        {
            await RunAsync(cancellationToken, ["leases", "rm", "--sync", .. ids]);
        }

        return ids.Length;
    }

    /// <summary>Removes every snapshot of the namespace, children before parents (containerd refuses the reverse).</summary>
    /// <remarks>Garbage collection may remove some of them meanwhile; a snapshot already gone is what was wanted.</remarks>
    public async Task RemoveAllSnapshotsAsync(CancellationToken cancellationToken)
    {
        var snapshots = await ListSnapshotsAsync(cancellationToken);
        while (snapshots.Count > 0)
        {
            var parents = snapshots.Select(snapshot => snapshot.Parent).ToHashSet(StringComparer.Ordinal);
            foreach (var leaf in snapshots.Where(snapshot => !parents.Contains(snapshot.Key)))
            {
                var result = await Command("snapshots", "--snapshotter", snapshotter, "rm", leaf.Key).ExecuteBufferedAsync(cancellationToken);
                if (result.ExitCode != 0 && !result.StandardError.Contains("not found", StringComparison.Ordinal))
                {
                    ThrowIfFailed(result, "snapshots rm " + leaf.Key);
                }
            }

            snapshots = await ListSnapshotsAsync(cancellationToken);
        }
    }

    private Command Command(params string[] arguments) =>
        Cli.Wrap(_executable)
            .WithArguments(["-a", address, "-n", @namespace, .. arguments])
            .WithValidation(CommandResultValidation.None);

    private async Task<string> RunAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await Command(arguments).ExecuteBufferedAsync(cancellationToken);
        ThrowIfFailed(result, string.Join(' ', arguments));
        return result.StandardOutput;
    }

    private void ThrowIfFailed(BufferedCommandResult result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`ctr -n {@namespace} {what}` exited with {result.ExitCode}: {(result.StandardError + result.StandardOutput).Trim()}");
        }
    }
}
