namespace UnpackBench.Agent.Tests.Comparison;

/// <summary>
/// Tests whose assertions rest on measured times: they run alone, after the parallel tests of this
/// assembly, so the other tests' containerds do not load the machine while they measure. Their trait
/// (Category=TimingSensitive) lets test.sh run them after every other assembly is done, too.
/// </summary>
[CollectionDefinition(nameof(TimingSensitive), DisableParallelization = true)]
public sealed class TimingSensitive : ICollectionFixture<ComparisonImages>;
