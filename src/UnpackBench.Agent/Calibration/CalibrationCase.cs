namespace UnpackBench.Agent.Calibration;

/// <summary>One synthetic image of a calibration set, benchmarked like any image: its layers, base first.</summary>
/// <param name="Name">A short unique name, e.g. <c>gzip-text-32mb</c>; also its content seed.</param>
/// <param name="Layers">Its layers, base first.</param>
internal sealed record CalibrationCase(string Name, IReadOnlyList<LayerRecipe> Layers)
{
    /// <summary>A one-layer case.</summary>
    public static CalibrationCase Single(string name, LayerRecipe layer) => new(name, [layer]);
}
