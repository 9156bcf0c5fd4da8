using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// The error a real API server answers <c>pods/log</c> with when it cannot reach the pod's kubelet: a 500
/// Status (no reason) whose message is Go's error for the failed <c>GET
/// https://{node}:{port}/containerLogs/{ns}/{pod}/{container}?{query}</c>. The node's address is its
/// InternalIP (then Hostname, then ExternalIP, then the pod's hostIP — kubeadm's preference), the port its
/// <c>status.daemonEndpoints.kubeletEndpoint.Port</c> (10250 when unset).
/// </summary>
internal static class UnreachableKubelet
{
    private const int DefaultKubeletPort = 10250;
    private static readonly string[] PreferredAddressTypes = ["InternalIP", "Hostname", "ExternalIP"];

    public static ApiError LogError(JsonObject pod, JsonObject? node, string container, IQueryCollection query)
    {
        var host = Address(pod, node);
        var port = ObjectMeta.Number(node?["status"]?["daemonEndpoints"]?["kubeletEndpoint"]?["Port"]) ?? DefaultKubeletPort;
        var endpoint = $"{host}:{port.ToString(CultureInfo.InvariantCulture)}";
        var queryString = Query(query);
        var url = $"https://{endpoint}/containerLogs/{ObjectMeta.Namespace(pod)}/{ObjectMeta.Name(pod)}/{container}{(queryString.Length == 0 ? "" : "?" + queryString)}";
        return ApiError.Unclassified(500, $"Get \"{url}\": dial tcp {endpoint}: connect: connection refused");
    }

    private static string Address(JsonObject pod, JsonObject? node)
    {
        var addresses = (node?["status"]?["addresses"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        foreach (var type in PreferredAddressTypes)
        {
            if (addresses.FirstOrDefault(a => ObjectMeta.Text(a, "type") == type) is { } match && ObjectMeta.Text(match, "address") is { Length: > 0 } address)
            {
                return address;
            }
        }

        return ObjectMeta.Text(pod, "status", "hostIP") ?? ObjectMeta.Text(pod, "spec", "nodeName")!;
    }

    /// <summary>The kubelet query as the API server builds it: only the options given, keys in Go's sorted order.</summary>
    private static string Query(IQueryCollection query)
    {
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var flag in new[] { "follow", "previous", "timestamps" })
        {
            if (query[flag].ToString() is "true" or "1")
            {
                parameters[flag] = "true";
            }
        }

        foreach (var number in new[] { "sinceSeconds", "tailLines", "limitBytes" })
        {
            if (long.TryParse(query[number], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                parameters[number] = value.ToString(CultureInfo.InvariantCulture);
            }
        }

        return string.Join('&', parameters.Select(p => $"{p.Key}={p.Value}"));
    }
}
