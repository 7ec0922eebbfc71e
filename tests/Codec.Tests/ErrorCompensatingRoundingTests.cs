using Asmr.Codec.Quantization;
using Asmr.Codec.Training;
using Asmr.Container.Model;
using static TorchSharp.torch;

namespace Asmr.Codec.Tests;

/// <summary>Rounding hidden weights so that the phases they produce on the fit's inputs stay close (GPTQ).</summary>
public sealed class ErrorCompensatingRoundingTests
{
    private const uint Multiplier = 4096;

    /// <summary>Float weights whose quantized values are about ±<paramref name="spread"/> steps.</summary>
    private static float[] Weights(Random random, int count, double spread)
    {
        double step = Multiplier / TensorUnits.UnitsPerFloat(TensorRole.Weight);
        return [.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() - 0.5) * 2 * spread * step))];
    }

    /// <summary>Inputs [samples, columns] whose columns are strongly correlated: a few random factors mixed.</summary>
    private static double[,] CorrelatedInputs(Random random, int samples, int columns, int factors)
    {
        var mix = new double[factors, columns];
        for (int f = 0; f < factors; f++)
        {
            for (int c = 0; c < columns; c++)
            {
                mix[f, c] = random.NextDouble() - 0.5;
            }
        }

        var x = new double[samples, columns];
        for (int s = 0; s < samples; s++)
        {
            var z = Enumerable.Range(0, factors).Select(_ => random.NextDouble() - 0.5).ToArray();
            for (int c = 0; c < columns; c++)
            {
                double v = 0.05 * (random.NextDouble() - 0.5);
                for (int f = 0; f < factors; f++)
                {
                    v += z[f] * mix[f, c];
                }

                x[s, c] = v;
            }
        }

        return x;
    }

    private static double[] Gram(double[,] x)
    {
        int n = x.GetLength(0), c = x.GetLength(1);
        var g = new double[c * c];
        for (int s = 0; s < n; s++)
        {
            for (int i = 0; i < c; i++)
            {
                for (int j = 0; j < c; j++)
                {
                    g[(i * c) + j] += x[s, i] * x[s, j];
                }
            }
        }

        return g;
    }

    /// <summary>Σ over rows of eᵀ G e, e the row's error in float units: the squared error of the layer's outputs.</summary>
    private static double OutputError(float[] values, int[] q, int rows, int columns, double[] gram)
    {
        double total = 0;
        for (int r = 0; r < rows; r++)
        {
            var e = Enumerable.Range(0, columns)
                .Select(c => values[(r * columns) + c] - SegmentExporter.Dequantize(TensorRole.Weight, q[(r * columns) + c], Multiplier))
                .ToArray();
            for (int i = 0; i < columns; i++)
            {
                for (int j = 0; j < columns; j++)
                {
                    total += e[i] * gram[(i * columns) + j] * e[j];
                }
            }
        }

        return total;
    }

    /// <summary>Four levels of width 5: hidden weights on levels 2 and 3.</summary>
    private static AsmrNetwork SmallNetwork() => new(
        new ModelArchitecture(
            [[2, 1, 2, 2], [3, 2, 1, 2], [2, 2, 2, 2]],
            5,
            3,
            [ModulationKind.Table, ModulationKind.Table, ModulationKind.Table, ModulationKind.Table]),
        new NetworkInit(),
        3);

    [Fact]
    public void On_correlated_inputs_it_leaves_a_smaller_output_error_than_rounding_each_value()
    {
        var random = new Random(11);
        const int rows = 6, columns = 12;
        var values = Weights(random, rows * columns, spread: 3);
        var gram = Gram(CorrelatedInputs(random, 400, columns, factors: 3));

        var compensated = ErrorCompensatingRounding.Quantize(TensorRole.Weight, values, rows, columns, Multiplier, gram);
        var plain = SegmentExporter.Quantize(TensorRole.Weight, values, Multiplier);

        double compensatedError = OutputError(values, compensated, rows, columns, gram);
        double plainError = OutputError(values, plain, rows, columns, gram);
        Assert.True(compensatedError < 0.5 * plainError, $"compensated {compensatedError:E3}, plain {plainError:E3}");
        Assert.NotEqual(plain, compensated);
    }

    [Fact]
    public void With_uncorrelated_inputs_it_rounds_each_value()
    {
        var random = new Random(5);
        const int rows = 4, columns = 7;
        var values = Weights(random, rows * columns, spread: 5);
        var gram = new double[columns * columns];
        for (int j = 0; j < columns; j++)
        {
            gram[(j * columns) + j] = 1 + j;
        }

        var compensated = ErrorCompensatingRounding.Quantize(TensorRole.Weight, values, rows, columns, Multiplier, gram);

        Assert.Equal(SegmentExporter.Quantize(TensorRole.Weight, values, Multiplier), compensated);
    }

    [Fact]
    public void A_Gram_matrix_of_the_wrong_size_is_rejected()
    {
        var values = new float[6];

        Assert.Throws<ArgumentException>(() =>
            ErrorCompensatingRounding.Quantize(TensorRole.Weight, values, 2, 3, Multiplier, new double[4]));
    }

    [Fact]
    public void Each_hidden_weight_gets_the_Gram_matrix_of_the_activations_it_multiplies()
    {
        using var net = SmallNetwork();
        var a = net.Architecture;

        var grams = ErrorCompensatingRounding.InputGrams(net);

        var layout = a.TensorLayout();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        for (int i = 0; i < layout.Count; i++)
        {
            if (layout[i].Role != TensorRole.Weight)
            {
                Assert.Null(grams[i]);
                continue;
            }

            var x = net.WeightInput(layout[i].Level).to_type(ScalarType.Float64);
            Assert.Equal(a.CellCount(layout[i].Level - 1), x.shape[0]);
            var expected = x.t().mm(x).data<double>().ToArray();
            Assert.Equal(a.Width * a.Width, grams[i]!.Length);
            Assert.All(expected.Zip(grams[i]!), p => Assert.Equal(p.First, p.Second, 9));
        }

        Assert.Equal(2, grams.Count(g => g is not null));
    }

    [Fact]
    public void The_last_hidden_weight_input_gives_the_shared_pre_activation()
    {
        using var net = SmallNetwork();
        var a = net.Architecture;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        var pre = nn.functional.linear(net.WeightInput(a.Levels - 1), net.WeightParameter(a.Levels - 1), net.BiasParameter(a.Levels - 1));

        Assert.Equal(0f, (pre - net.SharedPre()).abs().max().item<float>());
    }
}
