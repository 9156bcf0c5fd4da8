using k8s.Models;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>Decisions while the agent pod is waiting, running or being deleted.</summary>
public static partial class BenchmarkReconciler
{
    // A kubelet reports on a pod bound to its node within seconds; this long without a word means none will
    // (or less, when the operator is told to give up on unstarted pods sooner).
    private static readonly TimeSpan NotStartedGrace = TimeSpan.FromMinutes(1);

    private static ReconcilePlan Pending(ReconcilePlan plan, StatusContext context, V1Pod pod, OperatorOptions options)
    {
        if (PodObservation.StartFailure(pod) is { } start)
        {
            return Finish(plan with { PodsToDelete = [.. plan.PodsToDelete, pod] }, context, BenchmarkPhase.Failed, "AgentStartFailed", $"the agent container cannot start ({start.Reason}): {start.Message}", null);
        }

        if (Waiting(context, pod, options) is not var (reason, message, since))
        {
            var starting = plan with { Status = context.Status(BenchmarkPhase.Pending, "AgentPodPending", StartingMessage(pod)) };
            return PodObservation.NeverStarted(pod) is null ? starting : starting with { RequeueAfter = Created(context, pod) + NotStarted(options) - context.Now };
        }

        var remaining = options.UnschedulableTimeout - (context.Now - since);
        return remaining <= TimeSpan.Zero
            ? Finish(plan with { PodsToDelete = [.. plan.PodsToDelete, pod] }, context, BenchmarkPhase.Failed, reason, $"{message} (gave up after {options.UnschedulableTimeout.TotalSeconds:0} s)", null)
            : plan with { Status = context.Status(BenchmarkPhase.Pending, reason, message), RequeueAfter = remaining };
    }

    // Why a pending pod waits, when the wait may never end by itself: no node fits, the agent image
    // cannot be pulled, or the pod is bound to a node whose kubelet never picks it up (say, a nodeName
    // that names no node).
    private static (string Reason, string Message, DateTimeOffset Since)? Waiting(StatusContext context, V1Pod pod, OperatorOptions options)
    {
        var created = Created(context, pod);
        if (PodObservation.Unschedulable(pod) is { } unschedulable)
        {
            return ("Unschedulable", $"no node can run agent pod {pod.Metadata.Name}: {unschedulable.Message.TrimEnd('.', ' ')}. Check spec.nodeName, spec.nodeSelector and spec.tolerations", unschedulable.Since);
        }

        if (PodObservation.ImageProblem(pod) is { } image)
        {
            return ("AgentImageUnavailable", $"the agent image cannot be pulled ({image.Reason}): {image.Message}", created);
        }

        return PodObservation.NeverStarted(pod) is { } node && context.Now - created >= NotStarted(options)
            ? ("NodeNotFound", $"agent pod {pod.Metadata.Name} is bound to node {node}, but no kubelet has started it: check that node {node} exists and is Ready{(string.IsNullOrEmpty(context.Benchmark.Spec.NodeName) ? "" : " (spec.nodeName)")}", created)
            : null;
    }

    private static TimeSpan NotStarted(OperatorOptions options) => options.UnschedulableTimeout < NotStartedGrace ? options.UnschedulableTimeout : NotStartedGrace;

    private static string StartingMessage(V1Pod pod) => $"agent pod {pod.Metadata.Name} is starting";

    private static DateTimeOffset Created(StatusContext context, V1Pod pod) => new(pod.Metadata.CreationTimestamp ?? context.Now.UtcDateTime, TimeSpan.Zero);

    private static ReconcilePlan Running(ReconcilePlan plan, StatusContext context, V1Pod pod)
    {
        var done = context.Progress.Runs.Count;
        var stage = context.Progress.LogError is { } error
            ? $"its log cannot be read ({error}); the verdict will come from its termination message"
            : context.Benchmark.Spec.Mode != BenchmarkMode.Benchmark ? DocumentStage(context)
            : context.Progress.Image is null ? "acquiring the image" : $"{done} of {context.Benchmark.Spec.Runs} runs done";
        return plan with
        {
            FollowLogsOf = pod,
            Status = context.Status(BenchmarkPhase.Running, "Running", $"agent pod {pod.Metadata.Name} on node {pod.Spec.NodeName}: {stage}"),
            Events = context.RunEvents(),
        };
    }

    // A pod being deleted normally goes within its grace period; one whose node is lost never confirms.
    private static ReconcilePlan Terminating(ReconcilePlan plan, StatusContext context, V1Pod pod, OperatorOptions options)
    {
        var deadline = new DateTimeOffset(pod.Metadata.DeletionTimestamp!.Value, TimeSpan.Zero) + options.TerminatingTimeout;
        if (context.Now < deadline)
        {
            return plan with
            {
                Status = context.Status(BenchmarkPhase.Running, "AgentPodTerminating", $"agent pod {pod.Metadata.Name} is being deleted; waiting for it to go"),
                RequeueAfter = deadline - context.Now,
            };
        }

        var message = $"agent pod {pod.Metadata.Name} was deleted but its node ({pod.Spec.NodeName}) has not confirmed it stopped within {options.TerminatingTimeout.TotalSeconds:0} s; the node may be lost. {context.CompletedRuns} of {context.Benchmark.Spec.Runs} runs completed and are kept";
        return Finish(plan, context, BenchmarkPhase.Failed, "AgentPodLost", message, LostResult(context, "the agent pod's node stopped answering"), "the agent pod's node stopped answering");
    }
}
