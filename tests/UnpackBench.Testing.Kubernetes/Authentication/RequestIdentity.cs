namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// Who a request comes from, as the API server's authenticator establishes it: a user name and groups.
/// <see cref="Admin"/> (in <c>system:masters</c>, which authorization never refuses) is whoever sends no token.
/// </summary>
/// <param name="UserName">The user, e.g. <c>system:serviceaccount:unpackbench-system:unpackbench-operator</c> or <c>system:node:node-1</c>.</param>
/// <param name="Groups">The groups, e.g. <c>system:serviceaccounts</c>.</param>
public sealed record RequestIdentity(string UserName, IReadOnlyList<string> Groups)
{
    /// <summary>The all-powerful identity of requests without a token (a cluster admin's kubeconfig).</summary>
    public static RequestIdentity Admin { get; } = new("system:admin", ["system:masters", "system:authenticated"]);

    /// <summary>Whether RBAC lets this identity do anything (<c>system:masters</c>).</summary>
    public bool IsSuperUser => Groups.Contains("system:masters");

    /// <summary>A service account as its token authenticates it: <c>system:serviceaccount:{ns}:{name}</c> in the service-account groups.</summary>
    public static RequestIdentity ServiceAccount(string @namespace, string name) =>
        new($"system:serviceaccount:{@namespace}:{name}", ["system:serviceaccounts", $"system:serviceaccounts:{@namespace}", "system:authenticated"]);

    /// <summary>A plain user in <c>system:authenticated</c> (and <paramref name="groups"/>).</summary>
    public static RequestIdentity User(string name, params string[] groups) => new(name, [.. groups, "system:authenticated"]);

    /// <inheritdoc />
    public override string ToString() => UserName;
}
