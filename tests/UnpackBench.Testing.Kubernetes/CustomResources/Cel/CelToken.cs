namespace UnpackBench.Testing.Kubernetes.CustomResources.Cel;

/// <summary>What a token of a CEL expression is.</summary>
internal enum CelTokenKind
{
    Identifier,
    Literal,
    Operator,
    End,
}

/// <summary>One token: its kind, its text (the operator or identifier), its literal value, and where it starts.</summary>
internal sealed record CelToken(CelTokenKind Kind, string Text, object? Value, int Position)
{
    public bool Is(string text) => Kind is CelTokenKind.Operator or CelTokenKind.Identifier && Text == text;
}
