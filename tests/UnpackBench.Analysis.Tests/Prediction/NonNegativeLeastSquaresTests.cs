using MathNet.Numerics.LinearAlgebra;
using UnpackBench.Analysis.Prediction;

namespace UnpackBench.Analysis.Tests.Prediction;

public sealed class NonNegativeLeastSquaresTests
{
    [Fact]
    public void The_published_lsqnonneg_example_gives_its_published_solution()
    {
        // MATLAB's lsqnonneg documentation example: the unconstrained solution is (-2.5627, 3.1108);
        // with x ≥ 0 it is (0, 0.6929).
        var c = Matrix<double>.Build.DenseOfArray(new[,]
        {
            { 0.0372, 0.2869 },
            { 0.6861, 0.7071 },
            { 0.6233, 0.6245 },
            { 0.6344, 0.6170 },
        });
        var d = Vector<double>.Build.DenseOfArray([0.8587, 0.1781, 0.0747, 0.8405]);

        var unconstrained = c.QR().Solve(d);
        var solution = NonNegativeLeastSquares.Solve(c, d);

        Assert.Equal(-2.5627, unconstrained[0], 4);
        Assert.Equal(3.1108, unconstrained[1], 4);
        Assert.Equal(0, solution.Coefficients[0], 10);
        Assert.Equal(0.6929, solution.Coefficients[1], 4);
        Assert.Equal([false, true], solution.Free);
    }

    [Fact]
    public void A_problem_whose_least_squares_solution_is_positive_is_solved_unchanged()
    {
        var a = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0 }, { 1, 0 }, { 0, 1 } });
        var b = Vector<double>.Build.DenseOfArray([2.0, 1, 1]);

        var solution = NonNegativeLeastSquares.Solve(a, b);

        Assert.Equal(1.5, solution.Coefficients[0], 12);
        Assert.Equal(1.0, solution.Coefficients[1], 12);
        Assert.Equal([true, true], solution.Free);
    }

    [Fact]
    public void Every_coefficient_is_held_at_zero_when_every_column_points_away_from_b()
    {
        var a = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2 }, { 1, 1 } });
        var b = Vector<double>.Build.DenseOfArray([-1.0, -1]);

        var solution = NonNegativeLeastSquares.Solve(a, b);

        Assert.All(solution.Coefficients, x => Assert.Equal(0, x));
        Assert.Equal([false, false], solution.Free);
    }
}
