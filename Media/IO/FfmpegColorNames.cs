namespace Asmr.Media.IO;

/// <summary>
/// ffmpeg's names for the ITU-T H.273 colour code points (its AVColorPrimaries, AVColorTransferCharacteristic and
/// AVColorSpace values are the H.273 numbers), and its chroma locations.
/// </summary>
internal static class FfmpegColorNames
{
    private static readonly Dictionary<string, byte> PrimariesByName = new(StringComparer.Ordinal)
    {
        ["bt709"] = 1, ["unknown"] = 2, ["bt470m"] = 4, ["bt470bg"] = 5, ["smpte170m"] = 6, ["smpte240m"] = 7, ["film"] = 8,
        ["bt2020"] = 9, ["smpte428"] = 10, ["smpte428_1"] = 10, ["smpte431"] = 11, ["smpte432"] = 12, ["jedec-p22"] = 22, ["ebu3213"] = 22,
    };

    private static readonly Dictionary<string, byte> TransferByName = new(StringComparer.Ordinal)
    {
        ["bt709"] = 1, ["unknown"] = 2, ["bt470m"] = 4, ["gamma22"] = 4, ["bt470bg"] = 5, ["gamma28"] = 5, ["smpte170m"] = 6,
        ["smpte240m"] = 7, ["linear"] = 8, ["log100"] = 9, ["log"] = 9, ["log316"] = 10, ["log_sqrt"] = 10, ["iec61966-2-4"] = 11,
        ["bt1361e"] = 12, ["iec61966-2-1"] = 13, ["bt2020-10"] = 14, ["bt2020-12"] = 15, ["smpte2084"] = 16, ["smpte428"] = 17,
        ["arib-std-b67"] = 18,
    };

    private static readonly Dictionary<string, byte> MatrixByName = new(StringComparer.Ordinal)
    {
        ["gbr"] = 0, ["bt709"] = 1, ["unknown"] = 2, ["fcc"] = 4, ["bt470bg"] = 5, ["smpte170m"] = 6, ["smpte240m"] = 7, ["ycgco"] = 8,
        ["ycocg"] = 8, ["bt2020nc"] = 9, ["bt2020_ncl"] = 9, ["bt2020c"] = 10, ["bt2020_cl"] = 10, ["smpte2085"] = 11,
        ["chroma-derived-nc"] = 12, ["chroma-derived-c"] = 13, ["ictcp"] = 14,
    };

    /// <summary>H.273 ColourPrimaries for an ffprobe <c>color_primaries</c> value; 2 when absent or unknown.</summary>
    public static byte Primaries(string? name) => Lookup(PrimariesByName, name);

    /// <summary>H.273 TransferCharacteristics for an ffprobe <c>color_transfer</c> value; 2 when absent or unknown.</summary>
    public static byte Transfer(string? name) => Lookup(TransferByName, name);

    /// <summary>H.273 MatrixCoefficients for an ffprobe <c>color_space</c> value; 2 when absent or unknown.</summary>
    public static byte Matrix(string? name) => Lookup(MatrixByName, name);

    /// <summary>Our chroma siting (0 unknown, 1 left, 2 top-left, 3 centre) for an ffprobe <c>chroma_location</c>.</summary>
    public static byte ChromaLocation(string? name) => name switch
    {
        "left" => 1,
        "topleft" => 2,
        "center" => 3,
        _ => 0,
    };

    /// <summary>ffmpeg's name for a primaries code point, or null when unspecified or unnamed.</summary>
    public static string? PrimariesName(byte code) => Name(PrimariesByName, code);

    /// <summary>ffmpeg's name for a transfer code point, or null when unspecified or unnamed.</summary>
    public static string? TransferName(byte code) => Name(TransferByName, code);

    /// <summary>ffmpeg's name for a matrix code point, or null when unspecified or unnamed.</summary>
    public static string? MatrixName(byte code) => Name(MatrixByName, code);

    /// <summary>ffmpeg's name for a chroma siting, or null when unknown.</summary>
    public static string? ChromaLocationName(byte position) => position switch
    {
        1 => "left",
        2 => "topleft",
        3 => "center",
        _ => null,
    };

    private static byte Lookup(Dictionary<string, byte> table, string? name) =>
        name is not null && table.TryGetValue(name, out byte code) ? code : (byte)2;

    /// <summary>The first (canonical) name listed for a code, skipping "unknown".</summary>
    private static string? Name(Dictionary<string, byte> table, byte code)
    {
        if (code == 2)
        {
            return null;
        }

        foreach (KeyValuePair<string, byte> pair in table)
        {
            if (pair.Value == code)
            {
                return pair.Key;
            }
        }

        return null;
    }
}
