using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes.Tests.Patching;

public sealed class StrategicMergePatchTests
{
    [Theory]
    [InlineData("keyed lists merge by their key",
        """{"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}""",
        """{"env":[{"name":"B","value":"3"},{"name":"C","value":"4"}]}""",
        """{"env":[{"name":"A","value":"1"},{"name":"B","value":"3"},{"name":"C","value":"4"}]}""")]
    [InlineData("$patch delete removes a keyed element",
        """{"volumes":[{"name":"a"},{"name":"b"}]}""",
        """{"volumes":[{"name":"a","$patch":"delete"}]}""",
        """{"volumes":[{"name":"b"}]}""")]
    [InlineData("lists without a merge key are replaced",
        """{"args":["a","b"]}""",
        """{"args":["c"]}""",
        """{"args":["c"]}""")]
    [InlineData("$patch replace on a map replaces it",
        """{"spec":{"a":1,"b":2}}""",
        """{"spec":{"$patch":"replace","c":3}}""",
        """{"spec":{"c":3}}""")]
    [InlineData("$deleteFromPrimitiveList removes values",
        """{"metadata":{"finalizers":["a","b","c"]}}""",
        """{"metadata":{"$deleteFromPrimitiveList/finalizers":["b"]}}""",
        """{"metadata":{"finalizers":["a","c"]}}""")]
    [InlineData("ports merge by containerPort",
        """{"ports":[{"containerPort":80,"name":"http"}]}""",
        """{"ports":[{"containerPort":80,"protocol":"TCP"},{"containerPort":443}]}""",
        """{"ports":[{"containerPort":80,"name":"http","protocol":"TCP"},{"containerPort":443}]}""")]
    [InlineData("$setElementOrder is accepted and ignored",
        """{"env":[{"name":"A"}]}""",
        """{"$setElementOrder/env":[{"name":"A"}],"env":[{"name":"A","value":"x"}]}""",
        """{"env":[{"name":"A","value":"x"}]}""")]
    public void Applies(string because, string target, string patch, string expected)
    {
        var result = StrategicMergePatch.Apply(JsonNode.Parse(target)!.AsObject(), JsonNode.Parse(patch)!.AsObject());

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), $"{because}: got {result.ToJsonString()}");
    }
}
