using System.Text.Json.Nodes;
using UnpackBench.Testing.Kubernetes.Fields;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// The admission the server was started with, in kube-apiserver's phases: mutating plugins (ServiceAccount)
/// before the object is validated, validating plugins (OwnerReferencesPermissionEnforcement, then
/// PodSecurity) after. Pod resource validation joins the object's validation.
/// </summary>
internal sealed class AdmissionChain(AdmissionPlugins plugins, RbacAuthorizer? authorizer, ResourceCatalog catalog)
{
    private readonly OwnerReferencesAdmission? _ownerReferences =
        plugins.HasFlag(AdmissionPlugins.OwnerReferencesPermissionEnforcement) && authorizer is not null ? new OwnerReferencesAdmission(authorizer, catalog) : null;

    /// <summary>Mutating admission of a create; the caller holds the store's lock.</summary>
    public void Mutate(ApiResource type, JsonObject obj, ObjectStore store)
    {
        if (type == BuiltInResources.Pods && plugins.HasFlag(AdmissionPlugins.ServiceAccount))
        {
            ServiceAccountAdmission.Admit(obj, store);
        }
    }

    /// <summary>The object validation admission adds (pod resources).</summary>
    public IReadOnlyList<FieldError> ValidateObject(ApiResource type, JsonObject obj) =>
        type == BuiltInResources.Pods && plugins.HasFlag(AdmissionPlugins.PodResources) ? PodResourceValidation.Validate(obj) : [];

    /// <summary>Validating admission of a create (<paramref name="old"/> null) or main-resource update; the caller holds the store's lock.</summary>
    public void Validate(ApiResource type, JsonObject obj, JsonObject? old, RequestIdentity requester, ObjectStore store)
    {
        _ownerReferences?.Validate(type, obj, old, requester);
        if (type == BuiltInResources.Pods && old is null && plugins.HasFlag(AdmissionPlugins.PodSecurity))
        {
            var level = PodSecurityLevel.Of(store.Find(BuiltInResources.Namespaces, null, ObjectMeta.Namespace(obj)!));
            if (!level.IsPrivileged && PodSecurityChecks.Violations(obj, level) is { Count: > 0 } violations)
            {
                throw ApiError.Forbidden(type, ObjectMeta.Name(obj), $"violates PodSecurity \"{level}\": {string.Join(", ", violations)}");
            }
        }
    }
}
