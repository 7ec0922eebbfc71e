using Asmr.Codec.Training;
using Asmr.Container.Model;
using static TorchSharp.torch;

namespace Asmr.Codec.Quantization;

/// <summary>
/// Rounds a hidden weight so that the phases it produces, not its values, stay close to the fit's (the GPTQ method of
/// Frantar et al., 2022): the weight's columns are rounded one at a time, and each rounding error is spread over the
/// columns not yet rounded in the proportions that cancel it best on the inputs the layer actually sees, whose second
/// moments (the Gram matrix of its inputs over all cells) the encoder measures once on the fit.
/// </summary>
internal static class ErrorCompensatingRounding
{
    /// <summary>Dampening added to the Gram matrix's diagonal, as a fraction of its mean, so that it can be inverted.</summary>
    public const double Dampening = 0.01;

    /// <summary>
    /// Per tensor of <see cref="ModelArchitecture.TensorLayout"/>: for a hidden weight of level l, the Gram matrix of its
    /// inputs (sin θ_{l−1} over every cell of level l − 1), H × H row-major; null for every other tensor.
    /// </summary>
    public static IReadOnlyList<double[]?> InputGrams(AsmrNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var layout = network.Architecture.TensorLayout();
        var grams = new double[]?[layout.Count];
        for (int i = 0; i < layout.Count; i++)
        {
            if (layout[i].Role != TensorRole.Weight)
            {
                continue;
            }

            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var x = network.WeightInput(layout[i].Level).to_type(ScalarType.Float64);
            grams[i] = [.. x.t().mm(x).contiguous().data<double>()];
        }

        return grams;
    }

    /// <summary>
    /// Quantizes a rows × columns weight (row-major, a row per output unit) with step μ in the role's units, each row's
    /// rounding errors compensated through <paramref name="gram"/> (columns × columns).
    /// </summary>
    public static int[] Quantize(TensorRole role, float[] values, int rows, int columns, uint multiplier, double[] gram)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(gram);
        int n = columns;
        if (values.Length != rows * n || gram.Length != n * n)
        {
            throw new ArgumentException("The weight and its Gram matrix do not match.", nameof(gram));
        }

        // Columns with the most input energy first: their errors then have the most columns left to absorb them.
        int[] order = [.. Enumerable.Range(0, n).OrderByDescending(j => gram[(j * n) + j]).ThenBy(j => j)];
        double meanDiagonal = Enumerable.Range(0, n).Average(j => gram[(j * n) + j]);
        double damp = (Dampening * meanDiagonal) + 1e-12;
        var a = new double[n, n];
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++)
            {
                a[r, c] = gram[(order[r] * n) + order[c]] + (r == c ? damp : 0);
            }
        }

        var u = UpperCholesky(Inverse(a));
        double scale = TensorUnits.UnitsPerFloat(role) / multiplier;
        var q = new int[values.Length];
        var w = new double[n];
        for (int row = 0; row < rows; row++)
        {
            for (int k = 0; k < n; k++)
            {
                w[k] = values[(row * n) + order[k]] * scale;
            }

            for (int k = 0; k < n; k++)
            {
                double rounded = Math.Clamp(Math.Round(w[k]), -int.MaxValue, int.MaxValue);
                q[(row * n) + order[k]] = (int)rounded;
                double error = (w[k] - rounded) / u[k, k];
                for (int m = k + 1; m < n; m++)
                {
                    w[m] -= error * u[k, m];
                }
            }
        }

        return q;
    }

    /// <summary>The inverse of a symmetric positive definite matrix, through its Cholesky factor.</summary>
    private static double[,] Inverse(double[,] a)
    {
        int n = a.GetLength(0);
        var l = LowerCholesky(a);
        // L⁻¹ by forward substitution, then A⁻¹ = L⁻ᵀ L⁻¹.
        var li = new double[n, n];
        for (int c = 0; c < n; c++)
        {
            for (int r = c; r < n; r++)
            {
                double sum = r == c ? 1 : 0;
                for (int k = c; k < r; k++)
                {
                    sum -= l[r, k] * li[k, c];
                }

                li[r, c] = sum / l[r, r];
            }
        }

        var inverse = new double[n, n];
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c <= r; c++)
            {
                double sum = 0;
                for (int k = r; k < n; k++)
                {
                    sum += li[k, r] * li[k, c];
                }

                inverse[r, c] = inverse[c, r] = sum;
            }
        }

        return inverse;
    }

    private static double[,] LowerCholesky(double[,] a)
    {
        int n = a.GetLength(0);
        var l = new double[n, n];
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c <= r; c++)
            {
                double sum = a[r, c];
                for (int k = 0; k < c; k++)
                {
                    sum -= l[r, k] * l[c, k];
                }

                l[r, c] = r == c ? Math.Sqrt(Math.Max(sum, 1e-300)) : sum / l[c, c];
            }
        }

        return l;
    }

    /// <summary>U with A = UᵀU.</summary>
    private static double[,] UpperCholesky(double[,] a)
    {
        var l = LowerCholesky(a);
        int n = a.GetLength(0);
        var u = new double[n, n];
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++)
            {
                u[r, c] = l[c, r];
            }
        }

        return u;
    }
}
