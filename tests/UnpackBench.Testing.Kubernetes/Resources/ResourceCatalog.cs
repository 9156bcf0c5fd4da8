using System.Collections.Concurrent;
using UnpackBench.Testing.Kubernetes.CustomResources;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>The resource types being served: the built-ins and the custom resources a test registered.</summary>
internal sealed class ResourceCatalog
{
    private readonly ConcurrentDictionary<(string Group, string Version, string Plural), ApiResource> _byPath = new();
    private readonly ConcurrentDictionary<ApiResource, CustomResourceSchema> _schemas = new();

    public ResourceCatalog()
    {
        foreach (var resource in BuiltInResources.All)
        {
            _byPath[(resource.Group, resource.Version, resource.Plural)] = resource;
        }
    }

    public IEnumerable<ApiResource> All => _byPath.Values;

    public ApiResource Register(ApiResource resource)
    {
        var key = (resource.Group, resource.Version, resource.Plural);
        var stored = _byPath.GetOrAdd(key, resource);
        if (stored != resource)
        {
            throw new InvalidOperationException($"{resource.QualifiedName} ({resource.ApiVersion}) is already registered as {stored}.");
        }

        return stored;
    }

    /// <summary>Registers a custom resource with the schema its objects go through.</summary>
    public ApiResource Register(ApiResource resource, CustomResourceSchema schema)
    {
        var registered = Register(resource);
        _schemas[registered] = schema;
        return registered;
    }

    public CustomResourceSchema? SchemaOf(ApiResource resource) => _schemas.GetValueOrDefault(resource);

    public ApiResource? Find(string group, string version, string plural) =>
        _byPath.TryGetValue((group, version, plural), out var resource) ? resource : null;

    /// <summary>
    /// Resolves <c>pods</c>, <c>leases.coordination.k8s.io</c> or <c>unpackbenchmarks</c>: the qualified name
    /// first, then a plural that only one group serves (the core group wins a tie, as kubectl's does).
    /// </summary>
    public ApiResource Resolve(string name)
    {
        var exact = _byPath.Values.FirstOrDefault(r => r.QualifiedName == name);
        if (exact is not null)
        {
            return exact;
        }

        var byPlural = _byPath.Values.Where(r => r.Plural == name).OrderBy(r => r.Group.Length).ThenBy(r => r.Group, StringComparer.Ordinal).ToList();
        return byPlural.Count switch
        {
            0 => throw new ArgumentException($"The API test server serves no resource named \"{name}\"; register custom resources with RegisterCustomResource first.", nameof(name)),
            _ => byPlural[0],
        };
    }
}
