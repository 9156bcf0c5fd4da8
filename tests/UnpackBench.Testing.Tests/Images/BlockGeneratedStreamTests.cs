using UnpackBench.Testing.Images;

namespace UnpackBench.Testing.Tests.Images;

public sealed class BlockGeneratedStreamTests
{
    [Theory]
    [InlineData(0, 1000)]
    [InlineData(5, 3)]
    [InlineData(7, 17)]
    [InlineData(95, 1000)]
    public void Reads_from_any_position_return_what_a_read_from_the_start_returns_there(int position, int count)
    {
        var whole = ReadAll(new NumberedBlocks(length: 100, blockSize: 8));
        using var stream = new NumberedBlocks(length: 100, blockSize: 8);

        stream.Seek(position, SeekOrigin.Begin);
        var buffer = new byte[count];
        var read = stream.Read(buffer);

        Assert.Equal(whole.Skip(position).Take(count), buffer.Take(read));
        Assert.Equal(position + read, stream.Position);
    }

    [Fact]
    public void Each_block_holds_what_its_number_generates_and_the_last_is_cut_at_the_length()
    {
        var bytes = ReadAll(new NumberedBlocks(length: 20, blockSize: 8));

        Assert.Equal([.. Enumerable.Repeat<byte>(0, 8), .. Enumerable.Repeat<byte>(1, 8), .. Enumerable.Repeat<byte>(2, 4)], bytes);
    }

    [Fact]
    public void Seeking_past_either_end_stops_at_that_end()
    {
        using var stream = new NumberedBlocks(length: 20, blockSize: 8);

        Assert.Equal(20, stream.Seek(5, SeekOrigin.End));
        Assert.Equal(0, stream.Read(new byte[4]));
        Assert.Equal(0, stream.Seek(-30, SeekOrigin.Current));
    }

    private static byte[] ReadAll(Stream stream)
    {
        using (stream)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }

    private sealed class NumberedBlocks(long length, int blockSize) : BlockGeneratedStream(length, blockSize)
    {
        protected override void Generate(long index, Span<byte> block) => block.Fill((byte)index);
    }
}
