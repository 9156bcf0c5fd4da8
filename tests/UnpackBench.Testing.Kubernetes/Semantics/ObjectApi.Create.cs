using System.Text.Json.Nodes;
using UnpackBench.Testing.Kubernetes.Fields;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>Create: names (with generateName), server-owned metadata, and what each type resets on create.</summary>
internal sealed partial class ObjectApi
{
    private const string GeneratedNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public JsonObject Create(ApiResource type, string? @namespace, JsonObject body, WriteContext? context = null)
    {
        var candidate = Clone(body);
        CheckTypeMeta(type, candidate);
        DecodeBody(type, candidate, context ?? WriteContext.Internal);
        CheckNamespace(type, @namespace, candidate);
        var metadata = ObjectMeta.Metadata(candidate);
        if (!string.IsNullOrEmpty(ObjectMeta.ResourceVersion(candidate)))
        {
            throw ApiError.Internal("resourceVersion should not be set on objects to be created");
        }

        lock (_store.Gate)
        {
            var name = ObjectMeta.Name(candidate);
            if (string.IsNullOrEmpty(name))
            {
                var prefix = ObjectMeta.Text(candidate, "metadata", "generateName");
                if (string.IsNullOrEmpty(prefix))
                {
                    throw ApiError.Invalid(type, "", FieldError.Required("metadata.name", "name or generateName is required"));
                }

                name = prefix + string.Concat(Enumerable.Range(0, 5).Select(_ => GeneratedNameAlphabet[Random.Shared.Next(GeneratedNameAlphabet.Length)]));
                metadata["name"] = name;
            }

            CheckNamespaceAcceptsContent(type, @namespace, name);
            if (_store.Find(type, @namespace, name) is not null)
            {
                throw ApiError.AlreadyExists(type, name);
            }

            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = Now();
            metadata["generation"] = 1;
            metadata.Remove("deletionTimestamp");
            metadata.Remove("deletionGracePeriodSeconds");
            metadata.Remove("selfLink");
            var requester = (context ?? WriteContext.Internal).Requester;
            _admission.Mutate(type, candidate, _store);
            PrepareForCreate(type, candidate);
            ValidateSchema(type, candidate, null);
            _admission.Validate(type, candidate, null, requester, _store);
            return Clone(_store.Save(type, candidate));
        }
    }

    private void CheckNamespaceAcceptsContent(ApiResource type, string? @namespace, string name)
    {
        if (!type.Namespaced || !NamespacesRequired)
        {
            return;
        }

        var ns = _store.Find(BuiltInResources.Namespaces, null, @namespace!) ?? throw ApiError.NotFound(BuiltInResources.Namespaces, @namespace!);
        if (ObjectMeta.IsBeingDeleted(ns))
        {
            throw ApiError.Forbidden(type, name, $"unable to create new content in namespace {@namespace} because it is being terminated");
        }
    }

    private static void PrepareForCreate(ApiResource type, JsonObject candidate)
    {
        if (type.IsCustom && type.HasStatusSubresource)
        {
            // With a status subresource, a custom resource's status can only be written through /status.
            candidate.Remove("status");
        }
        else if (type == BuiltInResources.Pods)
        {
            PodRules.PrepareForCreate(candidate);
        }
        else if (type == BuiltInResources.Namespaces)
        {
            candidate["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
            candidate["status"] = new JsonObject { ["phase"] = "Active" };
        }
    }
}
