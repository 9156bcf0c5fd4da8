using System.Buffers;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using UnpackBench.Agent.Containerd.Api.Content;
using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Containerd;

/// <summary>
/// containerd's content store as the acquirer uses it: check, write (streamed, verified by
/// containerd against the expected digest and size), read small documents, label for GC.
/// </summary>
internal sealed class ContentStore(ContainerdConnection connection)
{
    private const int ChunkSize = 1024 * 1024;

    /// <summary>Whether the blob is already in the store (in our namespace).</summary>
    public async Task<bool> ExistsAsync(Digest digest, CancellationToken cancellationToken)
    {
        try
        {
            await connection.Content.InfoAsync(new InfoRequest { Digest = digest.ToString() }, connection.Call(cancellationToken));
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>
    /// Streams <paramref name="source"/> into the store as <paramref name="descriptor"/>. containerd
    /// refuses the commit if size or digest differ. Labels are set even when the blob already existed.
    /// </summary>
    public async Task WriteAsync(
        ContentDescriptor descriptor, Stream source, IReadOnlyDictionary<string, string> labels, string leaseId,
        IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var call = connection.Content.Write(connection.Call(cancellationToken, leaseId));
        var reference = $"unpackbench-{descriptor.Digest.Hex}";
        var responses = DrainResponsesAsync(call.ResponseStream, cancellationToken);
        Exception? streamError = null;
        try
        {
            await SendAsync(call.RequestStream, descriptor, source, reference, labels, progress, cancellationToken);
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            // containerd ended the call early (e.g. the blob already exists); its status says why.
            streamError = e;
        }

        try
        {
            await responses;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            await SetLabelsAsync(descriptor.Digest, labels, cancellationToken);
            return;
        }

        if (streamError is not null)
        {
            throw streamError;
        }
    }

    private static async Task SendAsync(
        IClientStreamWriter<WriteContentRequest> requests, ContentDescriptor descriptor, Stream source, string reference,
        IReadOnlyDictionary<string, string> labels, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var expected = descriptor.Digest.ToString();
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        long offset = 0;
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken)) > 0)
            {
                await requests.WriteAsync(new WriteContentRequest
                {
                    Action = WriteAction.Write,
                    Ref = reference,
                    Offset = offset,
                    Total = descriptor.Size,
                    Expected = expected,
                    Data = ByteString.CopyFrom(buffer, 0, read),
                }, cancellationToken);
                offset += read;
                progress?.Report(offset);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        // The commit must carry the current offset: a write at offset 0 tells containerd to truncate.
        var commit = new WriteContentRequest { Action = WriteAction.Commit, Ref = reference, Offset = offset, Total = descriptor.Size, Expected = expected };
        foreach (var (key, value) in labels)
        {
            commit.Labels[key] = value;
        }

        await requests.WriteAsync(commit, cancellationToken);
        await requests.CompleteAsync();
    }

    /// <summary>Writes a small in-memory document (manifest, config, index).</summary>
    public Task WriteAsync(ContentDescriptor descriptor, byte[] content, IReadOnlyDictionary<string, string> labels, string leaseId, CancellationToken cancellationToken) =>
        WriteAsync(descriptor, new MemoryStream(content, writable: false), labels, leaseId, null, cancellationToken);

    /// <summary>Adds labels (e.g. GC references) to a blob that is already stored.</summary>
    public async Task SetLabelsAsync(Digest digest, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        if (labels.Count == 0)
        {
            return;
        }

        var info = new Info { Digest = digest.ToString() };
        foreach (var (key, value) in labels)
        {
            info.Labels[key] = value;
        }

        var mask = new FieldMask();
        mask.Paths.AddRange(labels.Keys.Select(k => "labels." + k));
        await connection.Content.UpdateAsync(new UpdateRequest { Info = info, UpdateMask = mask }, connection.Call(cancellationToken));
    }

    /// <summary>Reads a whole blob that is known to be small.</summary>
    public async Task<byte[]> ReadAllAsync(ContentDescriptor descriptor, CancellationToken cancellationToken)
    {
        using var call = connection.Content.Read(new ReadContentRequest { Digest = descriptor.Digest.ToString() }, connection.Call(cancellationToken));
        using var buffer = new MemoryStream((int)Math.Min(descriptor.Size, int.MaxValue));
        await foreach (var chunk in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            chunk.Data.WriteTo(buffer);
        }

        return buffer.ToArray();
    }

    /// <summary>Opens a blob of any size for reading, streamed from containerd.</summary>
    public Stream OpenRead(Digest digest, CancellationToken cancellationToken) =>
        new ContentReadStream(connection.Content.Read(new ReadContentRequest { Digest = digest.ToString() }, connection.Call(cancellationToken)));

    // containerd answers every request on the write stream; reading them keeps HTTP/2 flow control moving.
    private static async Task DrainResponsesAsync(IAsyncStreamReader<WriteContentResponse> responses, CancellationToken cancellationToken)
    {
        while (await responses.MoveNext(cancellationToken))
        {
        }
    }
}
