namespace UnpackBench.Testing.Kubernetes.CustomResources.Cel;

/// <summary>The macros over a list's items or a map's keys: <c>all</c>, <c>exists</c>, <c>exists_one</c>, <c>map</c>, <c>filter</c>.</summary>
internal static class CelComprehensions
{
    public static object Evaluate(CelComprehension comprehension, CelScope scope)
    {
        var range = CelInterpreter.Evaluate(comprehension.Range, scope) switch
        {
            IReadOnlyList<object?> list => list,
            CelMapValue map => map.Select(e => (object?)e.Key).ToList(),
            _ => throw CelEvaluationException.NoSuchOverload(),
        };
        return comprehension.Macro switch
        {
            "all" => Quantify(comprehension, range, scope, decisive: false),
            "exists" => Quantify(comprehension, range, scope, decisive: true),
            "exists_one" => range.Count(item => Predicate(comprehension.Step, scope.With(comprehension.Variable, item))) == 1,
            "filter" => range.Where(item => Predicate(comprehension.Step, scope.With(comprehension.Variable, item))).ToList(),
            _ => range
                .Where(item => comprehension.Filter is null || Predicate(comprehension.Filter, scope.With(comprehension.Variable, item)))
                .Select(item => CelInterpreter.Evaluate(comprehension.Step, scope.With(comprehension.Variable, item)))
                .ToList(),
        };
    }

    /// <summary><c>all</c> (a false decides) and <c>exists</c> (a true decides): an error counts only when nothing decides.</summary>
    private static bool Quantify(CelComprehension comprehension, IReadOnlyList<object?> range, CelScope scope, bool decisive)
    {
        CelEvaluationException? firstError = null;
        foreach (var item in range)
        {
            var (value, error) = CelInterpreter.Try(comprehension.Step, scope.With(comprehension.Variable, item));
            if (error is null && value is not bool)
            {
                error = CelEvaluationException.NoSuchOverload();
            }

            if (error is not null)
            {
                firstError ??= error;
            }
            else if ((bool)value! == decisive)
            {
                return decisive;
            }
        }

        return firstError is null ? !decisive : throw firstError;
    }

    private static bool Predicate(CelExpr predicate, CelScope scope) =>
        CelInterpreter.Evaluate(predicate, scope) as bool? ?? throw CelEvaluationException.NoSuchOverload();
}
