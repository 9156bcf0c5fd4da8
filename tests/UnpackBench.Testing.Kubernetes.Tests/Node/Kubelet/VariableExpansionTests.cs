using UnpackBench.Testing.Kubernetes.Node;

namespace UnpackBench.Testing.Kubernetes.Tests.Node.Kubelet;

/// <summary>$(VAR) expansion, as Kubernetes does it in command, args and env.</summary>
public sealed class VariableExpansionTests
{
    [Theory]
    [InlineData("defined", "$(A)", "1")]
    [InlineData("embedded", "x-$(A)-y", "x-1-y")]
    [InlineData("undefined stays", "$(NOPE)", "$(NOPE)")]
    [InlineData("escaped", "$$(A)", "$(A)")]
    [InlineData("double dollar", "a$$b", "a$b")]
    [InlineData("shell syntax stays", "$A ${A}", "$A ${A}")]
    [InlineData("unterminated", "$(A", "$(A")]
    [InlineData("trailing dollar", "cost$", "cost$")]
    [InlineData("two in a row", "$(A)$(B)", "1two")]
    public void Expand_follows_the_Kubernetes_rules(string name, string input, string expected)
    {
        var variables = new Dictionary<string, string> { ["A"] = "1", ["B"] = "two" };

        Assert.True(VariableExpansion.Expand(input, variables) == expected, $"{name}: {VariableExpansion.Expand(input, variables)}");
    }
}
