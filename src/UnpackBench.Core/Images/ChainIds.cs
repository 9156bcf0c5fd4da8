namespace UnpackBench.Core.Images;

/// <summary>
/// Chain IDs name the committed snapshot of a layer stack: the first layer's chain ID is its diff ID,
/// and each next one is <c>sha256(parentChainId + " " + diffId)</c>, as the OCI image spec defines.
/// Two images that share a base therefore share the base's snapshots.
/// </summary>
public static class ChainIds
{
    /// <summary>Computes the chain ID of every prefix of <paramref name="diffIds"/>, in layer order.</summary>
    public static IReadOnlyList<Digest> Compute(IReadOnlyList<Digest> diffIds)
    {
        var chain = new List<Digest>(diffIds.Count);
        foreach (var diffId in diffIds)
        {
            chain.Add(chain.Count == 0 ? diffId : Digest.Sha256Of($"{chain[^1]} {diffId}"));
        }

        return chain;
    }
}
