namespace UnpackBench.Agent.Images.Archive;

/// <summary>Where a regular file's bytes lie in an uncompressed tar: <paramref name="Size"/> bytes from <paramref name="Offset"/>.</summary>
/// <param name="Name">The entry's name, normalised (no leading <c>./</c> or <c>/</c>).</param>
/// <param name="Offset">The position of the first data byte in the tar file.</param>
/// <param name="Size">The number of data bytes.</param>
internal sealed record TarEntryLocation(string Name, long Offset, long Size);
