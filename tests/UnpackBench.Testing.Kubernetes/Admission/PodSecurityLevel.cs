using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// The Pod Security level a namespace enforces, from its labels <c>pod-security.kubernetes.io/enforce</c>
/// (privileged, baseline, restricted) and <c>…/enforce-version</c> (<c>latest</c> or <c>v1.28</c>); no label
/// (or no namespace object) is privileged. A level the server does not know is enforced as restricted.
/// </summary>
internal sealed record PodSecurityLevel(string Level, string Version)
{
    private const string EnforceLabel = "pod-security.kubernetes.io/enforce";
    private const string VersionLabel = "pod-security.kubernetes.io/enforce-version";

    public static PodSecurityLevel Of(JsonObject? ns)
    {
        var labels = ns is null ? [] : ObjectMeta.Labels(ns);
        var level = labels.GetValueOrDefault(EnforceLabel) switch
        {
            null or "" or "privileged" => "privileged",
            "baseline" => "baseline",
            _ => "restricted",
        };
        return new PodSecurityLevel(level, labels.GetValueOrDefault(VersionLabel) is { Length: > 0 } version ? version : "latest");
    }

    public bool IsPrivileged => Level == "privileged";

    public bool IsRestricted => Level == "restricted";

    /// <summary>As the admission message names it: <c>baseline:latest</c>.</summary>
    public override string ToString() => $"{Level}:{Version}";
}
