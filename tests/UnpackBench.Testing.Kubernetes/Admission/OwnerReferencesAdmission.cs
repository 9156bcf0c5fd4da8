using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// The OwnerReferencesPermissionEnforcement plugin: setting <c>blockOwnerDeletion: true</c> on a reference
/// needs <c>update</c> on the owner's <c>finalizers</c> subresource (in the object's namespace, by the owner's
/// name); changing owner references on an update needs <c>delete</c> on the object. Refusals are 403s with
/// the plugin's wording (RBAC gives no reason and no error: <c>: , &lt;nil&gt;</c>).
/// </summary>
internal sealed class OwnerReferencesAdmission(RbacAuthorizer authorizer, ResourceCatalog catalog)
{
    public void Validate(ApiResource type, JsonObject obj, JsonObject? old, RequestIdentity requester)
    {
        var references = References(obj);
        if (old is not null && JsonNode.DeepEquals(references, References(old)))
        {
            return;
        }

        var ns = ObjectMeta.Namespace(obj);
        var name = ObjectMeta.Name(obj);
        if (old is not null && !authorizer.Allows(requester, new AuthorizationAttributes("delete", type.Group, type.Plural, null, ns, name)))
        {
            throw ApiError.Forbidden(type, name, "cannot set an ownerRef on a resource you can't delete: , <nil>");
        }

        var previouslyBlocking = (References(old)?.OfType<JsonObject>() ?? []).Where(Blocks).Select(r => ObjectMeta.Text(r, "uid")).ToHashSet();
        foreach (var reference in references?.OfType<JsonObject>().Where(r => Blocks(r) && !previouslyBlocking.Contains(ObjectMeta.Text(r, "uid"))) ?? [])
        {
            var apiVersion = ObjectMeta.Text(reference, "apiVersion") ?? "";
            var kind = ObjectMeta.Text(reference, "kind") ?? "";
            var owner = catalog.All.FirstOrDefault(r => r.ApiVersion == apiVersion && r.Kind == kind)
                ?? throw ApiError.Forbidden(type, name, $"cannot set blockOwnerDeletion in this case because cannot find RESTMapping for APIVersion {apiVersion} Kind {kind}: no matches for kind \"{kind}\" in version \"{apiVersion}\", <nil>");
            if (!authorizer.Allows(requester, new AuthorizationAttributes("update", owner.Group, owner.Plural, "finalizers", ns, ObjectMeta.Text(reference, "name"))))
            {
                throw ApiError.Forbidden(type, name, "cannot set blockOwnerDeletion if an ownerReference refers to a resource you can't set finalizers on: , <nil>");
            }
        }
    }

    private static JsonArray? References(JsonObject? obj) => obj?["metadata"]?["ownerReferences"] as JsonArray;

    private static bool Blocks(JsonObject reference) => PodSecurityChecks.IsTrue(reference["blockOwnerDeletion"]);
}
