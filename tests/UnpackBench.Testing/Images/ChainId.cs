using System.Text;

namespace UnpackBench.Testing.Images;

/// <summary>
/// Layer chain IDs as the OCI image spec defines them: ChainID(L0) = DiffID(L0),
/// ChainID(L0..Ln) = sha256(ChainID(L0..Ln-1) + " " + DiffID(Ln)). containerd names committed snapshots by them.
/// </summary>
public static class ChainId
{
    /// <summary>The chain ID of every prefix of <paramref name="diffIds"/>, in order.</summary>
    public static IReadOnlyList<string> Compute(IEnumerable<string> diffIds)
    {
        var chain = new List<string>();
        foreach (var diffId in diffIds)
        {
            chain.Add(chain.Count == 0 ? diffId : ContentDigest.Of(Encoding.ASCII.GetBytes($"{chain[^1]} {diffId}")));
        }

        return chain;
    }
}
