using System.Numerics;
using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;
using Asmr.Decoder.Video;

namespace Asmr.Decoder.Filtering;

/// <summary>
/// The output filter of spec §11.9: each plane sample as shown becomes its plane's diamond of taps around it (edges
/// repeated) weighted by the filter's coefficients, plus the offset, in units of 2^−12, rounded and clamped.
/// </summary>
internal static class OutputFiltering
{
    /// <summary>
    /// Luma samples a region must reach beyond a crop so that the filter of the crop reads only samples inside it (or
    /// the picture's edge, which the filter repeats): R samples of the most subsampled plane.
    /// </summary>
    public static int Margin(OutputFilter filter, ChromaFormat chroma)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return filter.Radius << Math.Max(chroma.ChromaShiftX(), chroma.ChromaShiftY());
    }

    /// <summary>
    /// The part <paramref name="crop"/> of a frame filtered, from <paramref name="source"/>, the samples as shown of
    /// <paramref name="sourceRect"/> (which holds the crop and reaches <see cref="Margin"/> beyond it, or to the
    /// picture's edge). Rows are shared out over <paramref name="threads"/> threads; the output does not depend on them.
    /// </summary>
    public static VideoFrame Apply(
        VideoFrame source, CropRectangle sourceRect, CropRectangle crop, int pictureWidth, int pictureHeight, OutputFilter filter, int threads)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(filter);
        var shown = new VideoFrame(crop.Width, crop.Height, source.Chroma, source.BitDepth);
        for (int p = 0; p < source.Planes.Length; p++)
        {
            var plane = new PlaneFilter(source, sourceRect, crop, pictureWidth, pictureHeight, filter, p, shown);
            if (threads > 1 && shown.PlaneHeight(p) > 1)
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

    /// <summary>
    /// One plane's filter. The rows it reads are copied once, widened to int and padded by R repeated samples each side,
    /// so every output row is a few whole-row multiply-adds per tap. With at most 10 bits a sample every sum fits i32
    /// (25 taps × 2^15 × 2^10 plus an offset below 2^24), so those run on vectors; deeper samples sum in i64.
    /// </summary>
    private sealed class PlaneFilter
    {
        private const int MaxVectorBitDepth = 10;

        private readonly (int Dy, int Dx)[] _taps;
        private readonly int[] _coefficients;
        private readonly int _offset;
        private readonly int _radius;
        private readonly int _width, _height, _paddedWidth;
        private readonly int _firstRow;
        private readonly int _max;
        private readonly bool _wide;
        private readonly int[] _padded;
        private readonly ushort[] _target;

        public PlaneFilter(VideoFrame source, CropRectangle sourceRect, CropRectangle crop, int pictureWidth, int pictureHeight, OutputFilter filter, int p, VideoFrame shown)
        {
            int shiftY = p == 0 ? 0 : source.Chroma.ChromaShiftY();
            int shiftX = p == 0 ? 0 : source.Chroma.ChromaShiftX();
            int planeWidth = source.Chroma.PlaneWidth(p, pictureWidth);
            int planeHeight = source.Chroma.PlaneHeight(p, pictureHeight);
            int sourceY = sourceRect.Y >> shiftY, sourceX = sourceRect.X >> shiftX, sourceWidth = source.PlaneWidth(p);
            int cropY = crop.Y >> shiftY, cropX = crop.X >> shiftX;
            _radius = filter.Radius;
            _taps = OutputFilter.Taps(_radius);
            var values = filter.Plane(p);
            _coefficients = values[.._taps.Length].ToArray();
            _offset = values[_taps.Length];
            _width = shown.PlaneWidth(p);
            _height = shown.PlaneHeight(p);
            _max = source.MaxValue;
            _wide = source.BitDepth > MaxVectorBitDepth;
            _target = shown.Planes[p];

            // Rows cropY − R .. cropY + height − 1 + R and columns cropX − R .. cropX + width − 1 + R, clamped to the plane.
            _paddedWidth = _width + (2 * _radius);
            _firstRow = cropY - _radius;
            _padded = new int[(_height + (2 * _radius)) * _paddedWidth];
            var samples = source.Planes[p];
            for (int r = 0; r < _height + (2 * _radius); r++)
            {
                int y = Math.Clamp(_firstRow + r, 0, planeHeight - 1) - sourceY;
                var row = _padded.AsSpan(r * _paddedWidth, _paddedWidth);
                for (int c = 0; c < _paddedWidth; c++)
                {
                    row[c] = samples[(y * sourceWidth) + Math.Clamp(cropX - _radius + c, 0, planeWidth - 1) - sourceX];
                }
            }
        }

        public void Row(int r)
        {
            var target = _target.AsSpan(r * _width, _width);
            if (_wide)
            {
                WideRow(r, target);
                return;
            }

            Span<int> sum = _width <= 4096 ? stackalloc int[_width] : new int[_width];
            sum.Fill(_offset + (1 << (OutputFilter.FractionBits - 1)));
            for (int k = 0; k < _taps.Length; k++)
            {
                var (dy, dx) = _taps[k];
                var row = _padded.AsSpan(((r + _radius + dy) * _paddedWidth) + _radius + dx, _width);
                MultiplyAdd(sum, row, _coefficients[k]);
            }

            for (int c = 0; c < _width; c++)
            {
                target[c] = (ushort)Math.Clamp(sum[c] >> OutputFilter.FractionBits, 0, _max);
            }
        }

        private void WideRow(int r, Span<ushort> target)
        {
            for (int c = 0; c < _width; c++)
            {
                long sum = _offset + (1L << (OutputFilter.FractionBits - 1));
                for (int k = 0; k < _taps.Length; k++)
                {
                    var (dy, dx) = _taps[k];
                    sum += (long)_coefficients[k] * _padded[((r + _radius + dy) * _paddedWidth) + _radius + dx + c];
                }

                target[c] = (ushort)Math.Clamp(sum >> OutputFilter.FractionBits, 0, _max);
            }
        }

        private static void MultiplyAdd(Span<int> sum, ReadOnlySpan<int> row, int coefficient)
        {
            int c = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var factor = new Vector<int>(coefficient);
                for (; c <= sum.Length - Vector<int>.Count; c += Vector<int>.Count)
                {
                    (new Vector<int>(sum[c..]) + (new Vector<int>(row[c..]) * factor)).CopyTo(sum[c..]);
                }
            }

            for (; c < sum.Length; c++)
            {
                sum[c] += row[c] * coefficient;
            }
        }
    }
}
