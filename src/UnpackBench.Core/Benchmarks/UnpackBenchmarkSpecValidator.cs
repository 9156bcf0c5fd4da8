using UnpackBench.Core.Images;
using UnpackBench.Core.References;

namespace UnpackBench.Core.Benchmarks;

/// <summary>
/// Checks what the CRD's OpenAPI schema cannot: the reference's syntax, the platform, the storage's
/// consistency. Ranges and required fields are the schema's job and repeated here only as a guard for
/// objects written before the schema tightened.
/// </summary>
public static class UnpackBenchmarkSpecValidator
{
    /// <summary>Every problem with <paramref name="spec"/>, each a sentence saying what to change; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(UnpackBenchmarkSpec spec)
    {
        var problems = new List<string>();
        ModeSpecRules.Check(spec, problems);
        if (string.IsNullOrWhiteSpace(spec.Image))
        {
            // A calibration measures synthetic images and has none.
            if (spec.Mode != BenchmarkMode.Calibrate)
            {
                problems.Add("spec.image is empty: set it to an image reference such as docker.io/library/python:3.12");
            }
        }
        else
        {
            Check(() => ImageReference.Parse(spec.Image), "spec.image", problems);
        }

        if (spec.Platform is { Length: > 0 } platform)
        {
            Check(() => Platform.Parse(platform), "spec.platform", problems);
        }

        Range("spec.runs", spec.Runs, BenchmarkLimits.Runs, problems);
        Range("spec.warmupRuns", spec.WarmupRuns, BenchmarkLimits.WarmupRuns, problems);
        Range("spec.sampleIntervalMs", spec.SampleIntervalMs, BenchmarkLimits.SampleIntervalMs, problems);
        Range("spec.timeoutSeconds", spec.TimeoutSeconds, BenchmarkLimits.TimeoutSeconds, problems);
        Range("spec.maxParallelNodes", spec.MaxParallelNodes, BenchmarkLimits.MaxParallelNodes, problems);
        if (spec.Placement == BenchmarkPlacement.EachNode && !string.IsNullOrEmpty(spec.NodeName))
        {
            problems.Add("spec.nodeName names one node, but spec.placement is EachNode: remove nodeName and choose the nodes with nodeSelector (and tolerations), or set placement to OneNode");
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(spec.Snapshotter, BenchmarkLimits.SnapshotterPattern))
        {
            problems.Add($"spec.snapshotter '{spec.Snapshotter}' is not a containerd snapshotter name such as overlayfs or native");
        }

        VariantFields(spec, problems);
        problems.AddRange(spec.Baseline?.Problems() ?? []);

        if (spec.Image.Length > BenchmarkLimits.MaxImageReferenceLength)
        {
            problems.Add($"spec.image is {spec.Image.Length} characters long; at most {BenchmarkLimits.MaxImageReferenceLength} are allowed");
        }

        foreach (var registry in spec.InsecureRegistries)
        {
            if (registry.Contains('/', StringComparison.Ordinal) || registry.Contains("://", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(registry))
            {
                problems.Add($"spec.insecureRegistries entry '{registry}' must be a registry host[:port], without scheme or path");
            }
        }

        switch (spec.Storage.Type)
        {
            case StorageType.HostPath when spec.Storage.HostPath is not { Length: > 0 } path || !path.StartsWith('/'):
                problems.Add("spec.storage.hostPath must be an absolute directory on the node when spec.storage.type is HostPath");
                break;
            case StorageType.PersistentVolumeClaim when string.IsNullOrWhiteSpace(spec.Storage.ClaimName):
                problems.Add("spec.storage.claimName must name a PersistentVolumeClaim when spec.storage.type is PersistentVolumeClaim");
                break;
        }

        return problems;
    }

    // The fields that multiply or reshape the runs: snapshotters, copies, cache mode, what-if, link speed.
    private static void VariantFields(UnpackBenchmarkSpec spec, List<string> problems)
    {
        foreach (var name in spec.Snapshotters.Where(s => !System.Text.RegularExpressions.Regex.IsMatch(s, BenchmarkLimits.SnapshotterPattern)))
        {
            problems.Add($"spec.snapshotters entry '{name}' is not a containerd snapshotter name such as overlayfs or native");
        }

        if (spec.Snapshotters.Count > BenchmarkLimits.MaxSnapshotters || spec.Snapshotters.Distinct().Count() != spec.Snapshotters.Count)
        {
            problems.Add($"spec.snapshotters must name at most {BenchmarkLimits.MaxSnapshotters} snapshotters, each once");
        }

        Range("spec.concurrency", spec.Concurrency, BenchmarkLimits.Concurrency, problems);
        Range("spec.linkMbps", spec.LinkMbps, BenchmarkLimits.LinkMbps, problems);
        if (Variants.CacheModes.TryParse(spec.Cache) is null)
        {
            problems.Add($"spec.cache is '{spec.Cache}'; it must be one of {string.Join(", ", Variants.CacheModes.All.Select(Variants.CacheModes.Name))}");
        }

        var (encodings, encodingProblems) = Variants.LayerEncoding.ParseList(spec.WhatIf);
        problems.AddRange(encodingProblems.Select(p => "spec.whatIf: " + p));
        if (encodings.Count > BenchmarkLimits.MaxWhatIf)
        {
            problems.Add($"spec.whatIf lists {encodings.Count} encodings; at most {BenchmarkLimits.MaxWhatIf}");
        }
    }

    private static void Range(string field, int value, IntegerLimit limit, List<string> problems)
    {
        if (!limit.Allows(value))
        {
            problems.Add($"{field} is {value}; it must be between {limit.Min} and {limit.Max}");
        }
    }

    private static void Check(Action parse, string field, List<string> problems)
    {
        try
        {
            parse();
        }
        catch (FormatException e)
        {
            problems.Add($"{field}: {e.Message}");
        }
    }
}
