namespace UnpackBench.Testing.Kubernetes.CustomResources.Cel;

/// <summary>
/// Parses CEL (cel-spec's grammar) into <see cref="CelExpr"/> nodes by recursive descent: conditional,
/// <c>||</c>, <c>&amp;&amp;</c>, relations (<c>== != &lt; &lt;= &gt; &gt;= in</c>), <c>+ -</c>, <c>* / %</c>,
/// unary <c>! -</c>, member access, indexing, calls, list and map literals, and the macros <c>has</c>,
/// <c>all</c>, <c>exists</c>, <c>exists_one</c>, <c>map</c>, <c>filter</c>.
/// </summary>
internal sealed class CelParser
{
    private static readonly HashSet<string> Relations = new(StringComparer.Ordinal) { "==", "!=", "<", "<=", ">", ">=", "in" };
    private static readonly HashSet<string> Macros = new(StringComparer.Ordinal) { "all", "exists", "exists_one", "map", "filter" };
    private readonly List<CelToken> _tokens;
    private int _next;

    private CelParser(string text) => _tokens = CelLexer.Tokenize(text);

    public static CelExpr Parse(string text)
    {
        var parser = new CelParser(text);
        var expr = parser.Expression();
        return parser.Peek.Kind == CelTokenKind.End ? expr : throw parser.Error($"mismatched input '{parser.Peek.Text}'");
    }

    private CelToken Peek => _tokens[_next];

    private CelExpr Expression()
    {
        var condition = Or();
        if (!Accept("?"))
        {
            return condition;
        }

        var then = Or();
        Expect(":");
        return new CelConditional(condition, then, Expression());
    }

    private CelExpr Or()
    {
        var left = And();
        while (Accept("||"))
        {
            left = new CelLogical(false, left, And());
        }

        return left;
    }

    private CelExpr And()
    {
        var left = Relation();
        while (Accept("&&"))
        {
            left = new CelLogical(true, left, Relation());
        }

        return left;
    }

    private CelExpr Relation()
    {
        var left = Binary(0);
        while (Peek.Kind == CelTokenKind.Operator && Relations.Contains(Peek.Text))
        {
            var op = Take().Text;
            left = new CelCall(op, null, [left, Binary(0)]);
        }

        return left;
    }

    /// <summary>Level 0: <c>+ -</c>; level 1: <c>* / %</c>; then unary.</summary>
    private CelExpr Binary(int level)
    {
        string[] operators = level == 0 ? ["+", "-"] : ["*", "/", "%"];
        var left = level == 0 ? Binary(1) : Unary();
        while (Peek.Kind == CelTokenKind.Operator && operators.Contains(Peek.Text))
        {
            var op = Take().Text;
            left = new CelCall(op, null, [left, level == 0 ? Binary(1) : Unary()]);
        }

        return left;
    }

    private CelExpr Unary()
    {
        if (Accept("!"))
        {
            return new CelCall("!", null, [Unary()]);
        }

        if (Accept("-"))
        {
            var operand = Unary();
            return operand switch
            {
                CelLiteral { Value: NegatableInt } => new CelLiteral(long.MinValue),
                CelLiteral { Value: long n } => new CelLiteral(-n),
                CelLiteral { Value: double d } => new CelLiteral(-d),
                _ => new CelCall("-", null, [operand]),
            };
        }

        return Member(Primary());
    }

    private CelExpr Member(CelExpr operand)
    {
        while (true)
        {
            if (Accept("."))
            {
                var name = ExpectIdentifier();
                operand = Accept("(") ? MemberCall(operand, name) : new CelSelect(operand, name, false);
            }
            else if (Accept("["))
            {
                var index = Expression();
                Expect("]");
                operand = new CelIndex(operand, index);
            }
            else
            {
                return operand;
            }
        }
    }

    private CelExpr MemberCall(CelExpr target, string name)
    {
        var args = Arguments(")");
        if (!Macros.Contains(name))
        {
            return new CelCall(name, target, args);
        }

        var arity = name == "map" ? args.Count is 2 or 3 : args.Count == 2;
        if (!arity || args[0] is not CelIdent variable)
        {
            throw Error($"invalid arguments to the {name}() macro");
        }

        return name == "map" && args.Count == 3
            ? new CelComprehension(name, target, variable.Name, args[2], args[1])
            : new CelComprehension(name, target, variable.Name, args[1], null);
    }

    private CelExpr Primary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case CelTokenKind.Literal:
                return new CelLiteral(token.Value);
            case CelTokenKind.Identifier when Accept("("):
                var args = Arguments(")");
                if (token.Text != "has")
                {
                    return new CelCall(token.Text, null, args);
                }

                return args is [CelSelect select] ? select with { IsPresenceTest = true } : throw Error("invalid argument to has() macro");
            case CelTokenKind.Identifier:
                return new CelIdent(token.Text);
            case CelTokenKind.Operator when token.Text == "(":
                var inner = Expression();
                Expect(")");
                return inner;
            case CelTokenKind.Operator when token.Text == "[":
                return new CelList(Arguments("]"));
            case CelTokenKind.Operator when token.Text == "{":
                return MapLiteral();
            case CelTokenKind.Operator when token.Text == "." && Peek.Kind == CelTokenKind.Identifier:
                return Primary();
            default:
                throw Error(token.Kind == CelTokenKind.End ? "mismatched input '<EOF>'" : $"extraneous input '{token.Text}'", token);
        }
    }

    private CelMap MapLiteral()
    {
        var entries = new List<(CelExpr, CelExpr)>();
        while (!Accept("}"))
        {
            var key = Expression();
            Expect(":");
            entries.Add((key, Expression()));
            if (!Accept(","))
            {
                Expect("}");
                break;
            }
        }

        return new CelMap(entries);
    }

    private List<CelExpr> Arguments(string close)
    {
        var args = new List<CelExpr>();
        while (!Accept(close))
        {
            args.Add(Expression());
            if (!Accept(","))
            {
                Expect(close);
                break;
            }
        }

        return args;
    }

    private CelToken Take() => _tokens[Peek.Kind == CelTokenKind.End ? _next : _next++];

    private bool Accept(string text)
    {
        if (!Peek.Is(text) || Peek.Kind == CelTokenKind.Literal)
        {
            return false;
        }

        _next++;
        return true;
    }

    private void Expect(string text)
    {
        if (!Accept(text))
        {
            throw Error($"missing '{text}' at '{(Peek.Kind == CelTokenKind.End ? "<EOF>" : Peek.Text)}'");
        }
    }

    private string ExpectIdentifier() =>
        Peek.Kind == CelTokenKind.Identifier ? Take().Text : throw Error($"mismatched input '{Peek.Text}' expecting IDENTIFIER");

    private CelCompileException Error(string what, CelToken? at = null) =>
        new($"Syntax error: {what} (position {(at ?? Peek).Position + 1})");
}
