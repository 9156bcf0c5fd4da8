using System.Text.Json.Serialization;

namespace UnpackBench.Core.Benchmarks;

/// <summary>What an <c>UnpackBenchmark</c>'s agents do.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BenchmarkMode>))]
public enum BenchmarkMode
{
    /// <summary>Benchmark the image: clear, unpack, verify, <c>runs</c> times (<c>unpackbench-agent run</c>).</summary>
    Benchmark,

    /// <summary>
    /// Calibrate each node (<c>placement: EachNode</c>) with synthetic images (<c>unpackbench-agent calibrate</c>)
    /// and keep each node's calibration in a ConfigMap labelled with the node.
    /// </summary>
    Calibrate,

    /// <summary>
    /// Predict the image's unpack time on every calibrated node the selector matches, without unpacking it:
    /// one agent counts the image's layers (<c>unpackbench-agent predict --features-only</c>), the operator predicts.
    /// </summary>
    Predict,
}
