namespace UnpackBench.Testing.Kubernetes.CustomResources.Cel;

/// <summary>
/// A compiled CEL expression: parsed, with every variable and function checked to exist, ready to evaluate
/// against an activation (<c>self</c>, <c>oldSelf</c>). There is no type checker: a rule the API server's
/// checker would refuse (<c>self.name == 1</c>) compiles here and fails (or is false) when it runs.
/// </summary>
public sealed class CelProgram
{
    private readonly CelExpr _expr;

    private CelProgram(string text, CelExpr expr)
    {
        Text = text;
        _expr = expr;
    }

    /// <summary>The expression's text.</summary>
    public string Text { get; }

    /// <summary>Compiles <paramref name="text"/>, which may read only <paramref name="variables"/>.</summary>
    /// <exception cref="CelCompileException">A syntax error, an undeclared variable or an unknown function.</exception>
    public static CelProgram Compile(string text, IReadOnlySet<string> variables)
    {
        var expr = CelParser.Parse(text);
        Check(expr, variables);
        return new CelProgram(text, expr);
    }

    /// <summary>The expression's value (a .NET value: bool, long, ulong, double, string, list, map, null).</summary>
    /// <exception cref="CelEvaluationException">The expression raised an error, worded as cel-go words it.</exception>
    public object? Evaluate(IReadOnlyDictionary<string, object?> activation) => CelInterpreter.Evaluate(_expr, CelScope.Of(activation));

    private static void Check(CelExpr expr, IReadOnlySet<string> variables)
    {
        switch (expr)
        {
            case CelIdent ident when !variables.Contains(ident.Name):
                throw new CelCompileException($"undeclared reference to '{ident.Name}' (in container '')");
            case CelLiteral { Value: NegatableInt }:
                throw new CelCompileException("invalid int literal");
            case CelSelect select:
                Check(select.Operand, variables);
                break;
            case CelIndex index:
                Check(index.Operand, variables);
                Check(index.Index, variables);
                break;
            case CelCall call:
                if (!CelFunctions.Names.Contains(call.Function))
                {
                    throw new CelCompileException($"undeclared reference to '{call.Function}' (in container '')");
                }

                CheckAll([.. call.Target is null ? [] : new[] { call.Target }, .. call.Args], variables);
                break;
            case CelLogical logical:
                CheckAll([logical.Left, logical.Right], variables);
                break;
            case CelConditional conditional:
                CheckAll([conditional.Condition, conditional.Then, conditional.Otherwise], variables);
                break;
            case CelList list:
                CheckAll(list.Items, variables);
                break;
            case CelMap map:
                CheckAll(map.Entries.SelectMany(e => new[] { e.Key, e.Value }).ToList(), variables);
                break;
            case CelComprehension comprehension:
                Check(comprehension.Range, variables);
                var inner = new HashSet<string>(variables, StringComparer.Ordinal) { comprehension.Variable };
                CheckAll(comprehension.Filter is null ? [comprehension.Step] : [comprehension.Step, comprehension.Filter], inner);
                break;
        }
    }

    private static void CheckAll(IReadOnlyList<CelExpr> exprs, IReadOnlySet<string> variables)
    {
        foreach (var expr in exprs)
        {
            Check(expr, variables);
        }
    }
}
