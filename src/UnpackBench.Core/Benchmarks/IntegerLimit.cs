using System.Globalization;

namespace UnpackBench.Core.Benchmarks;

/// <summary>
/// The allowed range and default of one whole-number setting, with the reason for its bounds. The
/// agent's CLI, the spec validator, the pod builder and the CRD schema all take their numbers from here.
/// </summary>
/// <param name="Min">The smallest allowed value.</param>
/// <param name="Max">The largest allowed value.</param>
/// <param name="Default">The value when none is given.</param>
/// <param name="TooSmall">Why values below <paramref name="Min"/> are refused.</param>
/// <param name="TooLarge">Why values above <paramref name="Max"/> are refused.</param>
public sealed record IntegerLimit(int Min, int Max, int Default, string TooSmall, string TooLarge)
{
    /// <summary>Whether <paramref name="value"/> is allowed.</summary>
    public bool Allows(int value) => value >= Min && value <= Max;

    /// <summary>The range as people read it, e.g. <c>1–100</c>.</summary>
    public string Range => string.Create(CultureInfo.InvariantCulture, $"{Min}–{Max}");

    /// <summary>
    /// What is wrong with <paramref name="value"/>, as a sentence about <paramref name="name"/> (an option
    /// such as <c>--runs 0</c> or a field such as <c>spec.runs is 0</c>); null when it is allowed.
    /// </summary>
    public string? Problem(string name, int value) => value < Min
        ? string.Create(CultureInfo.InvariantCulture, $"{name} is too small: it must be at least {Min} ({TooSmall})")
        : value > Max
            ? string.Create(CultureInfo.InvariantCulture, $"{name} is too large: at most {Max} ({TooLarge})")
            : null;
}
