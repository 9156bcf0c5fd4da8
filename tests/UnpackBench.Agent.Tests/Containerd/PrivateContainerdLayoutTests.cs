using System.Text;
using UnpackBench.Agent.Containerd;

namespace UnpackBench.Agent.Tests.Containerd;

public sealed class PrivateContainerdLayoutTests
{
    // sun_path holds 108 bytes with its NUL; containerd also opens "<socket>.ttrpc" (6 more).
    private const int SocketPathLimit = 108 - 1 - 6;

    [Fact]
    public void Everything_lives_under_the_base_directory()
    {
        var layout = new PrivateContainerdLayout("/var/lib/unpackbench");

        Assert.Equal(
            ["/var/lib/unpackbench/root", "/var/lib/unpackbench/state", "/var/lib/unpackbench/containerd.toml", "/var/lib/unpackbench/containerd.pid", "/var/lib/unpackbench/containerd.log", "/var/lib/unpackbench/state/containerd.sock"],
            [layout.RootDirectory, layout.StateDirectory, layout.ConfigPath, layout.PidFilePath, layout.LogPath, layout.SocketPath]);
    }

    [Fact]
    public void Socket_stays_in_the_state_directory_up_to_100_characters()
    {
        // "/state/containerd.sock" is 22 characters, so a 78-character base makes exactly 100.
        var baseDirectory = "/srv/" + new string('b', 73);

        Assert.Equal(baseDirectory + "/state/containerd.sock", new PrivateContainerdLayout(baseDirectory).SocketPath);
    }

    [Theory]
    // Expected names: python3 -c 'import hashlib,sys; print(hashlib.sha256(sys.argv[1].encode()).hexdigest()[:16])' BASE
    [InlineData("one character past the limit", "/srv/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "/run/unpackbench/0cdb7d8667dd7c14.sock")]
    [InlineData("far past the limit", "/srv/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "/run/unpackbench/078b88adfe23e52d.sock")]
    // 75 characters, but ü is two bytes in UTF-8: 145 + 22 = 167 bytes, too long for sun_path.
    [InlineData("short in characters, long in bytes", "/srv/üüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüü", "/run/unpackbench/46d1a0ffd2237d71.sock")]
    public void Long_base_directory_falls_back_to_a_short_socket_under_run(string @case, string baseDirectory, string expected)
    {
        var socket = new PrivateContainerdLayout(baseDirectory).SocketPath;

        Assert.True(socket == expected, $"{@case}: {socket}");
        Assert.True(Encoding.UTF8.GetByteCount(socket) <= SocketPathLimit, @case);
    }

    [Fact]
    public void Different_long_bases_get_different_sockets()
    {
        var one = new PrivateContainerdLayout("/srv/" + new string('x', 200));
        var other = new PrivateContainerdLayout("/srv/" + new string('y', 200));

        Assert.NotEqual(one.SocketPath, other.SocketPath);
    }
}
