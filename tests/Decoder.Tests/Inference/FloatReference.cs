using Asmr.Container.Model;

namespace Asmr.Decoder.Tests.Inference;

/// <summary>
/// The network a model's integers stand for, evaluated in double precision per sample: phases are real numbers of
/// 2^−32 turn, activations are sin in double, no table, no Q14 or int16 rounding, no wrap-around.
/// </summary>
internal sealed class FloatReference(SegmentModel model)
{
    private const double Turn = 4294967296.0;
    private readonly ModelArchitecture _arch = model.Architecture;

    /// <summary>The output of channel o at grid sample (t, y, x) in units of full scale.</summary>
    public double[] Output(int t, int y, int x)
    {
        int h = _arch.Width;
        var theta = new double[h];
        var b0 = model.BiasOf(0);
        for (int r = 0; r < h; r++)
        {
            theta[r] = Phase(b0.Values[r], b0.Multiplier) + Pattern(0, t, y, x, r) + Pattern(1, t, y, x, r);
        }

        for (int l = 2; l < _arch.Levels; l++)
        {
            var w = model.WeightOf(l);
            var b = model.BiasOf(l);
            var act = theta.Select(p => 16384.0 * Math.Sin(2 * Math.PI * p / Turn)).ToArray();
            var next = new double[h];
            for (int r = 0; r < h; r++)
            {
                double acc = 0;
                for (int j = 0; j < h; j++)
                {
                    acc += (double)w[r, j] * act[j];
                }

                next[r] = Reduce((acc * w.Multiplier) + Phase(b.Values[r], b.Multiplier) + Pattern(l, t, y, x, r));
            }

            theta = next;
        }

        var wd = model.OutputWeight;
        var bd = model.OutputBias;
        var output = new double[_arch.OutputChannels];
        for (int o = 0; o < output.Length; o++)
        {
            double sum = (double)bd.Values[o] * bd.Multiplier;
            for (int j = 0; j < h; j++)
            {
                sum += (double)wd[o, j] * wd.Multiplier * Math.Sin(2 * Math.PI * theta[j] / Turn);
            }

            output[o] = sum / (1 << 28);
        }

        return output;
    }

    private static double Phase(int q, uint mu) => unchecked((uint)q * mu);

    private static double Reduce(double phase) => phase - (Turn * Math.Floor(phase / Turn));

    private double Pattern(int l, int t, int y, int x, int r)
    {
        int dt = Digit(Axis.T, l, t);
        int dy = Digit(Axis.Y, l, y);
        int dx = Digit(Axis.X, l, x);
        var m = model.ModulationOf(l);
        if (_arch.Modulation(l) == ModulationKind.Linear)
        {
            return Reduce((Phase(m[r, 0], m.Multiplier) * dt) + (Phase(m[r, 1], m.Multiplier) * dy) + (Phase(m[r, 2], m.Multiplier) * dx));
        }

        int delta = (((dt * _arch.Base(Axis.Y, l)) + dy) * _arch.Base(Axis.X, l)) + dx;
        return Phase(m[delta, r], m.Multiplier);
    }

    private int Digit(Axis axis, int l, int position)
    {
        int stride = 1;
        for (int k = l + 1; k < _arch.Levels; k++)
        {
            stride *= _arch.Base(axis, k);
        }

        return position / stride % _arch.Base(axis, l);
    }
}
