using UnpackBench.Analysis.Documents;
using UnpackBench.Analysis.Tests.Support;
using UnpackBench.Core.Results;

namespace UnpackBench.Analysis.Tests.Documents;

public sealed class ResultDocumentParserTests
{
    [Fact]
    public void A_document_the_agent_writes_is_read_back()
    {
        var written = SampleResults.With([1.0, 1.1]);

        var read = ResultDocumentParser.Parse(ResultJson.Serialize(written), "base.json");

        Assert.Equal(written.Runs.Select(r => r.DurationSeconds), read.Runs.Select(r => r.DurationSeconds));
    }

    [Theory]
    [InlineData("not JSON", "hello", "base.json is not JSON")]
    [InlineData("empty", "", "base.json is not JSON")]
    [InlineData("an array", "[1, 2]", "base.json is not an UnpackBench result document")]
    [InlineData("another JSON file", """{ "name": "left-pad", "version": "1.3.0" }""", "base.json is not an UnpackBench result document")]
    [InlineData("a newer schema", """{ "schema_version": 2, "benchmark_config": {} }""", "base.json has schema_version 2, newer than this version reads (1); use a newer unpackbench-agent")]
    [InlineData("a text schema version", """{ "schema_version": "one", "benchmark_config": {} }""", "base.json has schema_version \"one\"")]
    [InlineData("missing fields", """{ "schema_version": 1, "benchmark_config": {} }""", "base.json is not a valid result document")]
    public void Bad_input_gets_an_error_that_says_what_is_wrong(string _, string text, string expected)
    {
        var error = Assert.Throws<ResultDocumentException>(() => ResultDocumentParser.Parse(text, "base.json"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
