using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// The scheduler's writes: a binding through <c>pods/binding</c> (falling back to a merge patch of
/// <c>spec.nodeName</c> plus PodScheduled=True where the subresource is not served), and the
/// PodScheduled=False/Unschedulable condition, written only when its message changes.
/// </summary>
internal sealed class PodBinder(IKubernetes client)
{
    /// <summary>Binds <paramref name="pod"/> to <paramref name="nodeName"/>; false when someone else bound it or it went away meanwhile.</summary>
    public async Task<bool> BindAsync(V1Pod pod, string nodeName, CancellationToken cancellationToken)
    {
        var binding = new V1Binding
        {
            Metadata = new V1ObjectMeta { Name = pod.Name(), NamespaceProperty = pod.Namespace(), Uid = pod.Uid() },
            Target = new V1ObjectReference { ApiVersion = "v1", Kind = "Node", Name = nodeName },
        };
        try
        {
            await client.CoreV1.CreateNamespacedPodBindingAsync(binding, pod.Name(), pod.Namespace(), cancellationToken: cancellationToken);
            return true;
        }
        catch (HttpOperationException e) when (ApiErrors.IsConflict(e))
        {
            return false; // Bound by someone else meanwhile, or being deleted: the watch tells.
        }
        catch (HttpOperationException e) when (ApiErrors.Is(e, HttpStatusCode.MethodNotAllowed) || ApiErrors.IsNotFound(e))
        {
            if (!await IsUnboundAsync(pod, cancellationToken))
            {
                return false;
            }

            await PatchNodeNameAsync(pod, nodeName, cancellationToken);
            return true;
        }
    }

    /// <summary>Sets PodScheduled=False, reason Unschedulable, with <paramref name="message"/> (nothing when already so).</summary>
    public async Task MarkUnschedulableAsync(V1Pod pod, string message, CancellationToken cancellationToken)
    {
        var existing = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == PodConditions.PodScheduled);
        if (existing is { Status: "False", Reason: PodConditions.UnschedulableReason } && existing.Message == message)
        {
            return;
        }

        await WriteConditionsAsync(pod, PodConditions.Unschedulable(pod.Status?.Conditions, message, DateTime.UtcNow), cancellationToken);
    }

    private async Task<bool> IsUnboundAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        try
        {
            var current = await client.CoreV1.ReadNamespacedPodAsync(pod.Name(), pod.Namespace(), cancellationToken: cancellationToken);
            return current.Uid() == pod.Uid() && string.IsNullOrEmpty(current.Spec?.NodeName);
        }
        catch (HttpOperationException e) when (ApiErrors.IsNotFound(e))
        {
            return false;
        }
    }

    private async Task PatchNodeNameAsync(V1Pod pod, string nodeName, CancellationToken cancellationToken)
    {
        var patch = new V1Patch(
            KubernetesJson.Serialize(new { metadata = new { uid = pod.Uid() }, spec = new { nodeName } }),
            V1Patch.PatchType.MergePatch);
        var bound = await client.CoreV1.PatchNamespacedPodAsync(patch, pod.Name(), pod.Namespace(), cancellationToken: cancellationToken);
        await WriteConditionsAsync(bound, PodConditions.Scheduled(bound.Status?.Conditions, DateTime.UtcNow), cancellationToken);
    }

    /// <summary>Replaces the pod's conditions through <c>/status</c>, guarded by the pod's resourceVersion.</summary>
    private async Task WriteConditionsAsync(V1Pod pod, IList<V1PodCondition> conditions, CancellationToken cancellationToken)
    {
        var copy = KubernetesJson.Deserialize<V1Pod>(KubernetesJson.Serialize(pod));
        copy.Status ??= new V1PodStatus();
        copy.Status.Phase ??= "Pending";
        copy.Status.Conditions = conditions;
        await client.CoreV1.ReplaceNamespacedPodStatusAsync(copy, pod.Name(), pod.Namespace(), cancellationToken: cancellationToken);
    }
}
