using Asmr.Container;
using Asmr.Media.Color;
using Asmr.Media.IO;
using Asmr.Decoder.Video;

namespace Asmr.Media.Metrics;

/// <summary>
/// Streaming full-reference quality metrics: feed frame pairs one at a time with <see cref="Add"/>, then read
/// <see cref="Summarize"/>. Nothing but per-frame numbers is kept, so any length of video can be compared.
/// </summary>
/// <remarks>
/// Per plane: MSE and PSNR = 10·log10((2^D − 1)² / MSE), capped at <see cref="MaxPsnr"/>. PSNR-YUV uses
/// MSE_YUV = (6·MSE_Y + MSE_Cb + MSE_Cr) / 8. PSNR-RGB converts both frames with <see cref="YuvToRgb"/> (output depth D,
/// chroma by replication) and takes the MSE over all three channels. SSIM-Y follows Wang et al. (11×11 Gaussian,
/// σ = 1.5, valid positions only); SSIM-Y 8×8 is ffmpeg's and x264's variant, for comparison with their output.
/// Sequence values: see <see cref="SequenceQuality"/>.
/// </remarks>
public sealed class QualityMetrics
{
    /// <summary>The PSNR reported for identical inputs, and the cap for every PSNR, in dB.</summary>
    public const double MaxPsnr = 100.0;

    private readonly ColorDescription _color;
    private readonly bool _computeRgb;
    private readonly bool _computeSsim;
    private readonly List<FrameQuality> _frames = [];
    private double[] _planeSse = [];
    private double[] _planeSamples = [];
    private double _rgbSse;
    private double _peak;
    private double _rgbSamples;
    private YuvToRgb? _rgb;
    private ushort[] _rgbA = [];
    private ushort[] _rgbB = [];

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="color">Colour description of both sequences (used for PSNR-RGB only).</param>
    /// <param name="computeRgb">Whether to compute PSNR-RGB.</param>
    /// <param name="computeSsim">Whether to compute SSIM-Y.</param>
    public QualityMetrics(ColorDescription color, bool computeRgb = true, bool computeSsim = true)
    {
        _color = color;
        _computeRgb = computeRgb;
        _computeSsim = computeSsim;
    }

    /// <summary>Number of frame pairs added so far.</summary>
    public int FrameCount => _frames.Count;

    /// <summary>PSNR in dB for a mean squared error and a peak value, capped at <see cref="MaxPsnr"/>.</summary>
    /// <param name="mse">Mean squared error, ≥ 0.</param>
    /// <param name="peak">The largest sample value, 2^D − 1.</param>
    public static double Psnr(double mse, double peak) =>
        mse <= 0 ? MaxPsnr : Math.Min(MaxPsnr, 10.0 * Math.Log10(peak * peak / mse));

