using UnpackBench.Operator.Hosting;
using UnpackBench.Testing;

namespace UnpackBench.Operator.Tests.Hosting;

public sealed class ClusterConnectionTests
{
    private const string Kubeconfig = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: test
          cluster:
            server: https://cluster.example:6443
            insecure-skip-tls-verify: true
        users:
        - name: operator
          user:
            token: s3cr3t-token
        contexts:
        - name: test
          context: {cluster: test, user: operator}
        current-context: test
        """;

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var values = variables.ToDictionary(v => v.Name, v => v.Value);
        return name => values.GetValueOrDefault(name);
    }

    [Fact]
    public void The_kubeconfig_variable_is_read_with_its_credentials()
    {
        using var directory = new TempDirectory("kubeconfig");
        var path = Path.Combine(directory.Path, "config");
        File.WriteAllText(path, Kubeconfig);

        var (configuration, problem) = ClusterConnection.Configure([], Environment(("KUBECONFIG", $"/nonexistent/config:{path}")), File.Exists);

        Assert.Null(problem);
        Assert.Equal("https://cluster.example:6443", configuration!.Host);
        Assert.Equal("s3cr3t-token", configuration.AccessToken);
    }

    [Fact]
    public void The_server_option_overrides_only_the_address_and_keeps_the_credentials()
    {
        using var directory = new TempDirectory("kubeconfig");
        var path = Path.Combine(directory.Path, "config");
        File.WriteAllText(path, Kubeconfig);

        var (configuration, _) = ClusterConnection.Configure(["--server", "https://127.0.0.1:16443", "--kubeconfig", path], Environment(), File.Exists);

        Assert.Equal("https://127.0.0.1:16443", configuration!.Host);
        Assert.Equal("s3cr3t-token", configuration.AccessToken);
        Assert.True(configuration.SkipTlsVerify);
    }

    [Fact]
    public void A_kubeconfig_that_names_no_file_is_a_clear_error()
    {
        var (configuration, problem) = ClusterConnection.Configure([], Environment(("KUBECONFIG", "/nonexistent/a:/nonexistent/b")), File.Exists);

        Assert.Null(configuration);
        Assert.Contains("names no file that exists", problem, StringComparison.Ordinal);
    }
}
