using k8s;
using k8s.Autorest;
using UnpackBench.Operator.Reconciliation.Baseline;

namespace UnpackBench.Operator.Kubernetes;

/// <summary>
/// Reads the ConfigMap a benchmark's spec.baseline names. Users create it, so it carries no label of the
/// operator's and is not in the ConfigMap cache: it is read once per comparison (see
/// <see cref="BaselineReconciler.ConfigMapToRead"/>). Missing is an answer, and so is a refusal (RBAC);
/// other failures are passing faults, retried with the reconcile.
/// </summary>
internal sealed class BaselineConfigMapReader(IKubernetes client)
{
    /// <summary>Reads ConfigMap <paramref name="name"/> in <paramref name="namespace"/>.</summary>
    public async Task<BaselineConfigMapRead> ReadAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return new BaselineConfigMapRead(await client.CoreV1.ReadNamespacedConfigMapAsync(name, @namespace, cancellationToken: cancellationToken));
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return new BaselineConfigMapRead(null);
        }
        catch (HttpOperationException e) when (ApiRefusal.From(e) is { } refusal)
        {
            return new BaselineConfigMapRead(null, $"the API server refused (HTTP {refusal.StatusCode} {refusal.Reason}): {refusal.Message}");
        }
    }
}
