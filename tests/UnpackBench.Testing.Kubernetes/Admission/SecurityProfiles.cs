using System.Text.Json.Nodes;
using static UnpackBench.Testing.Kubernetes.PodSecurityChecks;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>The Pod Security checks of settings a pod or its containers may set: runAsNonRoot, runAsUser and seccomp profiles.</summary>
internal static class SecurityProfiles
{
    public static string? RunAsNonRoot(JsonObject spec, List<JsonObject> containers)
    {
        var pod = spec["securityContext"]?["runAsNonRoot"] as JsonValue;
        var setters = new List<string>();
        if (pod is not null && !pod.GetValue<bool>())
        {
            setters.Add("pod");
        }

        var explicitlyBad = containers.Where(c => c["securityContext"]?["runAsNonRoot"] is JsonValue v && !v.GetValue<bool>()).Select(Name).ToList();
        if (Named("container", explicitlyBad) is { } named)
        {
            setters.Add(named);
        }

        if (setters.Count > 0)
        {
            return $"{string.Join(" and ", setters)} must not set securityContext.runAsNonRoot=false";
        }

        var podNonRoot = pod is not null && pod.GetValue<bool>();
        var implicitlyBad = containers.Where(c => c["securityContext"]?["runAsNonRoot"] is null && !podNonRoot).Select(Name);
        return Named("container", implicitlyBad) is { } implicitNamed ? $"pod or {implicitNamed} must set securityContext.runAsNonRoot=true" : null;
    }

    public static string? RunAsRoot(JsonObject spec, List<JsonObject> containers)
    {
        var setters = new List<string>();
        if (ObjectMeta.Number(spec["securityContext"]?["runAsUser"]) == 0)
        {
            setters.Add("pod");
        }

        if (Named("container", containers.Where(c => ObjectMeta.Number(c["securityContext"]?["runAsUser"]) == 0).Select(Name)) is { } named)
        {
            setters.Add(named);
        }

        return setters.Count > 0 ? $"{string.Join(" and ", setters)} must not set runAsUser=0" : null;
    }

    public static string? UnconfinedSeccomp(JsonObject spec, List<JsonObject> containers)
    {
        var setters = new List<string>();
        if (SeccompType(spec) == "Unconfined")
        {
            setters.Add("pod");
        }

        if (Named("container", containers.Where(c => SeccompType(c) == "Unconfined").Select(Name)) is { } named)
        {
            setters.Add(named);
        }

        return setters.Count > 0 ? $"{string.Join(" and ", setters)} must not set securityContext.seccompProfile.type to \"Unconfined\"" : null;
    }

    public static string? RestrictedSeccomp(JsonObject spec, List<JsonObject> containers)
    {
        static bool Valid(string? type) => type is "RuntimeDefault" or "Localhost";
        var setters = new List<string>();
        var badValues = new SortedSet<string>(StringComparer.Ordinal);
        var podType = SeccompType(spec);
        if (podType is not null && !Valid(podType))
        {
            setters.Add("pod");
            badValues.Add(podType);
        }

        var explicitlyBad = containers.Where(c => SeccompType(c) is { } t && !Valid(t)).ToList();
        badValues.UnionWith(explicitlyBad.Select(c => SeccompType(c)!));
        if (Named("container", explicitlyBad.Select(Name)) is { } named)
        {
            setters.Add(named);
        }

        if (setters.Count > 0)
        {
            return $"{string.Join(" and ", setters)} must not set securityContext.seccompProfile.type to {JoinQuote(badValues)}";
        }

        var implicitlyBad = containers.Where(c => SeccompType(c) is null && !Valid(podType)).Select(Name);
        return Named("container", implicitlyBad) is { } implicitNamed
            ? $"pod or {implicitNamed} must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\""
            : null;
    }

    private static string? SeccompType(JsonObject holder) => ObjectMeta.Text(holder, "securityContext", "seccompProfile", "type");
}
