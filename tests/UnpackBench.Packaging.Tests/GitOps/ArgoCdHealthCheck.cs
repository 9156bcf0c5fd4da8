using System.Text;
using System.Text.Json.Nodes;
using NLua;
using UnpackBench.Packaging.Tests.Infrastructure;

namespace UnpackBench.Packaging.Tests.GitOps;

/// <summary>
/// Runs <c>config/gitops/argocd-health.lua</c> as Argo CD does: the resource as the Lua table <c>obj</c>,
/// the script's top level as the body of a function whose returned table holds <c>status</c> and <c>message</c>.
/// </summary>
internal static class ArgoCdHealthCheck
{
    public const string File = "config/gitops/argocd-health.lua";

    /// <summary>The health Argo CD would show for <paramref name="resource"/>.</summary>
    public static (string Status, string Message) Assess(JsonObject resource)
    {
        using var lua = new Lua();
        lua.DoString($"obj = {Table(resource)}");
        var result = lua.DoString($"return (function()\n{Repository.Read(File)}\nend)()");
        var health = (LuaTable)result[0];
        return ((string)health["status"], (string)health["message"]);
    }

    // A Lua table constructor for a JSON value (Argo CD hands the resource over the same way: objects and
    // arrays become tables, arrays indexed from 1).
    private static string Table(JsonNode? node) => node switch
    {
        null => "nil",
        JsonObject o => "{" + string.Join(", ", o.Select(p => $"[{Quote(p.Key)}] = {Table(p.Value)}")) + "}",
        JsonArray a => "{" + string.Join(", ", a.Select(Table)) + "}",
        JsonValue v when v.TryGetValue<string>(out var s) => Quote(s),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => v.ToJsonString(), // a JSON number is a Lua numeral
        _ => throw new ArgumentException($"no Lua form for {node.GetValueKind()}", nameof(node)),
    };

    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
