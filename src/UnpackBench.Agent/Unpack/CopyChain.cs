using UnpackBench.Agent.Images;

namespace UnpackBench.Agent.Unpack;

/// <summary>
/// The committed snapshot names one copy of the image's layer chain is unpacked under. A single copy
/// uses the chain IDs themselves, as containerd's own client does. With several copies at once
/// (<c>--concurrency</c>), containerd would share a committed snapshot between copies that name it
/// alike — the second copy would find the layer done — so copy k commits every layer under
/// <c>unpackbench-copy-k/CHAINID</c> instead: each copy prepares, applies and commits every layer itself.
/// </summary>
/// <param name="Copy">1-based copy number.</param>
/// <param name="Names">The committed name of each layer, base first; layer i's parent is name i − 1.</param>
internal sealed record CopyChain(int Copy, IReadOnlyList<string> Names)
{
    /// <summary>The prefix of every copy-specific snapshot name.</summary>
    public const string CopyPrefix = "unpackbench-copy-";

    /// <summary>The one chain of an ordinary run: the image's chain IDs.</summary>
    public static CopyChain Plain(AcquiredImage image) => new(1, image.ChainIds.Select(c => c.ToString()).ToList());

    /// <summary>The chains of <paramref name="copies"/> independent copies (the plain chain when there is one).</summary>
    public static IReadOnlyList<CopyChain> For(AcquiredImage image, int copies) => copies == 1
        ? [Plain(image)]
        : Enumerable.Range(1, copies)
            .Select(k => new CopyChain(k, image.ChainIds.Select(c => $"{CopyPrefix}{k}/{c}").ToList()))
            .ToList();

    /// <summary>The parent of layer <paramref name="index"/>: the previous layer's name, or none for the base.</summary>
    public string ParentOf(int index) => index == 0 ? "" : Names[index - 1];
}
