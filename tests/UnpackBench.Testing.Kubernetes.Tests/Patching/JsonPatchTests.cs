using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes.Tests.Patching;

public sealed class JsonPatchTests
{
    [Theory]
    [InlineData("add appends with -", """{"a":[1]}""", """[{"op":"add","path":"/a/-","value":2}]""", """{"a":[1,2]}""")]
    [InlineData("add inserts at an index", """{"a":[1,3]}""", """[{"op":"add","path":"/a/1","value":2}]""", """{"a":[1,2,3]}""")]
    [InlineData("remove drops an array element", """{"a":[1,2]}""", """[{"op":"remove","path":"/a/0"}]""", """{"a":[2]}""")]
    [InlineData("move renames a field", """{"a":1}""", """[{"op":"move","from":"/a","path":"/b"}]""", """{"b":1}""")]
    [InlineData("copy duplicates a field", """{"a":{"x":1}}""", """[{"op":"copy","from":"/a","path":"/b"}]""", """{"a":{"x":1},"b":{"x":1}}""")]
    [InlineData("escaped pointers reach odd keys", """{"a/b":{"c~d":1}}""", """[{"op":"replace","path":"/a~1b/c~0d","value":2}]""", """{"a/b":{"c~d":2}}""")]
    public void Applies(string because, string target, string patch, string expected)
    {
        var result = JsonPatch.Apply(JsonNode.Parse(target)!.AsObject(), JsonNode.Parse(patch));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), $"{because}: got {result.ToJsonString()}");
    }

    [Theory]
    [InlineData("replace of a missing path", """[{"op":"replace","path":"/missing","value":1}]""")]
    [InlineData("remove of a missing path", """[{"op":"remove","path":"/a/5"}]""")]
    [InlineData("a failing test", """[{"op":"test","path":"/a","value":[9]}]""")]
    public void Rejects_with_422(string because, string patch)
    {
        var error = Assert.Throws<ApiError>(() => JsonPatch.Apply(JsonNode.Parse("""{"a":[1]}""")!.AsObject(), JsonNode.Parse(patch)));

        Assert.True(error.Code == 422, because);
    }
}
