using System.IO.Pipelines;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Images.Registry;

namespace UnpackBench.Agent.Tests.Images.Registry;

public sealed class RegistryBlobStreamTests
{
    [Fact]
    public async Task A_body_that_stops_sending_fails_after_the_idle_timeout_not_before()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(new byte[] { 1, 2, 3 });
        await using var stream = new RegistryBlobStream(pipe.Reader.AsStream(), null, TimeSpan.FromMilliseconds(300), "blob sha256:ab from registry 127.0.0.1:5000");
        var buffer = new byte[16];

        Assert.Equal(3, await stream.ReadAsync(buffer));
        var e = await Assert.ThrowsAsync<ImageSourceException>(async () => await stream.ReadExactlyAsync(buffer.AsMemory(0, 1)));

        Assert.Equal(ImageSourceFailure.Unreachable, e.Failure);
        Assert.Contains("no data arrived for 0.3 s while reading blob sha256:ab from registry 127.0.0.1:5000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_body_that_keeps_sending_is_read_to_the_end()
    {
        var pipe = new Pipe();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await Task.Delay(100);
                await pipe.Writer.WriteAsync(new byte[] { (byte)i });
            }

            await pipe.Writer.CompleteAsync();
        });
        await using var stream = new RegistryBlobStream(pipe.Reader.AsStream(), null, TimeSpan.FromSeconds(5), "blob");
        using var copy = new MemoryStream();

        await stream.CopyToAsync(copy);
        await writer;

        Assert.Equal(new byte[] { 0, 1, 2, 3, 4 }, copy.ToArray());
    }

    [Fact]
    public async Task The_caller_cancelling_is_a_cancellation_not_a_stall()
    {
        var pipe = new Pipe();
        await using var stream = new RegistryBlobStream(pipe.Reader.AsStream(), null, TimeSpan.FromSeconds(30), "blob");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stream.ReadExactlyAsync(new byte[4], cancel.Token));
    }
}
