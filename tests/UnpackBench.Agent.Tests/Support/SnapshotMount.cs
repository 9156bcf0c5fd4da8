using CliWrap;
using CliWrap.Buffered;
using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Containerd.Api;
using UnpackBench.Agent.Containerd.Api.Leases;
using UnpackBench.Agent.Containerd.Api.Snapshots;
using UnpackBench.Testing;

namespace UnpackBench.Agent.Tests.Support;

/// <summary>
/// Mounts a read-only view of a committed snapshot (as a container's rootfs would see it) so a test
/// can compare the unpacked files with the image's. Disposing unmounts and removes the view.
/// </summary>
internal sealed class SnapshotMount : IAsyncDisposable
{
    private readonly ContainerdConnection _connection;
    private readonly string _snapshotter;
    private readonly string _key;
    private readonly TempDirectory _target = new("view");

    private SnapshotMount(ContainerdConnection connection, string snapshotter, string key)
    {
        _connection = connection;
        _snapshotter = snapshotter;
        _key = key;
    }

    /// <summary>The mounted directory.</summary>
    public string Path => _target.Path;

    public static async Task<SnapshotMount> ViewAsync(ContainerdConnection connection, string snapshotter, string committedName)
    {
        var mount = new SnapshotMount(connection, snapshotter, $"test-view-{Guid.NewGuid():N}");
        // Unreferenced snapshots are garbage: without a lease, the next GC would take the view away.
        await connection.Leases.CreateAsync(new CreateRequest { Id = mount._key }, connection.Call(default));
        var view = await connection.Snapshots.ViewAsync(
            new ViewSnapshotRequest { Snapshotter = snapshotter, Key = mount._key, Parent = committedName }, connection.Call(default, mount._key));
        foreach (var m in view.Mounts)
        {
            await MountAsync(m, mount.Path);
        }

        return mount;
    }

    private static async Task MountAsync(Mount mount, string target)
    {
        var options = string.Join(',', mount.Options);
        string[] arguments = mount.Type == "bind"
            ? ["-o", options, mount.Source, target]
            : ["-t", mount.Type, "-o", options, mount.Source, target];
        var result = await Cli.Wrap("mount").WithArguments(arguments).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        Assert.True(result.ExitCode == 0, $"mount {string.Join(' ', arguments)} failed: {result.StandardError}");
    }

    public async ValueTask DisposeAsync()
    {
        await Cli.Wrap("umount").WithArguments([Path]).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        await _connection.Snapshots.RemoveAsync(new RemoveSnapshotRequest { Snapshotter = _snapshotter, Key = _key }, _connection.Call(default));
        await _connection.Leases.DeleteAsync(new DeleteRequest { Id = _key }, _connection.Call(default));
        _target.Dispose();
    }
}
