namespace UnpackBench.Agent.Images.Registry;

/// <summary>
/// The body of a blob response, read-only. A blob may take minutes to arrive, so there is no total
/// time limit; instead each read must make progress within the idle timeout, so a stalled connection
/// fails instead of hanging. Transport failures surface as <see cref="ImageSourceException"/>.
/// Disposing the stream disposes the response.
/// </summary>
internal sealed class RegistryBlobStream : Stream
{
    private readonly IDisposable? _response;
    private readonly Stream _body;
    private readonly TimeSpan _idleTimeout;
    private readonly string _what;

    /// <summary>
    /// Wraps <paramref name="body"/>; <paramref name="what"/> names the blob and registry for messages
    /// (<c>blob sha256:ab12… from registry 127.0.0.1:5000</c>).
    /// </summary>
    public RegistryBlobStream(Stream body, IDisposable? response, TimeSpan idleTimeout, string what)
    {
        _body = body;
        _response = response;
        _idleTimeout = idleTimeout;
        _what = what;
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(_idleTimeout);
        try
        {
            return await _body.ReadAsync(buffer, idle.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ImageSourceException(
                $"no data arrived for {_idleTimeout.TotalSeconds:0.#} s while reading {_what}; the transfer stalled",
                ImageSourceFailure.Unreachable,
                e);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new ImageSourceException($"the connection broke while reading {_what}: {e.Message}", ImageSourceFailure.Unreachable, e);
        }
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body.Dispose();
            _response?.Dispose();
        }

        base.Dispose(disposing);
    }
}
