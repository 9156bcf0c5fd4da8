using UnpackBench.Agent.Cache;
using UnpackBench.Agent.Unpack;

namespace UnpackBench.Agent.Benchmark;

/// <summary>
/// How every timed run of a benchmark is set up and what is measured around its window: the copies
/// unpacked at once, the page-cache state it starts from (and its record), and, with <c>--durable</c>,
/// the writeback timed after it.
/// </summary>
/// <param name="Copies">Independent copies of the layer chain per run.</param>
/// <param name="Cache">Puts the page cache into the mode's state before each run.</param>
/// <param name="CacheState">Reads the state the run starts in.</param>
/// <param name="Writeback">Times syncfs after each run; null without <c>--durable</c>.</param>
internal sealed record RunConditions(int Copies, CachePreparer Cache, CacheStateReader CacheState, SnapshotWriteback? Writeback);
