using System.Globalization;
using Asmr.Container;

namespace Asmr.Media.IO;

/// <summary>The YUV4MPEG2 <c>C</c> (colour space) tag: chroma format, bit depth and chroma siting.</summary>
/// <param name="Format">Chroma subsampling.</param>
/// <param name="BitDepth">Bits per sample, 8..16.</param>
/// <param name="ChromaSamplePosition">Siting as in <see cref="ColorDescription.ChromaSamplePosition"/> (0 unknown, 1 left, 2 top-left, 3 centre).</param>
internal readonly record struct Y4mChroma(ChromaFormat Format, int BitDepth, byte ChromaSamplePosition)
{
    /// <summary>The default when a header has no C tag: 4:2:0, 8-bit, centre siting (420jpeg).</summary>
    public static Y4mChroma Default { get; } = new(ChromaFormat.Yuv420, 8, 3);

    /// <summary>
    /// Parses a C tag value: 420jpeg / 420 (centre), 420mpeg2 (left), 420paldv (top-left), 422, 444, mono, and the high-bit forms
    /// 420pN, 422pN, 444pN, monoN with N = 9..16 (siting unknown). 411, 444alpha and anything else are rejected.
    /// </summary>
    /// <param name="value">The text after "C".</param>
    /// <returns>The parsed tag, or <see langword="null"/> when unknown or unsupported.</returns>
    public static Y4mChroma? Parse(string value)
    {
        switch (value)
        {
            case "420jpeg":
            case "420":
                return Default;
            case "420mpeg2":
                return new(ChromaFormat.Yuv420, 8, 1);
            case "420paldv":
                return new(ChromaFormat.Yuv420, 8, 2);
            case "422":
                return new(ChromaFormat.Yuv422, 8, 0);
            case "444":
                return new(ChromaFormat.Yuv444, 8, 0);
            case "mono":
                return new(ChromaFormat.Mono400, 8, 0);
        }

        (string prefix, ChromaFormat format)[] highBit =
        [
            ("420p", ChromaFormat.Yuv420), ("422p", ChromaFormat.Yuv422), ("444p", ChromaFormat.Yuv444), ("mono", ChromaFormat.Mono400),
        ];
        foreach ((string prefix, ChromaFormat format) in highBit)
        {
            if (value.Length > prefix.Length && value.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(value.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int depth)
                && depth is >= 9 and <= 16)
            {
                return new(format, depth, 0);
            }
        }

        return null;
    }

    /// <summary>The C tag value that describes this format (the inverse of <see cref="Parse"/>).</summary>
    public string ToTag()
    {
        if (BitDepth == 8)
        {
            return Format switch
            {
                ChromaFormat.Yuv420 => ChromaSamplePosition switch
                {
                    1 => "420mpeg2",
                    2 => "420paldv",
                    _ => "420jpeg",
                },
                ChromaFormat.Yuv422 => "422",
                ChromaFormat.Yuv444 => "444",
                _ => "mono",
            };
        }

        string depth = BitDepth.ToString(CultureInfo.InvariantCulture);
        return Format switch
        {
            ChromaFormat.Yuv420 => "420p" + depth,
            ChromaFormat.Yuv422 => "422p" + depth,
            ChromaFormat.Yuv444 => "444p" + depth,
            _ => "mono" + depth,
        };
    }
}
