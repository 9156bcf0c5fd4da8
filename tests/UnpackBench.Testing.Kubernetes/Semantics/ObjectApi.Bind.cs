using System.Text.Json.Nodes;
using UnpackBench.Testing.Kubernetes.Fields;

namespace UnpackBench.Testing.Kubernetes;

/// <summary><c>POST pods/{name}/binding</c>: how a scheduler assigns a pod to a node.</summary>
internal sealed partial class ObjectApi
{
    public void Bind(string @namespace, string podName, JsonObject binding)
    {
        var nodeName = ObjectMeta.Text(binding, "target", "name");
        if (string.IsNullOrEmpty(nodeName))
        {
            throw ApiError.Invalid(BuiltInResources.Pods, podName, FieldError.Required("target.name"));
        }

        lock (_store.Gate)
        {
            var pod = Existing(BuiltInResources.Pods, @namespace, podName);
            if (ObjectMeta.Text(binding, "metadata", "uid") is { } uid && uid != ObjectMeta.Uid(pod))
            {
                throw ApiError.Conflict(BuiltInResources.Pods, podName, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {ObjectMeta.Uid(pod)}");
            }

            if (ObjectMeta.IsBeingDeleted(pod))
            {
                throw ApiError.Conflict(BuiltInResources.Pods, podName, "pod is being deleted, cannot be assigned to a host");
            }

            _store.Save(BuiltInResources.Pods, PodRules.Bind(pod, nodeName, Now()));
        }
    }
}
