namespace UnpackBench.Agent.Tests.Comparison;

/// <summary>
/// Tests whose assertions rest on measured times: they run alone, after the parallel tests of this
/// assembly, so the other tests' containerds do not load the machine while they measure.
/// </summary>
[CollectionDefinition(nameof(TimingSensitive), DisableParallelization = true)]
public sealed class TimingSensitive : ICollectionFixture<ComparisonImages>;
