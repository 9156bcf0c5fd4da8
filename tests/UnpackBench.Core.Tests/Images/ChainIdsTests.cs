using UnpackBench.Core.Images;

namespace UnpackBench.Core.Tests.Images;

public sealed class ChainIdsTests
{
    // Diff IDs are sha256 of arbitrary text; chain IDs follow the OCI image spec,
    // ChainID(n) = sha256(ChainID(n-1) + " " + DiffID(n)), computed independently with:
    //   python3 -c 'import hashlib; h=lambda s: "sha256:"+hashlib.sha256(s.encode()).hexdigest();
    //     d1,d2,d3=h("layer one"),h("layer two"),h("layer three"); c2=h(d1+" "+d2); print(d1,d2,d3,c2,h(c2+" "+d3))'
    private static readonly Digest DiffId1 = Digest.Parse("sha256:f191e625176e7514249870c60bc24622131b04927a418001d1969c9cecd260f1");
    private static readonly Digest DiffId2 = Digest.Parse("sha256:77c7ed05b2e49df2e55d70cb007508cc66b2f5419a940bfd6f8749ba7db77c45");
    private static readonly Digest DiffId3 = Digest.Parse("sha256:6483085b79dcef99d4d90b43a910666cdce078bf772da453728f8c385fbfdf2f");
    private static readonly Digest ChainId2 = Digest.Parse("sha256:d440fc2ac5bfa225471b58c5d6b4283504f5dfbcd6251023a635cdcd0c058e3e");
    private static readonly Digest ChainId3 = Digest.Parse("sha256:952689aceeac7e377b602804de533a4ad47ba634e3917ca7cb071e5ff2bff6cd");

    [Fact]
    public void No_layers_have_no_chain_ids()
    {
        Assert.Empty(ChainIds.Compute([]));
    }

    [Fact]
    public void Chain_id_of_first_layer_is_its_diff_id()
    {
        Assert.Equal([DiffId1], ChainIds.Compute([DiffId1]));
    }

    [Fact]
    public void Chain_id_of_second_layer_hashes_parent_and_diff_id()
    {
        Assert.Equal([DiffId1, ChainId2], ChainIds.Compute([DiffId1, DiffId2]));
    }

    [Fact]
    public void Chain_id_of_third_layer_hashes_the_second_chain_id_not_the_second_diff_id()
    {
        Assert.Equal([DiffId1, ChainId2, ChainId3], ChainIds.Compute([DiffId1, DiffId2, DiffId3]));
    }

    [Fact]
    public void Chain_ids_depend_on_layer_order()
    {
        var reordered = ChainIds.Compute([DiffId2, DiffId1]);

        Assert.Equal(DiffId2, reordered[0]);
        Assert.NotEqual(ChainId2, reordered[1]);
    }
}
