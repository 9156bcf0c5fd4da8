using UnpackBench.Agent.Images.Registry;

namespace UnpackBench.Agent.Tests.Images.Registry;

public sealed class AuthenticationChallengeTests
{
    [Theory]
    [InlineData("basic with realm", "Basic realm=\"unpackbench-test\"", "Basic", "realm=unpackbench-test")]
    [InlineData("bearer with realm, service and scope",
        "Bearer realm=\"https://127.0.0.1:5001/token\",service=\"registry\",scope=\"repository:library/busybox:pull\"",
        "Bearer", "realm=https://127.0.0.1:5001/token|service=registry|scope=repository:library/busybox:pull")]
    [InlineData("comma inside a quoted scope", "Bearer realm=\"http://127.0.0.1:1/token\",scope=\"repository:app:pull,push\"",
        "Bearer", "realm=http://127.0.0.1:1/token|scope=repository:app:pull,push")]
    [InlineData("spaces around equals and commas", "Bearer realm = \"r\" ,  service=\"s\"", "Bearer", "realm=r|service=s")]
    [InlineData("unquoted values", "Bearer realm=http://127.0.0.1:1/token,service=reg", "Bearer", "realm=http://127.0.0.1:1/token|service=reg")]
    [InlineData("lower-case scheme and upper-case names", "bearer REALM=\"r\"", "bearer", "realm=r")]
    [InlineData("escaped quote in a value", "Basic realm=\"say \\\"hi\\\"\"", "Basic", "realm=say \"hi\"")]
    [InlineData("error parameter after scope", "Bearer realm=\"r\",error=\"insufficient_scope\"", "Bearer", "realm=r|error=insufficient_scope")]
    [InlineData("scheme without parameters", "Negotiate", "Negotiate", "")]
    [InlineData("unterminated quoted value", "Basic realm=\"open", "Basic", "realm=open")]
    public void A_single_challenge_is_parsed_into_scheme_and_parameters(string @case, string header, string scheme, string parameters)
    {
        var challenges = AuthenticationChallenge.ParseAll(header);

        var challenge = Assert.Single(challenges);
        Assert.Equal(scheme, challenge.Scheme);
        var expected = parameters.Length == 0 ? [] : parameters.Split('|').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.True(expected.Count == challenge.Parameters.Count, $"{@case}: got {string.Join(", ", challenge.Parameters)}");
        foreach (var (name, value) in expected)
        {
            Assert.Equal(value, challenge.Parameter(name));
        }
    }

    [Fact]
    public void Several_challenges_in_one_header_are_all_found()
    {
        var challenges = AuthenticationChallenge.ParseAll("Basic realm=\"a\", Bearer realm=\"b\",service=\"c\"");

        Assert.Collection(
            challenges,
            basic => Assert.Equal(("Basic", "a"), (basic.Scheme, basic.Parameter("realm"))),
            bearer => Assert.Equal(("Bearer", "b", "c"), (bearer.Scheme, bearer.Parameter("realm"), bearer.Parameter("service"))));
    }

    [Theory]
    [InlineData("bearer offered after basic in one header", new[] { "Basic realm=\"a\", Bearer realm=\"b\"" }, "Bearer")]
    [InlineData("bearer in a second header", new[] { "Basic realm=\"a\"", "Bearer realm=\"b\"" }, "Bearer")]
    [InlineData("basic preferred over an unknown scheme", new[] { "Negotiate", "Basic realm=\"a\"" }, "Basic")]
    [InlineData("unknown scheme alone is still returned", new[] { "Negotiate" }, "Negotiate")]
    public void Bearer_is_preferred_then_basic(string @case, string[] headers, string expected)
    {
        var chosen = AuthenticationChallenge.SelectPreferred(headers);

        Assert.True(chosen?.Scheme == expected, $"{@case}: chose {chosen?.Scheme}");
    }

    [Theory]
    [InlineData("empty header", "")]
    [InlineData("only separators", " , ,")]
    public void A_header_without_a_challenge_yields_none(string @case, string header)
    {
        Assert.True(AuthenticationChallenge.ParseAll(header).Count == 0, @case);
        Assert.Null(AuthenticationChallenge.SelectPreferred([header]));
    }
}
