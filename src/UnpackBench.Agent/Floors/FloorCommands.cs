using System.Diagnostics;
using System.IO.Compression;
using CliWrap;
using CliWrap.Buffered;
using UnpackBench.Agent.Sampling;
using ZstdSharp;

namespace UnpackBench.Agent.Floors;

/// <summary>
/// Runs one floor measurement and returns its wall time. The external tools run in a bash pipeline
/// with <c>pipefail</c>, so the data flows through a kernel pipe (as containerd's own unpigz pipe)
/// and a failure anywhere fails the measurement: <c>unpigz -dc BLOB &gt; /dev/null</c>,
/// <c>unpigz -dc BLOB | tar -xf - -C DIR</c>, likewise with <c>zstd -dcq</c>, and <c>tar -xf BLOB -C DIR</c>
/// for an uncompressed layer. The in-process decoders feed tar's stdin from the agent. With a
/// <see cref="ContainerdCgroup"/>, the processes start in containerd's cgroup: they get the CPU share
/// containerd's unpacks got, so on a busy machine a floor is not slowed by load the unpack was shielded from.
/// </summary>
internal static class FloorCommands
{
    private const int BufferSize = 1024 * 1024;

    /// <summary>Seconds to decompress <paramref name="blob"/> with <paramref name="tool"/> and discard the output.</summary>
    public static async Task<double> DecompressAsync(FloorTool tool, string blob, ContainerdCgroup? cgroup, CancellationToken cancellationToken)
    {
        switch (tool)
        {
            case FloorTool.None:
                return 0;
            case FloorTool.DotnetGzip or FloorTool.DotnetZstd:
                var clock = Stopwatch.StartNew();
                await using (var source = OpenInProcess(tool, blob))
                {
                    await source.CopyToAsync(Stream.Null, BufferSize, cancellationToken);
                }

                return clock.Elapsed.TotalSeconds;
            default:
                return await TimeBashAsync($"{Decoder(tool)} -- \"$1\" > /dev/null", [blob], cgroup, cancellationToken);
        }
    }

    /// <summary>Seconds to decompress <paramref name="blob"/> and extract it with GNU tar into the empty <paramref name="directory"/>.</summary>
    public static async Task<double> ExtractAsync(FloorTool tool, string blob, string directory, ContainerdCgroup? cgroup, CancellationToken cancellationToken)
    {
        switch (tool)
        {
            case FloorTool.None:
                return await TimeBashAsync("tar -xf \"$1\" -C \"$2\"", [blob, directory], cgroup, cancellationToken);
            case FloorTool.DotnetGzip or FloorTool.DotnetZstd:
                var clock = Stopwatch.StartNew();
                var source = OpenInProcess(tool, blob);
                await using (source)
                {
                    var tar = Cli.Wrap("tar").WithArguments(["-xf", "-", "-C", directory])
                        .WithStandardInputPipe(PipeSource.FromStream(source))
                        .WithValidation(CommandResultValidation.None);
                    var result = await Start(tar, cgroup, cancellationToken);
                    ThrowIfFailed(result, $"tar -xf - -C {directory}");
                }

                return clock.Elapsed.TotalSeconds;
            default:
                return await TimeBashAsync($"{Decoder(tool)} -- \"$1\" | tar -xf - -C \"$2\"", [blob, directory], cgroup, cancellationToken);
        }
    }

    private static string Decoder(FloorTool tool) => tool == FloorTool.Zstd ? "zstd -dcq" : "unpigz -dc";

    private static Stream OpenInProcess(FloorTool tool, string blob)
    {
        var file = new FileStream(blob, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
        return tool == FloorTool.DotnetZstd ? new DecompressionStream(file) : new GZipStream(file, CompressionMode.Decompress);
    }

    private static async Task<double> TimeBashAsync(string script, string[] arguments, ContainerdCgroup? cgroup, CancellationToken cancellationToken)
    {
        var command = Cli.Wrap("bash").WithArguments(["-c", "set -o pipefail; " + script, "floor", .. arguments]).WithValidation(CommandResultValidation.None);
        var clock = Stopwatch.StartNew();
        var result = await Start(command, cgroup, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        ThrowIfFailed(result, script);
        return seconds;
    }

    // The process is started inside the cgroup (children inherit it), then the agent moves back.
    private static CommandTask<BufferedCommandResult> Start(Command command, ContainerdCgroup? cgroup, CancellationToken cancellationToken) =>
        cgroup is null ? command.ExecuteBufferedAsync(cancellationToken) : cgroup.Launch(() => command.ExecuteBufferedAsync(cancellationToken));

    private static void ThrowIfFailed(BufferedCommandResult result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new FloorException($"`{what}` exited with {result.ExitCode}: {result.StandardError.Trim()}");
        }
    }
}

/// <summary>A floor measurement's tool failed.</summary>
internal sealed class FloorException(string message) : Exception(message);
