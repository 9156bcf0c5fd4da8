using System.Text.Json.Nodes;
using UnpackBench.Testing.Kubernetes.Yaml;

namespace UnpackBench.Testing.Kubernetes.Tests.Yaml;

public sealed class YamlDocumentsTests
{
    [Theory]
    [InlineData("decimal", "42", "42")]
    [InlineData("negative", "-7", "-7")]
    [InlineData("hexadecimal", "0x1F", "31")]
    [InlineData("YAML 1.1 octal", "0755", "493")]
    [InlineData("float", "1.5", "1.5")]
    [InlineData("exponent", "1e3", "1000")]
    [InlineData("true", "true", "true")]
    [InlineData("YAML 1.1 yes", "yes", "true")]
    [InlineData("YAML 1.1 off", "off", "false")]
    [InlineData("tilde", "~", "null")]
    [InlineData("version-like text", "1.2.3", "\"1.2.3\"")]
    [InlineData("quantity", "20Gi", "\"20Gi\"")]
    [InlineData("time-like text", "12:30", "\"12:30\"")]
    public void Plain_scalars_are_typed_like_kubernetes_types_them(string @case, string text, string json)
    {
        Assert.True(json == (YamlDocuments.ResolvePlain(text)?.ToJsonString() ?? "null"), @case);
    }

    [Fact]
    public void Quoted_scalars_stay_strings()
    {
        var document = YamlDocuments.ParseSingle("a: \"5\"\nb: 'yes'\nc: !!str 7\n");
        Assert.Equal("""{"a":"5","b":"yes","c":"7"}""", document.ToJsonString());
    }

    [Fact]
    public void Empty_documents_are_skipped()
    {
        var documents = YamlDocuments.Parse("# comment\n---\na: 1\n---\n# only a comment\n---\nb: 2\n");
        Assert.Equal(2, documents.Count);
    }

    [Fact]
    public void Duplicate_keys_are_refused_like_strict_decoding_refuses_them()
    {
        Assert.ThrowsAny<Exception>(() => YamlDocuments.Parse("a: 1\na: 2\n"));
    }

    [Fact]
    public void Block_scalars_keep_their_text()
    {
        var document = YamlDocuments.ParseSingle("script: |\n  line one\n  line two\n");
        Assert.Equal("line one\nline two\n", document["script"]!.GetValue<string>());
        Assert.IsType<JsonObject>(document);
    }
}
