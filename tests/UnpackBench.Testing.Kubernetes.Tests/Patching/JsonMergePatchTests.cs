using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes.Tests.Patching;

public sealed class JsonMergePatchTests
{
    [Theory]
    [InlineData("objects merge recursively", """{"a":{"b":1,"c":2}}""", """{"a":{"c":3}}""", """{"a":{"b":1,"c":3}}""")]
    [InlineData("null removes", """{"a":1,"b":2}""", """{"a":null}""", """{"b":2}""")]
    [InlineData("arrays are replaced", """{"a":[1,2]}""", """{"a":[3]}""", """{"a":[3]}""")]
    [InlineData("a scalar replaces an object", """{"a":{"b":1}}""", """{"a":"x"}""", """{"a":"x"}""")]
    [InlineData("an object replaces a scalar", """{"a":"x"}""", """{"a":{"b":null,"c":1}}""", """{"a":{"c":1}}""")]
    public void Applies_RFC_7386(string because, string target, string patch, string expected)
    {
        var result = JsonMergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), $"{because}: got {result?.ToJsonString()}");
    }
}
