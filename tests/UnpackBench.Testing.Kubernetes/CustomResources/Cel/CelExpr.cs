namespace UnpackBench.Testing.Kubernetes.CustomResources.Cel;

/// <summary>A node of a parsed CEL expression.</summary>
internal abstract record CelExpr;

/// <summary>A literal: bool, int (long), uint (ulong), double, string, bytes or null.</summary>
internal sealed record CelLiteral(object? Value) : CelExpr;

/// <summary>A variable: <c>self</c>, <c>oldSelf</c> or a comprehension's.</summary>
internal sealed record CelIdent(string Name) : CelExpr;

/// <summary><c>operand.field</c>; with <paramref name="IsPresenceTest"/>, <c>has(operand.field)</c>.</summary>
internal sealed record CelSelect(CelExpr Operand, string Field, bool IsPresenceTest) : CelExpr;

/// <summary><c>operand[index]</c>.</summary>
internal sealed record CelIndex(CelExpr Operand, CelExpr Index) : CelExpr;

/// <summary>A function or operator call; <paramref name="Target"/> is the receiver of <c>x.f(...)</c>.</summary>
internal sealed record CelCall(string Function, CelExpr? Target, IReadOnlyList<CelExpr> Args) : CelExpr;

/// <summary><c>a &amp;&amp; b</c> (<paramref name="IsAnd"/>) or <c>a || b</c>, which absorb errors as cel-spec says.</summary>
internal sealed record CelLogical(bool IsAnd, CelExpr Left, CelExpr Right) : CelExpr;

/// <summary><c>condition ? then : otherwise</c>.</summary>
internal sealed record CelConditional(CelExpr Condition, CelExpr Then, CelExpr Otherwise) : CelExpr;

/// <summary><c>[a, b]</c>.</summary>
internal sealed record CelList(IReadOnlyList<CelExpr> Items) : CelExpr;

/// <summary><c>{k: v}</c>.</summary>
internal sealed record CelMap(IReadOnlyList<(CelExpr Key, CelExpr Value)> Entries) : CelExpr;

/// <summary>The macros <c>all</c>, <c>exists</c>, <c>exists_one</c>, <c>map</c> and <c>filter</c> over a list or a map's keys.</summary>
internal sealed record CelComprehension(string Macro, CelExpr Range, string Variable, CelExpr Step, CelExpr? Filter) : CelExpr;
