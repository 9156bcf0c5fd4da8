using System.Collections;

namespace UnpackBench.Testing.Kubernetes.CustomResources.Cel;

/// <summary>
/// A CEL map (an object of the schema is one too): keys are strings, ints, uints or bools, and an int and a
/// uint (or a whole double) with the same value are the same key, as cel-spec's heterogeneous keys say.
/// </summary>
internal sealed class CelMapValue : IEnumerable<KeyValuePair<object, object?>>
{
    private readonly List<KeyValuePair<object, object?>> _entries = [];
    private readonly Dictionary<object, object?> _byKey = [];

    public CelMapValue(IEnumerable<KeyValuePair<object, object?>> entries)
    {
        foreach (var (key, value) in entries)
        {
            if (!_byKey.TryAdd(Normalize(key), value))
            {
                throw new CelEvaluationException($"Failed with repeated key: {CelValues.Display(key)}");
            }

            _entries.Add(new KeyValuePair<object, object?>(key, value));
        }
    }

    public int Count => _entries.Count;

    public bool TryGet(object? key, out object? value)
    {
        value = null;
        return key is not null && _byKey.TryGetValue(Normalize(key), out value);
    }

    public IEnumerator<KeyValuePair<object, object?>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static object Normalize(object key) => key switch
    {
        ulong u when u <= long.MaxValue => (long)u,
        double d when Math.Floor(d) == d && d is >= long.MinValue and < 9.2233720368547758E18 => (long)d,
        string or long or ulong or bool or double => key,
        _ => throw new CelEvaluationException($"unsupported key type: {key.GetType().Name}"),
    };
}
