using MathNet.Numerics.LinearAlgebra;

namespace UnpackBench.Analysis.Prediction;

/// <summary>
/// Least squares with every coefficient at least zero: minimise ‖Ax − b‖ subject to x ≥ 0, by the
/// active-set method of Lawson and Hanson (<i>Solving Least Squares Problems</i>, 1974, ch. 23). The
/// unconstrained sub-problems are solved by MathNet.Numerics' QR decomposition. A cost per file or
/// per byte cannot be negative; where the unconstrained fit would make one negative (two terms the
/// data can barely tell apart), this holds it at zero and fits the rest.
/// </summary>
public static class NonNegativeLeastSquares
{
    /// <summary>The solution and which coefficients ended free (not held at zero).</summary>
    /// <param name="Coefficients">x, every entry ≥ 0.</param>
    /// <param name="Free">Whether each coefficient is free (the passive set); false means held at zero.</param>
    public sealed record Solution(Vector<double> Coefficients, IReadOnlyList<bool> Free);

    /// <summary>Solves the problem; <paramref name="a"/> should have columns of comparable scale.</summary>
    public static Solution Solve(Matrix<double> a, Vector<double> b)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(b.Count, a.RowCount);
        var columns = a.ColumnCount;
        var x = Vector<double>.Build.Dense(columns);
        var free = new bool[columns];
        var tolerance = 1e-12 * Math.Max(1, a.L1Norm() * b.L2Norm());
        var gradient = a.TransposeThisAndMultiply(b - (a * x));
        for (var iteration = 0; iteration < 3 * columns + 10; iteration++)
        {
            var next = Enumerable.Range(0, columns).Where(j => !free[j]).DefaultIfEmpty(-1).MaxBy(j => j < 0 ? double.MinValue : gradient[j]);
            if (next < 0 || gradient[next] <= tolerance)
            {
                break;
            }

            free[next] = true;
            x = StepToFeasible(a, b, x, free);
            gradient = a.TransposeThisAndMultiply(b - (a * x));
        }

        return new Solution(x, free);
    }

    /// <summary>The least-squares solution over the free columns, other entries zero.</summary>
    public static Vector<double> SolveFree(Matrix<double> a, Vector<double> b, IReadOnlyList<bool> free)
    {
        var indices = Enumerable.Range(0, a.ColumnCount).Where(j => free[j]).ToList();
        var solution = Vector<double>.Build.Dense(a.ColumnCount);
        if (indices.Count == 0)
        {
            return solution;
        }

        var sub = Matrix<double>.Build.DenseOfColumnVectors(indices.Select(a.Column));
        var s = sub.QR().Solve(b);
        for (var k = 0; k < indices.Count; k++)
        {
            solution[indices[k]] = s[k];
        }

        return solution;
    }

    // The inner loop: solve over the free set; while that puts a free coefficient at or below zero,
    // move x towards the solution only as far as stays feasible, and hold the coefficients that reach zero.
    private static Vector<double> StepToFeasible(Matrix<double> a, Vector<double> b, Vector<double> x, bool[] free)
    {
        for (var guard = 0; guard <= free.Length; guard++)
        {
            var s = SolveFree(a, b, free);
            var blocking = Enumerable.Range(0, free.Length).Where(j => free[j] && s[j] <= 0).ToList();
            if (blocking.Count == 0)
            {
                return s;
            }

            var alpha = blocking.Min(j => x[j] - s[j] <= 0 ? 0 : x[j] / (x[j] - s[j]));
            x = x + (alpha * (s - x));
            foreach (var j in Enumerable.Range(0, free.Length).Where(j => free[j] && x[j] <= 1e-15))
            {
                free[j] = false;
                x[j] = 0;
            }
        }

        return x;
    }
}
