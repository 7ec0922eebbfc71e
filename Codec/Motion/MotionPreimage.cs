using Asmr.Codec.Training;
using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Motion;
using Asmr.Decoder.Video;

namespace Asmr.Codec.Motion;

/// <summary>
/// A better target than <see cref="MotionAlignment"/>'s moved-back clip: per frame and plane, the picture A that the
/// decoder's warp W carries closest to the source S, min ‖W·A − S‖² + μ‖A − A₀‖² with A₀ the moved-back picture
/// (which also fills what the warp never reads), solved by conjugate gradients on the normal equations. Moving back
/// and forth cancels only where the field is about constant over the distance moved; the least-squares picture does
/// not need that, and it undoes the blur of the warp's fractional reads.
/// </summary>
internal static class MotionPreimage
{
    /// <summary>Weight of staying near the moved-back picture, against the warp's squared tap weights (about 1 a sample).</summary>
    public const double Ridge = 0.05;

    /// <summary>Conjugate-gradient iterations per plane.</summary>
    public const int Iterations = 25;

    /// <summary>The target for <paramref name="video"/> under <paramref name="field"/>; frames are solved on up to <paramref name="threads"/> threads (the result does not depend on them).</summary>
    public static VideoClip Solve(VideoClip video, MotionField field, double ridge = Ridge, int iterations = Iterations, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(field);
        var start = MotionAlignment.Align(video, field);
        var frames = new VideoFrame[video.Frames.Count];
        Parallel.For(0, frames.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, t =>
        {
            var source = video.Frames[t];
            var solved = new VideoFrame(source.Width, source.Height, source.Chroma, source.BitDepth);
            for (int p = 0; p < source.Planes.Length; p++)
            {
                var warp = PlaneOperator.Build(field, t, source, p);
                var a = Solve(warp, source.Planes[p], start.Frames[t].Planes[p], ridge, iterations);
                var target = solved.Planes[p];
                for (int i = 0; i < a.Length; i++)
                {
                    target[i] = (ushort)Math.Clamp(Math.Round(a[i]), 0, source.MaxValue);
                }
            }

            frames[t] = solved;
        });
        return new VideoClip(frames);
    }

    private static double[] Solve(PlaneOperator w, ushort[] source, ushort[] start, double ridge, int iterations)
    {
        int n = start.Length;
        var a = start.Select(v => (double)v).ToArray();

        // r = Wᵀ(S − W·A) − μ(A − A₀), the negative gradient; A₀ = the start, so the ridge term starts at 0.
        var residual = new double[n];
        w.Apply(a, residual);
        for (int i = 0; i < n; i++)
        {
            residual[i] = source[i] - residual[i];
        }

        var r = new double[n];
        w.ApplyTransposed(residual, r);
        var d = (double[])r.Clone();
        var wd = new double[n];
        var q = new double[n];
        double rr = Dot(r, r);
        for (int k = 0; k < iterations && rr > 1e-9 * n; k++)
        {
            // q = (WᵀW + μI)·d
            w.Apply(d, wd);
            w.ApplyTransposed(wd, q);
            for (int i = 0; i < n; i++)
            {
                q[i] += ridge * d[i];
            }

            double alpha = rr / Dot(d, q);
            for (int i = 0; i < n; i++)
            {
                a[i] += alpha * d[i];
                r[i] -= alpha * q[i];
            }

            double next = Dot(r, r);
            double beta = next / rr;
            rr = next;
            for (int i = 0; i < n; i++)
            {
                d[i] = r[i] + (beta * d[i]);
            }
        }

        return a;
    }

    private static double Dot(double[] x, double[] y)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary>The decoder's warp of one plane of one frame as a sparse matrix: 16 taps per shown sample.</summary>
    private sealed class PlaneOperator
    {
        private const int Taps = 16;
        private readonly int[] _index;
        private readonly double[] _weight;
        private readonly int _count;

        private PlaneOperator(int[] index, double[] weight, int count) => (_index, _weight, _count) = (index, weight, count);

        public static PlaneOperator Build(MotionField field, int frame, VideoFrame picture, int p)
        {
            int shiftY = p == 0 ? 0 : picture.Chroma.ChromaShiftY(), shiftX = p == 0 ? 0 : picture.Chroma.ChromaShiftX();
            int width = picture.PlaneWidth(p), height = picture.PlaneHeight(p);
            int count = width * height;
            var index = new int[count * Taps];
            var weight = new double[count * Taps];
            Span<long> wy = stackalloc long[4], wx = stackalloc long[4];
            double scale = 1.0 / ((double)(1L << 19) * (1L << 19));
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    var (oy, ox) = MotionCompensation.Offset(field, frame, (long)y << shiftY, (long)x << shiftX, shiftY, shiftX);
                    long py = ((long)y << 6) + oy, px = ((long)x << 6) + ox;
                    MotionCompensation.Weights((int)(py & 63), wy);
                    MotionCompensation.Weights((int)(px & 63), wx);
                    long iy = py >> 6, ix = px >> 6;
                    int at = ((y * width) + x) * Taps;
                    for (int j = 0; j < 4; j++)
                    {
                        int row = (int)Math.Clamp(iy - 1 + j, 0, height - 1);
                        for (int i = 0; i < 4; i++)
                        {
                            index[at] = (row * width) + (int)Math.Clamp(ix - 1 + i, 0, width - 1);
                            weight[at++] = wy[j] * wx[i] * scale;
                        }
                    }
                }
            }

            return new PlaneOperator(index, weight, count);
        }

        /// <summary>output = W·input.</summary>
        public void Apply(double[] input, double[] output)
        {
            for (int s = 0; s < _count; s++)
            {
                double sum = 0;
                int at = s * Taps;
                for (int k = 0; k < Taps; k++)
                {
                    sum += _weight[at + k] * input[_index[at + k]];
                }

                output[s] = sum;
            }
        }

        /// <summary>output = Wᵀ·input.</summary>
        public void ApplyTransposed(double[] input, double[] output)
        {
            Array.Clear(output);
            for (int s = 0; s < _count; s++)
            {
                double value = input[s];
                int at = s * Taps;
                for (int k = 0; k < Taps; k++)
                {
                    output[_index[at + k]] += _weight[at + k] * value;
                }
            }
        }
    }
}
