using Asmr.Codec.Training;

namespace Asmr.Experiments;

/// <summary>
/// Squared luma errors summed over a clip and over its moving pixels (source temporal σ at or above a threshold), as
/// the oracles report them: PSNR against the 8-bit (or bit-depth) peak.
/// </summary>
internal sealed class LumaTally
{
    private readonly bool[] _moving;
    private readonly double _peak;
    private double _error;
    private double _movingError;
    private long _count;
    private long _movingCount;

    public LumaTally(bool[] moving, int bitDepth)
    {
        _moving = moving;
        _peak = (1 << bitDepth) - 1;
    }

    /// <summary>Per pixel of the picture, whether its luma's temporal standard deviation is at least <paramref name="threshold"/>; and the mean frame.</summary>
    public static bool[] MovingPixels(VideoClip source, out double[] mean, double threshold = 2.0)
    {
        int frames = source.Frames.Count, size = source.Width * source.Height;
        var moving = new bool[size];
        mean = new double[size];
        for (int i = 0; i < size; i++)
        {
            double sum = 0, square = 0;
            for (int f = 0; f < frames; f++)
            {
                double v = source.Frames[f].Planes[0][i];
                sum += v;
                square += v * v;
            }

            mean[i] = sum / frames;
            moving[i] = Math.Sqrt(Math.Max(0, (square / frames) - (mean[i] * mean[i]))) >= threshold;
        }

        return moving;
    }

    /// <summary>Adds the error <paramref name="e"/> of pixel <paramref name="pixel"/> (index in the picture) of one frame.</summary>
    public void Add(int pixel, double e)
    {
        _error += e * e;
        _count++;
        if (_moving[pixel])
        {
            _movingError += e * e;
            _movingCount++;
        }
    }

    public double Psnr => Decibels(_error, _count);

    public double MovingPsnr => Decibels(_movingError, _movingCount);

    private double Decibels(double sum, double count) => 10 * Math.Log10(_peak * _peak * count / Math.Max(sum, 1e-9));
}
