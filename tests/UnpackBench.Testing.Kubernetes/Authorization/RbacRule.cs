using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>One PolicyRule of a Role or ClusterRole: API groups, resources (<c>pods</c>, <c>pods/log</c>, <c>*</c>), verbs and optional resource names.</summary>
internal sealed record RbacRule(IReadOnlyList<string> ApiGroups, IReadOnlyList<string> Resources, IReadOnlyList<string> Verbs, IReadOnlyList<string> ResourceNames)
{
    public static RbacRule From(JsonObject rule) => new(Strings(rule, "apiGroups"), Strings(rule, "resources"), Strings(rule, "verbs"), Strings(rule, "resourceNames"));

    /// <summary>Whether the rule allows the request, as RBAC's rule matching does.</summary>
    public bool Allows(AuthorizationAttributes request) =>
        Matches(Verbs, request.Verb)
        && Matches(ApiGroups, request.ApiGroup)
        && (Matches(Resources, request.RuleResource) || (request.Subresource is { } sub && Resources.Contains($"*/{sub}")))
        && (ResourceNames.Count == 0 || (request.Name is { Length: > 0 } name && ResourceNames.Contains(name)));

    private static bool Matches(IReadOnlyList<string> allowed, string value) => allowed.Contains("*") || allowed.Contains(value);

    private static List<string> Strings(JsonObject rule, string key) =>
        (rule[key] as JsonArray)?.Select(v => v?.GetValue<string>() ?? "").ToList() ?? [];
}
