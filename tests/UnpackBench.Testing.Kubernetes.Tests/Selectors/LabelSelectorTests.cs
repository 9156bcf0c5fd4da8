namespace UnpackBench.Testing.Kubernetes.Tests.Selectors;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "agent", ["tier"] = "bench", ["run"] = "3" };

    [Theory]
    [InlineData("", true)]
    [InlineData("app=agent", true)]
    [InlineData("app==agent", true)]
    [InlineData("app=other", false)]
    [InlineData("app!=other", true)]
    [InlineData("missing!=x", true)]
    [InlineData("app!=agent", false)]
    [InlineData("tier in (bench, web)", true)]
    [InlineData("tier in (web)", false)]
    [InlineData("tier notin (web)", true)]
    [InlineData("missing notin (web)", true)]
    [InlineData("tier notin (bench)", false)]
    [InlineData("app", true)]
    [InlineData("missing", false)]
    [InlineData("!missing", true)]
    [InlineData("!app", false)]
    [InlineData("app=agent,tier in (bench,web),!missing", true)]
    [InlineData("app=agent,run=4", false)]
    public void Matches_like_Kubernetes(string selector, bool matches)
    {
        Assert.Equal(matches, LabelSelector.Parse(selector).Matches(Labels));
    }

    [Theory]
    [InlineData("app=agent,")]
    [InlineData("tier in bench")]
    [InlineData("tier within (a)")]
    public void Rejects_malformed_selectors_with_400(string selector)
    {
        Assert.Equal(400, Assert.Throws<ApiError>(() => LabelSelector.Parse(selector)).Code);
    }
}
