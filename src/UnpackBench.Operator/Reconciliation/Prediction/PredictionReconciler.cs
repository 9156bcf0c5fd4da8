using k8s.Models;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Prediction;
using UnpackBench.Operator.Reconciliation.Survey;

namespace UnpackBench.Operator.Reconciliation.Prediction;

/// <summary>
/// Decides a prediction (<c>mode: Predict</c>). One agent pod counts the image's layers without unpacking
/// them; it is decided as a benchmark on one node is (created, followed, its failures reported). Once its
/// features arrived, every node the selector matches is predicted from its calibration — purely, from the
/// features and the calibration ConfigMaps — and the prediction ends. A generation is predicted once:
/// calibrations made later change nothing until the spec does.
/// </summary>
public static class PredictionReconciler
{
    private static readonly TimeSpan NodesRetry = TimeSpan.FromSeconds(5);

    /// <summary>Decides the plan for the prediction in <paramref name="observed"/>.</summary>
    public static ReconcilePlan Decide(ObservedBenchmark observed, OperatorOptions options)
    {
        var benchmark = observed.Benchmark;
        var pod = observed.Pods.FirstOrDefault(p => p.Metadata.Name == ObjectNames.AgentPod(benchmark));
        var context = new StatusContext(benchmark, benchmark.Metadata.Generation ?? 1, observed.Now, pod, observed.Progress, facts: NodeFacts.Of(observed.Node(pod?.Spec?.NodeName)));
        if (!context.AlreadyFinished && pod is not null && PodObservation.Phase(pod) == "Succeeded" && observed.Progress.Features is { } features)
        {
            return observed.Nodes is { } nodes ? Predicted(observed, context, features, nodes) : WaitingForNodes(observed, context);
        }

        var plan = BenchmarkReconciler.DecideOneNode(observed, options);
        return plan with
        {
            Status = plan.Status is { } status ? WithoutRuns(status) : null,
            Events = [.. plan.Events.Select(e => e.Reason == EventReasons.Started && plan.PodToCreate is { } created ? e with { Message = $"created agent pod {created.Metadata.Name} to count the layers of {benchmark.Spec.Image}" } : e)],
        };
    }

    // Every matched node predicted from the counted features: the verdict, the rows, the ConfigMap.
    private static ReconcilePlan Predicted(ObservedBenchmark observed, StatusContext context, ImageFeatures features, IReadOnlyList<V1Node> nodes)
    {
        var benchmark = observed.Benchmark;
        var catalog = CalibrationCatalog.Read(observed.Calibrations);
        var predictions = nodes
            .Where(n => n.Metadata.DeletionTimestamp is null && SurveyNodeSelection.Matches(benchmark.Spec.NodeSelector, n))
            .OrderBy(n => n.Metadata.Name, StringComparer.Ordinal)
            .Select(n => NodePredictor.Predict(n, catalog, features, benchmark.Spec, context.Now))
            .ToList();
        var rows = predictions.Select(p => p.Row).ToList();
        var configMapName = ObjectNames.ResultConfigMap(benchmark);
        var verdict = PredictionSummarizer.Verdict(rows, configMapName);
        var counted = context.Status(BenchmarkPhase.Succeeded, "ImageCounted", $"counted the {features.Layers.Count} layers of {features.Reference}", finished: true);
        var status = WithoutRuns(counted) with
        {
            Phase = verdict.Phase,
            Conditions = ConditionSet.For(verdict.Phase, verdict.Reason, verdict.Message, context.Generation, context.Previous.Conditions, context.Now, PredictionSummarizer.AllNodesPredicted(rows)),
            ResultConfigMap = configMapName,
            Image = ImageOf(features),
            Survey = PredictionSummarizer.Survey(rows),
            Prediction = PredictionSummarizer.Prediction(rows),
            Predictions = rows,
        };
        var documents = predictions.Where(p => p.Document is not null).ToDictionary(p => p.Row.NodeName, p => p.Document!, StringComparer.Ordinal);
        var plan = new ReconcilePlan
        {
            PodsToDelete = Stale(observed),
            Status = status,
            ConfigMapToWrite = PredictionConfigMapBuilder.Build(benchmark, status, features, documents),
            Events = [new BenchmarkEvent(verdict.Phase == BenchmarkPhase.Failed ? "Warning" : "Normal", verdict.Phase == BenchmarkPhase.Failed ? verdict.Reason : EventReasons.Succeeded, verdict.Message)],
        };
        return BenchmarkReconciler.WithFinalizer(plan, context, podActive: false);
    }

    private static ReconcilePlan WaitingForNodes(ObservedBenchmark observed, StatusContext context)
    {
        const string message = "the image's layers are counted; waiting for the operator's list of the cluster's nodes: it needs get, list and watch on nodes (config/rbac)";
        var plan = new ReconcilePlan
        {
            PodsToDelete = Stale(observed),
            Status = WithoutRuns(context.Status(BenchmarkPhase.Running, "WaitingForNodes", message)),
            RequeueAfter = NodesRetry,
        };
        return BenchmarkReconciler.WithFinalizer(plan, context, podActive: false);
    }

    // A prediction runs no timed runs: no Progress column, no run counts.
    private static UnpackBenchmarkStatus WithoutRuns(UnpackBenchmarkStatus status) => status with { CompletedRuns = 0, Runs = 0, Progress = "" };

    private static List<V1Pod> Stale(ObservedBenchmark observed) => observed.Pods
        .Where(p => p.Metadata.Name != ObjectNames.AgentPod(observed.Benchmark) && p.Metadata.DeletionTimestamp is null)
        .ToList();

    private static BenchmarkImageStatus ImageOf(ImageFeatures features) => new()
    {
        Digest = features.Digest,
        Platform = features.Platform,
        Layers = features.Layers.Count,
        CompressedBytes = features.Layers.Sum(l => l.CompressedBytes),
        UncompressedBytes = features.Layers.Sum(l => l.UncompressedBytes),
    };
}
