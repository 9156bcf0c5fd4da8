using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Benchmark;

/// <summary>How a benchmark ended: the document (if any was written), where, and whether it counts as a success.</summary>
internal sealed record SessionOutcome(BenchmarkResult Result, string ResultPath, bool Succeeded, bool Interrupted);
