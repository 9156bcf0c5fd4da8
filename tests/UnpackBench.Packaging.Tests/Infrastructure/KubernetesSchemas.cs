using System.Text.Json.Nodes;

namespace UnpackBench.Packaging.Tests.Infrastructure;

/// <summary>
/// Validates Kubernetes objects against the schemas of their kinds: validators generated from the
/// Kubernetes OpenAPI (npm's kubernetes-models) and from the Prometheus Operator's CRDs
/// (@kubernetes-models/prometheus-operator), run by node (validate-kubernetes-objects.mjs). They check
/// types, required fields and formats; like the API server without strict field validation they accept
/// fields they do not know. <c>./test.sh</c> installs the packages and names them in
/// <c>UNPACKBENCH_KUBERNETES_SCHEMAS</c>.
/// </summary>
internal static class KubernetesSchemas
{
    private const string Variable = "UNPACKBENCH_KUBERNETES_SCHEMAS";
    private const string Script = "tests/UnpackBench.Packaging.Tests/Helm/validate-kubernetes-objects.mjs";

    /// <summary>"Kind name: problem" for every problem of every object; empty when all are valid.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<JsonObject> objects)
    {
        var modules = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(modules) || !Directory.Exists(modules))
        {
            throw new Xunit.Sdk.XunitException(
                $"{Variable} does not name the node_modules folder holding npm's kubernetes-models and @kubernetes-models/prometheus-operator. " +
                "Run ./test.sh (it installs them), or: npm install --prefix DIR kubernetes-models@5.1.0 @kubernetes-models/prometheus-operator@6.0.0 and set " +
                $"{Variable}=DIR/node_modules");
        }

        var input = new JsonArray(objects.Select(o => (JsonNode)o.DeepClone()).ToArray()).ToJsonString();
        var output = Tool.Run("node", "apt-get install -y nodejs", [Repository.PathOf(Script), modules], input);
        return JsonNode.Parse(output)!.AsArray()
            .SelectMany(r => r!["problems"]!.AsArray().Select(p => $"{r["kind"]} {r["name"]}: {p}"))
            .ToList();
    }
}
