using System.Text;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// Kubernetes' <c>$(VAR_NAME)</c> expansion in <c>command</c>, <c>args</c> and <c>env</c> values: a defined
/// variable is replaced, an undefined one is left as written, <c>$$</c> is a literal <c>$</c>, and any other
/// <c>$</c> stays as it is.
/// </summary>
internal static class VariableExpansion
{
    /// <summary>Expands <paramref name="input"/> with the variables of <paramref name="variables"/>.</summary>
    public static string Expand(string input, IReadOnlyDictionary<string, string> variables)
    {
        var output = new StringBuilder(input.Length);
        var i = 0;
        while (i < input.Length)
        {
            if (input[i] != '$' || i + 1 == input.Length)
            {
                output.Append(input[i++]);
                continue;
            }

            var next = input[i + 1];
            if (next == '$')
            {
                output.Append('$');
                i += 2;
            }
            else if (next == '(' && input.IndexOf(')', i + 2) is var close and > 0)
            {
                var name = input[(i + 2)..close];
                output.Append(variables.TryGetValue(name, out var value) ? value : $"$({name})");
                i = close + 1;
            }
            else
            {
                output.Append('$').Append(next);
                i += 2;
            }
        }

        return output.ToString();
    }
}
