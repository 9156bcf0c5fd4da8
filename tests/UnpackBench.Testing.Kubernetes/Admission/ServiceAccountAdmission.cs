using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>The ServiceAccount admission plugin's pod checks: the default service account, and that it exists.</summary>
internal static class ServiceAccountAdmission
{
    private const string DefaultServiceAccount = "default";

    /// <summary>Defaults <c>spec.serviceAccountName</c>; refuses a pod whose service account is missing. The caller holds the store's lock.</summary>
    public static void Admit(JsonObject pod, ObjectStore store)
    {
        var spec = pod["spec"] as JsonObject ?? new JsonObject();
        pod["spec"] = spec;
        var name = ObjectMeta.Text(spec, "serviceAccountName") is { Length: > 0 } given ? given : DefaultServiceAccount;
        spec["serviceAccountName"] = name;
        var ns = ObjectMeta.Namespace(pod)!;
        if (store.Find(BuiltInResources.ServiceAccounts, ns, name) is null)
        {
            throw ApiError.Forbidden(BuiltInResources.Pods, ObjectMeta.Name(pod), $"error looking up service account {ns}/{name}: serviceaccount \"{name}\" not found");
        }
    }
}
