namespace UnpackBench.Testing.Kubernetes.CustomResources.Cel;

/// <summary>
/// CEL's operators: arithmetic without implicit conversions (int overflow, division and modulus by zero are
/// errors), comparisons, equality, <c>in</c> and indexing.
/// </summary>
internal static class CelOperators
{
    public static object? Binary(string op, object? a, object? b) => op switch
    {
        "==" => CelValues.Equals(a, b),
        "!=" => !CelValues.Equals(a, b),
        "<" => CelValues.Compare(a, b) < 0,
        "<=" => CelValues.Compare(a, b) <= 0,
        ">" => CelValues.Compare(a, b) > 0,
        ">=" => CelValues.Compare(a, b) >= 0,
        "in" => In(a, b),
        "+" => Add(a, b),
        _ => Arithmetic(op, a, b),
    };

    public static object Negate(object? value) => value switch
    {
        long l => l == long.MinValue ? throw Overflow() : (object)-l,
        double d => (object)-d,
        _ => throw CelEvaluationException.NoSuchOverload(),
    };

    public static object? Index(object? operand, object? index) => operand switch
    {
        IReadOnlyList<object?> list => list[ListIndex(list, index)],
        CelMapValue map => map.TryGet(index, out var value) ? value : throw CelEvaluationException.NoSuchKey(CelValues.Display(index)),
        _ => throw CelEvaluationException.NoSuchOverload(),
    };

    private static int ListIndex(IReadOnlyList<object?> list, object? index)
    {
        var position = index switch
        {
            long l => l,
            ulong u when u <= long.MaxValue => (long)u,
            double d when Math.Floor(d) == d => (long)d,
            _ => throw CelEvaluationException.NoSuchOverload(),
        };
        return position >= 0 && position < list.Count
            ? (int)position
            : throw new CelEvaluationException($"index out of bounds: {position}");
    }

    private static bool In(object? element, object? container) => container switch
    {
        IReadOnlyList<object?> list => list.Any(item => CelValues.Equals(item, element)),
        CelMapValue map => map.TryGet(element, out _),
        _ => throw CelEvaluationException.NoSuchOverload(),
    };

    private static object Add(object? a, object? b) => (a, b) switch
    {
        (string x, string y) => x + y,
        (byte[] x, byte[] y) => x.Concat(y).ToArray(),
        (IReadOnlyList<object?> x, IReadOnlyList<object?> y) => x.Concat(y).ToList(),
        _ => Arithmetic("+", a, b),
    };

    private static object Arithmetic(string op, object? a, object? b)
    {
        try
        {
            return (a, b) switch
            {
                // Each arm is boxed as its own type: a common type would turn ints into doubles.
                (long x, long y) => (object)Int(op, x, y),
                (ulong x, ulong y) => (object)Uint(op, x, y),
                (double x, double y) when op != "%" => (object)(op switch { "+" => x + y, "-" => x - y, "*" => x * y, _ => x / y }),
                _ => throw CelEvaluationException.NoSuchOverload(),
            };
        }
        catch (OverflowException)
        {
            throw Overflow();
        }
    }

    private static long Int(string op, long x, long y) => op switch
    {
        "+" => checked(x + y),
        "-" => checked(x - y),
        "*" => checked(x * y),
        "/" => y == 0 ? throw new CelEvaluationException("division by zero") : x == long.MinValue && y == -1 ? throw Overflow() : x / y,
        _ => y == 0 ? throw new CelEvaluationException("modulus by zero") : x == long.MinValue && y == -1 ? throw Overflow() : x % y,
    };

    private static ulong Uint(string op, ulong x, ulong y) => op switch
    {
        "+" => checked(x + y),
        "-" => checked(x - y),
        "*" => checked(x * y),
        "/" => y == 0 ? throw new CelEvaluationException("division by zero") : x / y,
        _ => y == 0 ? throw new CelEvaluationException("modulus by zero") : x % y,
    };

    private static CelEvaluationException Overflow() => new("integer overflow");
}
