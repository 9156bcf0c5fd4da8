using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// Pod conditions as the kubelet and scheduler write them: one condition per type, and a
/// <c>lastTransitionTime</c> that moves only when the condition's status does.
/// </summary>
internal static class PodConditions
{
    /// <summary>The scheduler's condition.</summary>
    public const string PodScheduled = "PodScheduled";

    /// <summary>The reason of PodScheduled=False.</summary>
    public const string UnschedulableReason = "Unschedulable";

    /// <summary><paramref name="conditions"/> with PodScheduled=True.</summary>
    public static IList<V1PodCondition> Scheduled(IEnumerable<V1PodCondition>? conditions, DateTime now) =>
        Set(conditions, new V1PodCondition { Type = PodScheduled, Status = "True" }, now);

    /// <summary><paramref name="conditions"/> with PodScheduled=False, reason Unschedulable and <paramref name="message"/>.</summary>
    public static IList<V1PodCondition> Unschedulable(IEnumerable<V1PodCondition>? conditions, string message, DateTime now) =>
        Set(conditions, new V1PodCondition { Type = PodScheduled, Status = "False", Reason = UnschedulableReason, Message = message }, now);

    /// <summary>
    /// Replaces (or adds) the condition of <paramref name="condition"/>'s type, keeping the old transition
    /// time when the status did not change; the others keep their order.
    /// </summary>
    public static IList<V1PodCondition> Set(IEnumerable<V1PodCondition>? conditions, V1PodCondition condition, DateTime now)
    {
        var list = conditions?.ToList() ?? [];
        var index = list.FindIndex(c => c.Type == condition.Type);
        var previous = index >= 0 ? list[index] : null;
        condition.LastTransitionTime = previous?.Status == condition.Status && previous.LastTransitionTime is not null
            ? previous.LastTransitionTime
            : Truncate(now);
        if (index >= 0)
        {
            list[index] = condition;
        }
        else
        {
            list.Add(condition);
        }

        return list;
    }

    /// <summary>Kubernetes times have whole seconds.</summary>
    public static DateTime Truncate(DateTime time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
