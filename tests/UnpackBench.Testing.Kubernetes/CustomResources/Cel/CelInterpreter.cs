namespace UnpackBench.Testing.Kubernetes.CustomResources.Cel;

/// <summary>
/// Evaluates a parsed expression. Errors are <see cref="CelEvaluationException"/>s; <c>&amp;&amp;</c>,
/// <c>||</c>, <c>all</c> and <c>exists</c> absorb an error when the other side decides the result, as
/// cel-spec requires (<c>error || true</c> is true).
/// </summary>
internal static class CelInterpreter
{
    public static object? Evaluate(CelExpr expr, CelScope scope) => expr switch
    {
        CelLiteral literal => literal.Value is NegatableInt ? throw new CelEvaluationException("invalid int literal") : literal.Value,
        CelIdent ident => scope.Resolve(ident.Name),
        CelSelect select => Select(Evaluate(select.Operand, scope), select.Field, select.IsPresenceTest),
        CelIndex index => CelOperators.Index(Evaluate(index.Operand, scope), Evaluate(index.Index, scope)),
        CelLogical logical => Logical(logical, scope),
        CelConditional conditional => Evaluate(conditional.Condition, scope) switch
        {
            true => Evaluate(conditional.Then, scope),
            false => Evaluate(conditional.Otherwise, scope),
            _ => throw CelEvaluationException.NoSuchOverload(),
        },
        CelList list => list.Items.Select(item => Evaluate(item, scope)).ToList(),
        CelMap map => new CelMapValue(map.Entries.Select(e => new KeyValuePair<object, object?>(
            Evaluate(e.Key, scope) ?? throw new CelEvaluationException("unsupported key type: null"), Evaluate(e.Value, scope)))),
        CelComprehension comprehension => CelComprehensions.Evaluate(comprehension, scope),
        CelCall call => CelFunctions.Call(call.Function, call.Target is null ? null : Evaluate(call.Target, scope), call.Target is not null, call.Args.Select(a => Evaluate(a, scope)).ToList()),
        _ => throw new InvalidOperationException($"unknown CEL node {expr.GetType().Name}"),
    };

    /// <summary>Evaluates to a value, or to the error it raised, so logical operators can absorb it.</summary>
    public static (object? Value, CelEvaluationException? Error) Try(CelExpr expr, CelScope scope)
    {
        try
        {
            return (Evaluate(expr, scope), null);
        }
        catch (CelEvaluationException e)
        {
            return (null, e);
        }
    }

    private static bool Logical(CelLogical logical, CelScope scope)
    {
        var decisive = !logical.IsAnd;
        var (left, leftError) = Try(logical.Left, scope);
        if (leftError is null && left is bool l && l == decisive)
        {
            return decisive;
        }

        var (right, rightError) = Try(logical.Right, scope);
        if (rightError is null && right is bool r && r == decisive)
        {
            return decisive;
        }

        if (leftError is not null || rightError is not null)
        {
            throw leftError ?? rightError!;
        }

        return left is bool && right is bool ? !decisive : throw CelEvaluationException.NoSuchOverload();
    }

    private static object? Select(object? operand, string field, bool presenceTest)
    {
        if (operand is not CelMapValue map)
        {
            throw new CelEvaluationException(presenceTest ? "invalid type for field selection." : "no such overload");
        }

        var found = map.TryGet(field, out var value);
        return presenceTest ? found : found ? value : throw CelEvaluationException.NoSuchKey(field);
    }
}

/// <summary>The variables in reach: the activation's (<c>self</c>, <c>oldSelf</c>) and those of enclosing comprehensions.</summary>
internal sealed record CelScope(string Name, object? Value, CelScope? Parent, IReadOnlyDictionary<string, object?>? Activation = null)
{
    public static CelScope Of(IReadOnlyDictionary<string, object?> activation) => new("", null, null, activation);

    public CelScope With(string name, object? value) => new(name, value, this);

    public object? Resolve(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.Activation is { } activation)
            {
                return activation.TryGetValue(name, out var value) ? value : throw new CelEvaluationException($"no such attribute: {name}");
            }

            if (scope.Name == name)
            {
                return scope.Value;
            }
        }

        throw new CelEvaluationException($"no such attribute: {name}");
    }
}
