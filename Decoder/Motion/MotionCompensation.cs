using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;
using Asmr.Decoder.Video;

namespace Asmr.Decoder.Motion;

/// <summary>
/// The picture shown is the decoded frame read at positions moved by the segment's motion field. The vector of a
/// sample is interpolated bilinearly between the centres of the four nearest blocks (a continuous field), rounded to
/// 1/64 of a sample of the plane, and the frame is read there with a Catmull-Rom cubic (4 × 4 taps, edges repeated).
/// Integers only: the weights of a phase φ/64 are exact (2·64³ times the cubic's), so the result is bit-exact.
/// </summary>
internal static class MotionCompensation
{
    private const int PhaseBits = 6;
    private const int Phases = 1 << PhaseBits;
    private const int WeightBits = 19; // log2(2·64³): the four weights of every phase sum to 2^19

    /// <summary>The four taps' weights at phase φ (0..63), for samples at −1, 0, +1, +2; they sum to 2^19.</summary>
    public static void Weights(int phase, Span<long> w)
    {
        long f = phase, f2 = f * f, f3 = f2 * f;
        const long n = Phases, n2 = n * n, n3 = n2 * n;
        w[0] = -f3 + (2 * n * f2) - (n2 * f);
        w[1] = (3 * f3) - (5 * n * f2) + (2 * n3);
        w[2] = (-3 * f3) + (4 * n * f2) + (n2 * f);
        w[3] = f3 - (n * f2);
    }

    /// <summary>
    /// The displacement of the sample at luma position (<paramref name="y"/>, <paramref name="x"/>) of frame
    /// <paramref name="frame"/>, in 1/64 samples of a plane subsampled by 2^<paramref name="shiftY"/> and
    /// 2^<paramref name="shiftX"/>.
    /// </summary>
    public static (long Y, long X) Offset(MotionField field, int frame, long y, long x, int shiftY, int shiftX)
    {
        int b = field.BlockLog2;
        long twoB = 2L << b;
        var (j0, j1, ry) = Neighbours((2 * y) + 1 - (1L << b), twoB, field.BlocksY, b);
        var (i0, i1, rx) = Neighbours((2 * x) + 1 - (1L << b), twoB, field.BlocksX, b);
        var v = field.Frame(frame);
        int Index(long j, long i) => (int)(2 * ((j * field.BlocksX) + i));
        long w00 = (twoB - ry) * (twoB - rx), w01 = (twoB - ry) * rx, w10 = ry * (twoB - rx), w11 = ry * rx;
        long vy = (w00 * v[Index(j0, i0)]) + (w01 * v[Index(j0, i1)]) + (w10 * v[Index(j1, i0)]) + (w11 * v[Index(j1, i1)]);
        long vx = (w00 * v[Index(j0, i0) + 1]) + (w01 * v[Index(j0, i1) + 1]) + (w10 * v[Index(j1, i0) + 1]) + (w11 * v[Index(j1, i1) + 1]);

        // vy / (4·B²) quarter samples = vy·16 / 2^(2b+2) 64ths of a luma sample = vy / 2^(2b−2); a plane subsampled by
        // 2^s halves it s times. Rounded half up (arithmetic shifts floor).
        int ky = (2 * b) - 2 + shiftY, kx = (2 * b) - 2 + shiftX;
        return ((vy + (1L << (ky - 1))) >> ky, (vx + (1L << (kx - 1))) >> kx);
    }

