using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace UnpackBench.Packaging.Tests.Schema;

/// <summary>
/// Evaluates the small part of CEL the CRD's x-kubernetes-validations use: terms
/// <c>self.f == 'text'</c>, <c>self.f != 'text'</c>, <c>has(self.f)</c> and <c>!has(self.f)</c>, joined
/// by <c>&amp;&amp;</c> and <c>||</c> (no parentheses). A field missing from the object reads its schema
/// default, as the API server defaults before it validates; a field with neither is an evaluation
/// error, which fails the rule. Any other rule throws, so a new rule in the CRD needs a look here.
/// </summary>
internal static partial class CelSubset
{
    /// <summary>Whether <paramref name="rule"/> holds for <paramref name="self"/> (an object of <paramref name="schema"/>).</summary>
    public static bool Holds(string rule, JsonObject self, JsonObject schema) =>
        rule.Split("||").Any(any => any.Split("&&").All(term => Term(term.Trim(), rule, self, schema)));

    private static bool Term(string term, string rule, JsonObject self, JsonObject schema)
    {
        if (Has().Match(term) is { Success: true } has)
        {
            var present = self[has.Groups["field"].Value] is not null;
            return has.Groups["not"].Success ? !present : present;
        }

        if (Comparison().Match(term) is { Success: true } comparison)
        {
            var field = comparison.Groups["field"].Value;
            var value = self[field] ?? (schema["properties"]?[field]?["default"]);
            if (value is not JsonValue text || !text.TryGetValue<string>(out var actual))
            {
                return false;
            }

            var equal = actual == comparison.Groups["text"].Value;
            return comparison.Groups["op"].Value == "==" ? equal : !equal;
        }

        throw new NotSupportedException($"the CEL rule \"{rule}\" has a term (\"{term}\") outside the subset this test evaluates; extend CelSubset");
    }

    [GeneratedRegex(@"^(?<not>!)?has\(self\.(?<field>[A-Za-z_][A-Za-z0-9_]*)\)$")]
    private static partial Regex Has();

    [GeneratedRegex(@"^self\.(?<field>[A-Za-z_][A-Za-z0-9_]*)\s*(?<op>==|!=)\s*'(?<text>[^'\\]*)'$")]
    private static partial Regex Comparison();
}
