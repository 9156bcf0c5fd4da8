namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>Reads a <see cref="ContainerLog"/> from its start up to <paramref name="end"/> lines, or without end (follow) until it is complete.</summary>
internal sealed class ContainerLogStream(ContainerLog log, int? end) : Stream
{
    private int _next;
    private ReadOnlyMemory<byte> _pending;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_pending.IsEmpty)
        {
            if (end is { } last && _next >= last)
            {
                return 0;
            }

            var (line, complete, changed) = log.Read(_next);
            if (line is not null)
            {
                _pending = line;
                _next++;
            }
            else if (complete)
            {
                return 0;
            }
            else
            {
                await changed.WaitAsync(cancellationToken);
            }
        }

        var count = Math.Min(buffer.Length, _pending.Length);
        _pending[..count].CopyTo(buffer);
        _pending = _pending[count..];
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