    /// <summary>Compares two whole sequences frame by frame (streaming).</summary>
    /// <param name="reference">Reference frames.</param>
    /// <param name="test">Test frames, as many as the reference.</param>
    /// <param name="color">Colour description (for PSNR-RGB).</param>
    /// <param name="cancellationToken">Checked between frames.</param>
    /// <exception cref="InvalidDataException">The sequences differ in length, size, chroma format or bit depth.</exception>
    public static SequenceQuality Compare(IEnumerable<VideoFrame> reference, IEnumerable<VideoFrame> test, ColorDescription color, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(test);
        var metrics = new QualityMetrics(color);
        using IEnumerator<VideoFrame> r = reference.GetEnumerator();
        using IEnumerator<VideoFrame> t = test.GetEnumerator();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool hasR = r.MoveNext();
            bool hasT = t.MoveNext();
            if (hasR != hasT)
            {
                int shorter = metrics.FrameCount;
                throw new InvalidDataException(
                    $"The sequences differ in length: the {(hasR ? "test" : "reference")} sequence ended after {shorter} frames while the other has more.");
            }

            if (!hasR)
            {
                return metrics.Summarize();
            }

            metrics.Add(r.Current, t.Current);
        }
    }

    /// <summary>Compares two video sources frame by frame (streaming, one frame of each in memory).</summary>
    /// <param name="reference">Reference source; its colour description is used for PSNR-RGB.</param>
    /// <param name="test">Test source.</param>
    /// <param name="cancellationToken">Checked between frames.</param>
    /// <exception cref="InvalidDataException">The sequences differ in length, size, chroma format or bit depth.</exception>
    public static SequenceQuality Compare(IVideoSource reference, IVideoSource test, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(test);
        return Compare(reference.ReadFrames(cancellationToken), test.ReadFrames(cancellationToken), reference.Header.Color, cancellationToken);
    }

    /// <summary>Adds one frame pair and returns its metrics.</summary>
    /// <param name="reference">The reference frame.</param>
    /// <param name="test">The test frame, of the same size, chroma format and bit depth.</param>
    /// <exception cref="InvalidDataException">The frames differ in size, chroma format or bit depth.</exception>
    public FrameQuality Add(VideoFrame reference, VideoFrame test) => Add(Measure(reference, test));

    /// <summary>Measures one frame pair without adding it (see <see cref="Add(FrameMeasurement)"/>).</summary>
    /// <exception cref="InvalidDataException">The frames differ in size, chroma format or bit depth.</exception>
    public FrameMeasurement Measure(VideoFrame reference, VideoFrame test)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(test);
        if (reference.Width != test.Width || reference.Height != test.Height || reference.Chroma != test.Chroma || reference.BitDepth != test.BitDepth)
        {
            throw new InvalidDataException(
                $"Frame {_frames.Count} differs in format: reference {Describe(reference)}, test {Describe(test)}.");
        }

        int planes = reference.PlaneCount;
        var sse = new long[planes];
        var samples = new long[planes];
        for (int p = 0; p < planes; p++)
        {
            sse[p] = SumSquaredError(reference.Planes[p], test.Planes[p]);
            samples[p] = reference.Planes[p].Length;
        }

        long rgbSse = 0, rgbSamples = 0;
        if (_computeRgb)
        {
            rgbSse = RgbSquaredError(reference, test, out rgbSamples);
        }

        double ssim = _computeSsim
            ? Ssim.Compute(reference.Planes[0], test.Planes[0], reference.Width, reference.Height, reference.BitDepth)
            : double.NaN;
        double ssim8x8 = _computeSsim
            ? Ssim.ComputeBlock8x8(reference.Planes[0], test.Planes[0], reference.Width, reference.Height, reference.BitDepth)
            : double.NaN;
        return new FrameMeasurement(sse, samples, rgbSse, rgbSamples, ssim, ssim8x8, reference.BitDepth);
    }

    /// <summary>Adds one frame's measurement (taken here or elsewhere) and returns its metrics.</summary>
    /// <exception cref="InvalidDataException">The measurement has another plane count than earlier frames, or no samples.</exception>
    public FrameQuality Add(FrameMeasurement measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        int planes = measurement.PlaneSse.Count;
        if (planes == 0 || measurement.PlaneSamples.Count != planes || measurement.PlaneSamples.Any(n => n <= 0) || (_computeRgb && measurement.RgbSamples <= 0))
        {
            throw new InvalidDataException($"Frame {_frames.Count}: the measurement has no samples.");
        }

        if (_planeSse.Length == 0)
        {
            _planeSse = new double[planes];
            _planeSamples = new double[planes];
        }
        else if (_planeSse.Length != planes)
        {
            throw new InvalidDataException($"Frame {_frames.Count} has {planes} planes; earlier frames had {_planeSse.Length}.");
        }

        double peak = (1 << measurement.BitDepth) - 1;
        var mse = new double[planes];
        var psnr = new double[planes];
        for (int p = 0; p < planes; p++)
        {
            long sse = measurement.PlaneSse[p];
            long n = measurement.PlaneSamples[p];
            _planeSse[p] += sse;
            _planeSamples[p] += n;
            mse[p] = (double)sse / n;
            psnr[p] = Psnr(mse[p], peak);
        }

        double mseYuv = YuvMse(mse);
        double mseRgb = double.NaN;
        if (_computeRgb)
        {
            _rgbSse += measurement.RgbSse;
            _rgbSamples += measurement.RgbSamples;
            mseRgb = (double)measurement.RgbSse / measurement.RgbSamples;
        }

        var frame = new FrameQuality
        {
            Index = _frames.Count,
            PlaneMse = mse,
            PlanePsnr = psnr,
            MseYuv = mseYuv,
            PsnrYuv = Psnr(mseYuv, peak),
            MseRgb = mseRgb,
            PsnrRgb = _computeRgb ? Psnr(mseRgb, peak) : double.NaN,
            SsimY = measurement.SsimY,
            SsimY8x8 = measurement.SsimY8x8,
        };
        _frames.Add(frame);
        _peak = peak;
        return frame;
    }

    /// <summary>The sequence results over the frames added so far.</summary>
    /// <exception cref="InvalidOperationException">No frame was added.</exception>
    public SequenceQuality Summarize()
    {
        if (_frames.Count == 0)
        {
            throw new InvalidOperationException("No frames were compared.");
        }

        int planes = _planeSse.Length;
        var mse = new double[planes];
        var psnr = new double[planes];
        var mean = new double[planes];
        for (int p = 0; p < planes; p++)
        {
            mse[p] = _planeSse[p] / _planeSamples[p];
            psnr[p] = Psnr(mse[p], _peak);
            mean[p] = _frames.Average(f => f.PlanePsnr[p]);
        }

        return new SequenceQuality
        {
            FrameCount = _frames.Count,
            Frames = _frames.ToArray(),
            PlaneMse = mse,
            PlanePsnr = psnr,
            MeanFramePlanePsnr = mean,
            PsnrYuv = Psnr(YuvMse(mse), _peak),
            MeanFramePsnrYuv = _frames.Average(f => f.PsnrYuv),
            PsnrRgb = _computeRgb ? Psnr(_rgbSse / _rgbSamples, _peak) : double.NaN,
            MeanFramePsnrRgb = _computeRgb ? _frames.Average(f => f.PsnrRgb) : double.NaN,
            SsimY = _computeSsim ? _frames.Average(f => f.SsimY) : double.NaN,
            SsimY8x8 = _computeSsim ? _frames.Average(f => f.SsimY8x8) : double.NaN,
        };
    }

    /// <summary>(6·MSE_Y + MSE_Cb + MSE_Cr) / 8, or MSE_Y for one plane.</summary>
    private static double YuvMse(double[] mse) => mse.Length == 1 ? mse[0] : ((6 * mse[0]) + mse[1] + mse[2]) / 8;

    private static long SumSquaredError(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b)
    {
        long sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            long d = a[i] - b[i];
            sum += d * d;
        }

        return sum;
    }

    private static string Describe(VideoFrame f) => $"{f.Width}x{f.Height} {f.Chroma} {f.BitDepth}-bit";

    private long RgbSquaredError(VideoFrame reference, VideoFrame test, out long samples)
    {
        if (_rgb is null || _rgb.InputBitDepth != reference.BitDepth)
        {
            _rgb = new YuvToRgb(_color, reference.BitDepth, reference.Height, reference.BitDepth);
        }

        int w3 = reference.Width * 3;
        if (_rgbA.Length < w3)
        {
            _rgbA = new ushort[w3];
            _rgbB = new ushort[w3];
        }

        long sum = 0;
        for (int y = 0; y < reference.Height; y++)
        {
            _rgb.ConvertRow(reference, y, _rgbA);
            _rgb.ConvertRow(test, y, _rgbB);
            sum += SumSquaredError(_rgbA.AsSpan(0, w3), _rgbB.AsSpan(0, w3));
        }

        samples = (long)w3 * reference.Height;
        return sum;
    }
}
