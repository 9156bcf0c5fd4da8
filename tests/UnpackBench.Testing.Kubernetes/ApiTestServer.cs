using System.Text.Json.Nodes;
using k8s;
using UnpackBench.Testing.Kubernetes.CustomResources;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// A Kubernetes API server for tests, on 127.0.0.1 at a free port, spoken to through the real
/// KubernetesClient: built-in pods, configmaps, secrets, events, serviceaccounts, namespaces, nodes and
/// leases, plus the custom resources a test registers, with the API semantics an operator relies on
/// (see the project README). Plain HTTP, JSON only, no authentication.
/// </summary>
public sealed class ApiTestServer : IAsyncDisposable
{
    private readonly ResourceCatalog _catalog;
    private readonly ObjectApi _api;
    private readonly GarbageCollector _collector;
    private readonly FailureInjector _failures = new();
    private readonly BearerTokens _tokens = new();
    private readonly RbacAuthorizer? _rbac;
    private readonly ApiRequestHandler _handler;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private KestrelHost? _host;
    private int _port;

    private ApiTestServer(ApiTestServerOptions options)
    {
        _catalog = new ResourceCatalog();
        Store = new ObjectStore(_catalog, options.TimeProvider, options.EventHistoryCapacity);
        _rbac = options.Rbac ? new RbacAuthorizer() : null;
        _api = new ObjectApi(Store, options.TimeProvider, _catalog, new AdmissionChain(options.Admission, _rbac, _catalog));
        _collector = new GarbageCollector(_api, options.GarbageCollection, options.GarbageCollectionDelay, options.TimeProvider);
        _handler = new ApiRequestHandler(
            new ApiRouter(_catalog),
            new ObjectEndpoints(_api),
            new ListEndpoint(_api),
            new WatchEndpoint(Store),
            new PodLogEndpoint(_api, () => PodLogs, () => KubeletsUnreachable),
            RequestLog,
            _failures,
            _tokens,
            _rbac);
        foreach (var ns in options.InitialNamespaces)
        {
            _api.Create(BuiltInResources.Namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } });
        }
    }

    /// <summary>Where the server listens: <c>http://127.0.0.1:{port}/</c>. Stays the same across restarts.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{_port}/");

    /// <summary>Whether the server accepts connections (false between <see cref="StopAsync"/> and <see cref="RestartAsync"/>).</summary>
    public bool IsRunning => _host is not null;

    /// <summary>The stored objects, for arranging and asserting without HTTP.</summary>
    public ObjectStore Store { get; }

    /// <summary>Counts of the requests received, per verb and resource.</summary>
    public RequestLog RequestLog { get; } = new();

    /// <summary>Where pod logs come from; null answers every log request with "waiting to start".</summary>
    public IPodLogSource? PodLogs { get; set; }

    /// <summary>
    /// While true, every <c>pods/log</c> request for a pod bound to a node fails as on a real API server that
    /// cannot reach the node's kubelet: 500, <c>Get "https://10.0.0.5:10250/containerLogs/ns/pod/agent?follow=true":
    /// dial tcp 10.0.0.5:10250: connect: connection refused</c>. <see cref="PodLogs"/> is not asked.
    /// </summary>
    public bool KubeletsUnreachable { get; set; }

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<ApiTestServer> StartAsync(ApiTestServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new ApiTestServer(options ?? new ApiTestServerOptions());
        await server.StartHostAsync(0, cancellationToken);
        return server;
    }

    /// <summary>A client configuration for this server.</summary>
    public KubernetesClientConfiguration CreateClientConfiguration() => new() { Host = BaseAddress.ToString().TrimEnd('/') };

    /// <summary>A real KubernetesClient talking to this server as <see cref="RequestIdentity.Admin"/>; the caller disposes it.</summary>
    public k8s.Kubernetes CreateClient() => new(CreateClientConfiguration());

    /// <summary>A client configuration whose bearer token authenticates as <paramref name="identity"/>.</summary>
    public KubernetesClientConfiguration CreateClientConfiguration(RequestIdentity identity)
    {
        var configuration = CreateClientConfiguration();
        configuration.AccessToken = _tokens.Issue(identity);
        return configuration;
    }

    /// <summary>
    /// A real KubernetesClient whose requests come from <paramref name="identity"/>: the <see cref="RequestLog"/>
    /// counts them for it, and RBAC and admission (when enabled) judge them as its. The caller disposes it.
    /// </summary>
    public k8s.Kubernetes CreateClient(RequestIdentity identity) => new(CreateClientConfiguration(identity));

    /// <summary>
    /// Serves a schemaless custom resource at <c>/apis/{group}/{version}[/namespaces/{ns}]/{plural}</c>, as an
    /// installed CRD with <c>x-kubernetes-preserve-unknown-fields</c> would (one version per group and plural;
    /// no validation, pruning or defaulting). Use <see cref="RegisterCustomResourceDefinition"/> for a real CRD.
    /// </summary>
    public ApiResource RegisterCustomResource(string group, string version, string plural, string kind, bool namespaced = true, bool statusSubresource = true) =>
        _catalog.Register(new ApiResource(group, version, plural, kind, namespaced, statusSubresource, IsCustom: true));

    /// <summary>
    /// Serves the custom resource a CustomResourceDefinition (YAML or JSON, e.g. the project's
    /// <c>config/crd</c> file) defines, as a real API server does once it accepted the CRD: the CRD is
    /// checked as kube-apiserver checks it (structural schema, rules that compile, every default valid
    /// against its schema and rules without nested defaults), and every create, update and patch of its
    /// objects (main resource and <c>/status</c>) is pruned, defaulted and validated against the schema and
    /// its x-kubernetes-validations, honouring <c>fieldValidation</c>. One served version.
    /// </summary>
    /// <exception cref="InvalidCustomResourceDefinitionException">The real server would refuse the CRD; the message is its message.</exception>
    public ApiResource RegisterCustomResourceDefinition(string yamlOrJson)
    {
        var crd = CustomResourceDefinition.Parse(yamlOrJson);
        if (CustomResourceDefinitionValidator.Validate(crd) is { Count: > 0 } errors)
        {
            throw new InvalidCustomResourceDefinitionException(crd.Name, errors);
        }

        var served = crd.Versions.Where(v => v.Served).ToList();
        if (served.Count != 1)
        {
            throw new NotSupportedException($"{crd.Name} serves {served.Count} versions; the API test server serves exactly one version per resource (no conversion).");
        }

        var version = served[0];
        var resource = new ApiResource(crd.Group, version.Name, crd.Plural, crd.Kind, crd.Namespaced, version.StatusSubresource, IsCustom: true);
        return version.Schema is null ? _catalog.Register(resource) : _catalog.Register(resource, new CustomResourceSchema(version.Schema));
    }

    /// <summary>
    /// Adds the Roles, ClusterRoles, RoleBindings and ClusterRoleBindings of a YAML stream (e.g. the project's
    /// <c>config/rbac/*.yaml</c>) to the RBAC authorizer; other kinds are ignored. Service-account subjects
    /// match <see cref="RequestIdentity.ServiceAccount"/> identities.
    /// </summary>
    /// <exception cref="InvalidOperationException">The server was started without <see cref="ApiTestServerOptions.Rbac"/>.</exception>
    public void ApplyRbac(string yaml) =>
        (_rbac ?? throw new InvalidOperationException("RBAC is off: start the server with ApiTestServerOptions.Rbac = true to authorize requests.")).Apply(yaml);

    /// <summary>
    /// From now on, creating a namespaced object needs its namespace to exist (404 otherwise) and not be
    /// terminating (403), as on a real cluster. Until called, namespaces exist implicitly.
    /// </summary>
    public void RequireNamespaces() => _api.NamespacesRequired = true;

    /// <summary>Ends every open watch cleanly: clients see their streams end and must re-watch.</summary>
    public void ExpireWatches() => Store.ExpireWatches();

    /// <summary>Drops the event history: a watch from any resourceVersion before now gets 410 Expired.</summary>
    public void CompactHistory() => Store.CompactHistory();

    /// <summary>Sends a BOOKMARK with the current resourceVersion to every watch that allowed bookmarks.</summary>
    public void SendBookmarks() => Store.SendBookmarks();

    /// <summary>
    /// Fails the next <paramref name="count"/> requests matching <paramref name="verbResourceFilter"/> with
    /// <paramref name="statusCode"/> and a Status body (429 and 503 carry <c>Retry-After: 1</c>). The filter is
    /// null for any request, or <c>"verb resource"</c> as the <see cref="RequestLog"/> names them, either part
    /// <c>*</c>: <c>"create pods"</c>, <c>"update/status unpackbenchmarks"</c>, <c>"watch *"</c>.
    /// </summary>
    public void FailNext(int count, int statusCode, string? verbResourceFilter = null) => _failures.Add(count, statusCode, verbResourceFilter);

    /// <summary>Stops serving, as a crashed API server: open connections are cut, new ones refused. Objects are kept.</summary>
    public async Task StopAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            var host = _host;
            _host = null;
            if (host is not null)
            {
                await host.DisposeAsync();
            }

            // Connections are cut first, so clients see a crash, not watches ending cleanly.
            Store.ExpireWatches();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops (if running) and starts again on the same port with the same objects, as an API server restart over the same etcd.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync();
        await StartHostAsync(_port, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _collector.DisposeAsync();
        _lifecycle.Dispose();
    }

    private async Task StartHostAsync(int port, CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            _host ??= await KestrelHost.StartAsync(port, _handler.HandleAsync, cancellationToken);
            _port = _host.Port;
        }
        finally
        {
            _lifecycle.Release();
        }
    }
}
