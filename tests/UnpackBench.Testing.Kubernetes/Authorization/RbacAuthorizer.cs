using System.Text.Json.Nodes;
using UnpackBench.Testing.Kubernetes.Yaml;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// A small RBAC authorizer: Roles and ClusterRoles with their rules, bound to users, groups and service
/// accounts by RoleBindings (in their namespace) and ClusterRoleBindings (everywhere), read from the same
/// YAML a cluster is given (other kinds in it are ignored). <c>system:masters</c> may do anything.
/// </summary>
internal sealed class RbacAuthorizer
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string? Namespace, string Name), List<RbacRule>> _roles = [];
    private readonly List<Binding> _bindings = [];

    /// <summary>Adds the Roles, ClusterRoles and bindings of a YAML stream.</summary>
    public void Apply(string yaml)
    {
        lock (_gate)
        {
            foreach (var document in YamlDocuments.Parse(yaml).OfType<JsonObject>())
            {
                Add(document);
            }
        }
    }

    public bool Allows(RequestIdentity identity, AuthorizationAttributes request)
    {
        if (identity.IsSuperUser)
        {
            return true;
        }

        lock (_gate)
        {
            return _bindings
                .Where(b => b.Namespace is null || b.Namespace == request.Namespace)
                .Where(b => b.Subjects.Any(s => s.Matches(identity)))
                .SelectMany(b => _roles.GetValueOrDefault(b.Role) ?? [])
                .Any(rule => rule.Allows(request));
        }
    }

    private void Add(JsonObject document)
    {
        var ns = ObjectMeta.Namespace(document);
        var name = ObjectMeta.Name(document) ?? "";
        switch (ObjectMeta.Text(document, "kind"))
        {
            case "Role" or "ClusterRole":
                var key = (ObjectMeta.Text(document, "kind") == "Role" ? ns ?? "default" : null, name);
                _roles[key] = (document["rules"] as JsonArray)?.OfType<JsonObject>().Select(RbacRule.From).ToList() ?? [];
                break;
            case "RoleBinding" or "ClusterRoleBinding":
                var bindingNamespace = ObjectMeta.Text(document, "kind") == "RoleBinding" ? ns ?? "default" : null;
                var roleKind = ObjectMeta.Text(document, "roleRef", "kind");
                var role = (roleKind == "Role" ? bindingNamespace : null, ObjectMeta.Text(document, "roleRef", "name") ?? "");
                var subjects = (document["subjects"] as JsonArray)?.OfType<JsonObject>().Select(s => Subject.From(s, bindingNamespace)).ToList() ?? [];
                _bindings.Add(new Binding(bindingNamespace, role, subjects));
                break;
        }
    }

    private sealed record Binding(string? Namespace, (string? Namespace, string Name) Role, IReadOnlyList<Subject> Subjects);

    private sealed record Subject(string Kind, string Name)
    {
        public static Subject From(JsonObject subject, string? bindingNamespace)
        {
            var kind = ObjectMeta.Text(subject, "kind") ?? "";
            var name = ObjectMeta.Text(subject, "name") ?? "";
            return kind == "ServiceAccount"
                ? new Subject("User", $"system:serviceaccount:{ObjectMeta.Text(subject, "namespace") ?? bindingNamespace}:{name}")
                : new Subject(kind, name);
        }

        public bool Matches(RequestIdentity identity) => Kind == "Group" ? identity.Groups.Contains(Name) : identity.UserName == Name;
    }
}
