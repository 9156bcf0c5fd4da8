using k8s;
using k8s.Autorest;
using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// Writes a pod's status through the <c>/status</c> subresource: reads the pod, composes the status over
/// the current one, writes it only when it differs (a full replace guarded by resourceVersion), and tries
/// again on a conflict.
/// </summary>
internal static class PodStatusWriter
{
    private const int Attempts = 10;

    /// <summary>False when the pod (this uid) no longer exists.</summary>
    public static async Task<bool> WriteAsync(IKubernetes client, string @namespace, string name, string uid, Func<V1Pod, V1PodStatus> compose, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            V1Pod current;
            try
            {
                current = await client.CoreV1.ReadNamespacedPodAsync(name, @namespace, cancellationToken: cancellationToken);
            }
            catch (HttpOperationException e) when (ApiErrors.IsNotFound(e))
            {
                return false;
            }

            if (current.Uid() != uid)
            {
                return false;
            }

            var status = compose(current);
            if (KubernetesJson.Serialize(status) == KubernetesJson.Serialize(current.Status))
            {
                return true;
            }

            current.Status = status;
            try
            {
                await client.CoreV1.ReplaceNamespacedPodStatusAsync(current, name, @namespace, cancellationToken: cancellationToken);
                return true;
            }
            catch (HttpOperationException e) when (ApiErrors.IsConflict(e))
            {
                // Someone else wrote the pod meanwhile: compose again over theirs.
            }
            catch (HttpOperationException e) when (ApiErrors.IsNotFound(e))
            {
                return false;
            }
        }

        throw new InvalidOperationException($"Writing the status of pod {@namespace}/{name} conflicted {Attempts} times in a row.");
    }
}