    /// <summary>Frame <paramref name="frame"/> of the segment as shown: <paramref name="decoded"/> read along the field.</summary>
    public static VideoFrame Apply(VideoFrame decoded, MotionField field, int frame)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        var whole = new CropRectangle(0, 0, decoded.Width, decoded.Height);
        return Apply(decoded, whole, whole, decoded.Width, decoded.Height, field, frame, threads: 1);
    }

    /// <summary>
    /// Luma samples a decoded region must reach beyond a crop so that the warp of the crop reads only samples inside
    /// it (or the picture's edge, which the warp repeats): the largest displacement of frames [start, end), the
    /// cubic's two taps of a subsampled plane, and one for rounding.
    /// </summary>
    public static int Margin(MotionField field, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(field);
        int largest = 0;
        for (int f = start; f < end; f++)
        {
            foreach (int v in field.Frame(f))
            {
                largest = Math.Max(largest, Math.Abs(v));
            }
        }

        return largest == 0 ? 0 : ((largest + 3) >> 2) + 6;
    }

    /// <summary>
    /// The part <paramref name="crop"/> of frame <paramref name="frame"/> as shown, from <paramref name="source"/>, the
    /// decoded samples of <paramref name="sourceRect"/> (which holds the crop and reaches <see cref="Margin"/> beyond
    /// it, or to the picture's edge). Rows are shared out over <paramref name="threads"/> threads; the output does not
    /// depend on them.
    /// </summary>
    public static VideoFrame Apply(
        VideoFrame source, CropRectangle sourceRect, CropRectangle crop, int pictureWidth, int pictureHeight, MotionField field, int frame, int threads)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(field);
        var shown = new VideoFrame(crop.Width, crop.Height, source.Chroma, source.BitDepth);
        var vectors = field.Frame(frame);
        bool still = !vectors.ContainsAnyExcept(0);
        for (int p = 0; p < source.Planes.Length; p++)
        {
            var plane = new PlaneWarp(source, sourceRect, crop, pictureWidth, pictureHeight, field, frame, p, shown);
            if (still)
            {
                plane.Copy();
            }
            else if (threads > 1 && shown.PlaneHeight(p) > 1)
            {
                Parallel.For(0, shown.PlaneHeight(p), new ParallelOptions { MaxDegreeOfParallelism = threads }, plane.Row);
            }
            else
            {
                for (int r = 0; r < shown.PlaneHeight(p); r++)
                {
                    plane.Row(r);
                }
            }
        }

        return shown;
    }

    /// <summary>One plane's warp: what every row shares (the field's columns, the phase weights) computed once.</summary>
    private sealed class PlaneWarp
    {
        private static readonly long[] PhaseWeights = BuildPhaseWeights();

        private readonly MotionField _field;
        private readonly int _frame;
        private readonly int _shiftY, _shiftX;
        private readonly int _planeWidth, _planeHeight;
        private readonly int _sourceY, _sourceX, _sourceWidth;
        private readonly int _cropY, _cropX, _width, _height;
        private readonly int _max;
        private readonly ushort[] _source, _target;
        private readonly int[] _left, _right;
        private readonly long[] _fraction;

        public PlaneWarp(
            VideoFrame source, CropRectangle sourceRect, CropRectangle crop, int pictureWidth, int pictureHeight, MotionField field, int frame, int p, VideoFrame shown)
        {
            _field = field;
            _frame = frame;
            _shiftY = p == 0 ? 0 : source.Chroma.ChromaShiftY();
            _shiftX = p == 0 ? 0 : source.Chroma.ChromaShiftX();
            _planeWidth = source.Chroma.PlaneWidth(p, pictureWidth);
            _planeHeight = source.Chroma.PlaneHeight(p, pictureHeight);
            _sourceY = sourceRect.Y >> _shiftY;
            _sourceX = sourceRect.X >> _shiftX;
            _sourceWidth = source.PlaneWidth(p);
            _cropY = crop.Y >> _shiftY;
            _cropX = crop.X >> _shiftX;
            _width = shown.PlaneWidth(p);
            _height = shown.PlaneHeight(p);
            _max = source.MaxValue;
            _source = source.Planes[p];
            _target = shown.Planes[p];

            // Along x the field's two block columns and the fraction between them depend on the column only.
            int b = field.BlockLog2;
            long twoB = 2L << b;
            _left = new int[_width];
            _right = new int[_width];
            _fraction = new long[_width];
            for (int c = 0; c < _width; c++)
            {
                long x = (long)(_cropX + c) << _shiftX;
                var (first, second, fraction) = Neighbours((2 * x) + 1 - (1L << b), twoB, field.BlocksX, b);
                (_left[c], _right[c], _fraction[c]) = ((int)first, (int)second, fraction);
            }
        }

        public void Copy()
        {
            for (int r = 0; r < _height; r++)
            {
                int from = ((_cropY + r - _sourceY) * _sourceWidth) + (_cropX - _sourceX);
                _source.AsSpan(from, _width).CopyTo(_target.AsSpan(r * _width, _width));
            }
        }

        public void Row(int r)
        {
            int b = _field.BlockLog2;
            long twoB = 2L << b;
            long y = _cropY + r;
            var (j0, j1, ry) = Neighbours((2 * (y << _shiftY)) + 1 - (1L << b), twoB, _field.BlocksY, b);
            var v = _field.Frame(_frame);
            int blocksX = _field.BlocksX;

            // The field between the two block rows, per block column: (2B − ry)·v[j0] + ry·v[j1] (exact in i64).
            Span<long> rowY = blocksX <= 256 ? stackalloc long[blocksX] : new long[blocksX];
            Span<long> rowX = blocksX <= 256 ? stackalloc long[blocksX] : new long[blocksX];
            for (int i = 0; i < blocksX; i++)
            {
                int top = (int)(2 * ((j0 * blocksX) + i)), bottom = (int)(2 * ((j1 * blocksX) + i));
                rowY[i] = ((twoB - ry) * v[top]) + (ry * v[bottom]);
                rowX[i] = ((twoB - ry) * v[top + 1]) + (ry * v[bottom + 1]);
            }

            int ky = (2 * b) - 2 + _shiftY, kx = (2 * b) - 2 + _shiftX;
            long roundY = 1L << (ky - 1), roundX = 1L << (kx - 1);
            ReadOnlySpan<long> weights = PhaseWeights;
            ReadOnlySpan<ushort> source = _source;
            Span<ushort> target = _target.AsSpan(r * _width, _width);
            int lastRow = _planeHeight - 1, lastColumn = _planeWidth - 1;
            for (int c = 0; c < _width; c++)
            {
                long rx = _fraction[c];
                long vy = ((twoB - rx) * rowY[_left[c]]) + (rx * rowY[_right[c]]);
                long vx = ((twoB - rx) * rowX[_left[c]]) + (rx * rowX[_right[c]]);
                long py = (y << PhaseBits) + ((vy + roundY) >> ky);
                long px = ((long)(_cropX + c) << PhaseBits) + ((vx + roundX) >> kx);
                long iy = py >> PhaseBits, ix = px >> PhaseBits;
                var wy = weights.Slice((int)(py & (Phases - 1)) * 4, 4);
                var wx = weights.Slice((int)(px & (Phases - 1)) * 4, 4);

                // The four columns and rows read, edges repeated, as offsets into the decoded region.
                int x0 = (int)Math.Clamp(ix - 1, 0, lastColumn) - _sourceX, x1 = (int)Math.Clamp(ix, 0, lastColumn) - _sourceX;
                int x2 = (int)Math.Clamp(ix + 1, 0, lastColumn) - _sourceX, x3 = (int)Math.Clamp(ix + 2, 0, lastColumn) - _sourceX;
                long sum = 0;
                for (int j = 0; j < 4; j++)
                {
                    var row = source.Slice(((int)Math.Clamp(iy - 1 + j, 0, lastRow) - _sourceY) * _sourceWidth, _sourceWidth);
                    long across = (wx[0] * row[x0]) + (wx[1] * row[x1]) + (wx[2] * row[x2]) + (wx[3] * row[x3]);
                    sum += wy[j] * across;
                }

                target[c] = (ushort)Math.Clamp((sum + (1L << ((2 * WeightBits) - 1))) >> (2 * WeightBits), 0, _max);
            }
        }

        private static long[] BuildPhaseWeights()
        {
            long[] table = new long[Phases * 4];
            for (int phase = 0; phase < Phases; phase++)
            {
                Weights(phase, table.AsSpan(phase * 4, 4));
            }

            return table;
        }
    }

    /// <summary>
    /// The two blocks along one axis whose centres enclose a position (g = 2·position + 1 − B, in units of half a
    /// sample from the first centre), and the distance from the first in 1/(2B) of a block: 0..2B−1.
    /// </summary>
    private static (long First, long Second, long Fraction) Neighbours(long g, long twoB, int blocks, int b)
    {
        g = Math.Clamp(g, 0, twoB * (blocks - 1));
        long first = g >> (b + 1);
        long fraction = g - (first << (b + 1));
        return (first, Math.Min(first + 1, blocks - 1), fraction);
    }
}
