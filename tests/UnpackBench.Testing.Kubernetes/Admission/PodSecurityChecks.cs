using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// The Pod Security Standards checks an agent-like pod can trip, with pod-security-admission's reasons and
/// details, in its order (baseline checks by id, then restricted ones; at restricted, the restricted
/// capabilities, volumes and seccomp checks replace the baseline ones): capabilities, host namespaces,
/// hostPath volumes, host ports, privileged, seccomp; allowPrivilegeEscalation, restricted capabilities,
/// restricted volume types, runAsNonRoot, runAsUser=0, restricted seccomp.
/// </summary>
internal static class PodSecurityChecks
{
    private static readonly HashSet<string> BaselineCapabilities = new(StringComparer.Ordinal)
    {
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    };

    private static readonly HashSet<string> RestrictedVolumeSources = new(StringComparer.Ordinal)
    {
        "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret",
    };

    /// <summary>Each violation as <c>reason (detail)</c>, in the order the admission message lists them.</summary>
    public static IReadOnlyList<string> Violations(JsonObject pod, PodSecurityLevel level)
    {
        var spec = pod["spec"] as JsonObject ?? new JsonObject();
        var containers = new[] { "initContainers", "containers", "ephemeralContainers" }
            .SelectMany(list => (spec[list] as JsonArray)?.OfType<JsonObject>() ?? []).ToList();
        var restricted = level.IsRestricted;
        var checks = new List<(string Reason, string? Detail)>
        {
            restricted ? default : ("non-default capabilities", AddedCapabilities(containers, c => !BaselineCapabilities.Contains(c))),
            ("host namespaces", Join(", ", new[] { "hostIPC", "hostNetwork", "hostPID" }.Where(f => IsTrue(spec[f])).Select(f => $"{f}=true"))),
            restricted ? default : ("hostPath volumes", Named("volume", Volumes(spec).Where(v => v["hostPath"] is not null).Select(Name))),
            ("hostPort", HostPorts(containers)),
            ("privileged", Containers(containers, c => IsTrue(c["securityContext"]?["privileged"]), "must not set securityContext.privileged=true")),
            restricted ? default : ("seccompProfile", SecurityProfiles.UnconfinedSeccomp(spec, containers)),
        };
        if (restricted)
        {
            checks.AddRange(
            [
                ("allowPrivilegeEscalation != false", Containers(containers, c => c["securityContext"]?["allowPrivilegeEscalation"] is not JsonValue v || v.GetValue<bool>(), "must set securityContext.allowPrivilegeEscalation=false")),
                ("unrestricted capabilities", RestrictedCapabilities(containers)),
                ("restricted volume types", RestrictedVolumes(spec)),
                ("runAsNonRoot != true", SecurityProfiles.RunAsNonRoot(spec, containers)),
                ("runAsUser=0", SecurityProfiles.RunAsRoot(spec, containers)),
                ("seccompProfile", SecurityProfiles.RestrictedSeccomp(spec, containers)),
            ]);
        }

        return checks.Where(c => c.Detail is not null).Select(c => $"{c.Reason} ({c.Detail})").ToList();
    }

    internal static string? Containers(IEnumerable<JsonObject> containers, Func<JsonObject, bool> bad, string what) =>
        Named("container", containers.Where(bad).Select(Name)) is { } named ? $"{named} {what}" : null;

    internal static string? Named(string noun, IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? null : $"{(list.Count == 1 ? noun : noun + "s")} {JoinQuote(list)}";
    }

    internal static string JoinQuote(IEnumerable<string> items) => string.Join(", ", items.Select(i => $"\"{i}\""));

    internal static string Name(JsonObject item) => ObjectMeta.Text(item, "name") ?? "";

    internal static bool IsTrue(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static IEnumerable<JsonObject> Volumes(JsonObject spec) => (spec["volumes"] as JsonArray)?.OfType<JsonObject>() ?? [];

    private static string? Join(string separator, IEnumerable<string> parts) => parts.ToList() is { Count: > 0 } list ? string.Join(separator, list) : null;

    private static string? AddedCapabilities(List<JsonObject> containers, Func<string, bool> forbidden)
    {
        var bad = containers.Where(c => Capabilities(c, "add").Any(forbidden)).ToList();
        var capabilities = bad.SelectMany(c => Capabilities(c, "add")).Where(forbidden).Distinct().Order(StringComparer.Ordinal);
        return Named("container", bad.Select(Name)) is { } named ? $"{named} must not include {JoinQuote(capabilities)} in securityContext.capabilities.add" : null;
    }

    private static string? RestrictedCapabilities(List<JsonObject> containers)
    {
        var details = new[]
        {
            Containers(containers, c => !Capabilities(c, "drop").Contains("ALL"), "must set securityContext.capabilities.drop=[\"ALL\"]"),
            AddedCapabilities(containers, c => c != "NET_BIND_SERVICE"),
        };
        return Join("; ", details.OfType<string>());
    }

    private static List<string> Capabilities(JsonObject container, string which) =>
        (container["securityContext"]?["capabilities"]?[which] as JsonArray)?.Select(c => c?.GetValue<string>() ?? "").ToList() ?? [];

    private static string? HostPorts(List<JsonObject> containers)
    {
        var bad = containers.Where(c => Ports(c).Any()).ToList();
        var ports = bad.SelectMany(Ports).Distinct().ToList();
        return bad.Count == 0 ? null
            : $"{Named("container", bad.Select(Name))} {(bad.Count == 1 ? "uses" : "use")} {(ports.Count == 1 ? "hostPort" : "hostPorts")} {string.Join(", ", ports)}";
    }

    private static IEnumerable<string> Ports(JsonObject container) =>
        (container["ports"] as JsonArray)?.OfType<JsonObject>().Select(p => ObjectMeta.Number(p["hostPort"]) ?? 0).Where(p => p != 0).Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? [];

    private static string? RestrictedVolumes(JsonObject spec)
    {
        var bad = Volumes(spec).Where(v => !v.Any(p => RestrictedVolumeSources.Contains(p.Key))).ToList();
        if (bad.Count == 0)
        {
            return null;
        }

        var types = bad.Select(v => v.Select(p => p.Key).FirstOrDefault(k => k != "name") ?? "unknown").Distinct().Order(StringComparer.Ordinal).ToList();
        return $"{Named("volume", bad.Select(Name))} {(bad.Count == 1 ? "uses" : "use")} {(types.Count == 1 ? "restricted volume type" : "restricted volume types")} {JoinQuote(types)}";
    }
}
