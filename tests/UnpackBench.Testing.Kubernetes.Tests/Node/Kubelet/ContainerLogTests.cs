using UnpackBench.Testing.Kubernetes.Node;

namespace UnpackBench.Testing.Kubernetes.Tests.Node.Kubelet;

/// <summary>The kubelet's in-memory container log and its streams.</summary>
public sealed class ContainerLogTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_plain_stream_ends_at_the_log_end_when_it_was_opened()
    {
        var log = new ContainerLog();
        log.Append("one");
        using var reader = new StreamReader(log.Open(follow: false));
        log.Append("two");

        Assert.Equal("one\n", await reader.ReadToEndAsync().WaitAsync(Timeout));
    }

    [Fact]
    public async Task A_followed_stream_yields_new_lines_and_ends_when_the_log_is_complete()
    {
        var log = new ContainerLog();
        log.Append("one");
        using var reader = new StreamReader(log.Open(follow: true));

        Assert.Equal("one", await reader.ReadLineAsync().WaitAsync(Timeout));
        var pending = reader.ReadLineAsync();
        Assert.False(pending.IsCompleted);
        log.Append("two");
        Assert.Equal("two", await pending.WaitAsync(Timeout));
        log.Complete();
        Assert.Null(await reader.ReadLineAsync().WaitAsync(Timeout));
    }

    [Fact]
    public async Task A_followed_stream_stops_waiting_when_its_reader_gives_up()
    {
        var log = new ContainerLog();
        using var stream = log.Open(follow: true);
        using var cancel = new CancellationTokenSource();

        var read = stream.ReadAsync(new byte[16], cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Timeout));
    }
}
