using Asmr.Container;
using Asmr.Container.Model;

namespace Asmr.Cli.Commands.Info;

/// <summary>Names for stored code points, as <c>asmrc info</c> prints them (text and JSON alike).</summary>
internal static class InfoNames
{
    public static string Modulation(ModulationKind kind) => kind switch
    {
        ModulationKind.Linear => "linear",
        ModulationKind.Table => "table",
        _ => $"unknown({(byte)kind})",
    };

    public static string Role(TensorRole role) => role switch
    {
        TensorRole.Modulation => "modulation",
        TensorRole.Bias => "bias",
        TensorRole.Weight => "weight",
        TensorRole.OutputWeight => "output_weight",
        TensorRole.OutputBias => "output_bias",
        TensorRole.GridProjection => "grid_projection",
        TensorRole.GridLatents => "grid_latents",
        TensorRole.ContextWeight => "context_weight",
        TensorRole.ContextBias => "context_bias",
        TensorRole.ContextOutputWeight => "context_output_weight",
        TensorRole.ContextChannelBias => "context_channel_bias",
        TensorRole.MotionVectors => "motion_vectors",
        TensorRole.OutputFilter => "output_filter",
        _ => $"unknown({(byte)role})",
    };

    public static string Coding(EntropyCoding coding) => coding switch
    {
        EntropyCoding.Raw => "raw",
        EntropyCoding.Adaptive => "adaptive",
        EntropyCoding.Context => "context",
        _ => $"unknown({(byte)coding})",
    };

    public static string Chroma(ChromaFormat format) => format switch
    {
        ChromaFormat.Mono400 => "4:0:0",
        ChromaFormat.Yuv420 => "4:2:0",
        ChromaFormat.Yuv422 => "4:2:2",
        ChromaFormat.Yuv444 => "4:4:4",
        _ => $"unknown({(byte)format})",
    };

    /// <summary>ITU-T H.273 ColourPrimaries.</summary>
    public static string Primaries(int code) => code switch
    {
        1 => "BT.709",
        2 => "unspecified",
        4 => "BT.470M",
        5 => "BT.601 625 (BT.470BG)",
        6 => "BT.601 525 (SMPTE 170M)",
        7 => "SMPTE 240M",
        8 => "generic film",
        9 => "BT.2020",
        10 => "SMPTE ST 428 (XYZ)",
        11 => "DCI-P3 (SMPTE RP 431)",
        12 => "Display P3 (SMPTE EG 432)",
        22 => "EBU Tech 3213",
        _ => "reserved",
    };

    /// <summary>ITU-T H.273 TransferCharacteristics.</summary>
    public static string Transfer(int code) => code switch
    {
        1 => "BT.709",
        2 => "unspecified",
        4 => "gamma 2.2 (BT.470M)",
        5 => "gamma 2.8 (BT.470BG)",
        6 => "BT.601 (SMPTE 170M)",
        7 => "SMPTE 240M",
        8 => "linear",
        9 => "log 100:1",
        10 => "log 316:1",
        11 => "IEC 61966-2-4 (xvYCC)",
        12 => "BT.1361",
        13 => "sRGB (IEC 61966-2-1)",
        14 => "BT.2020 10-bit",
        15 => "BT.2020 12-bit",
        16 => "PQ (SMPTE ST 2084)",
        17 => "SMPTE ST 428",
        18 => "HLG (ARIB STD-B67)",
        _ => "reserved",
    };

    /// <summary>ITU-T H.273 MatrixCoefficients.</summary>
    public static string Matrix(int code) => code switch
    {
        0 => "identity (GBR)",
        1 => "BT.709",
        2 => "unspecified",
        4 => "FCC",
        5 => "BT.601 625 (BT.470BG)",
        6 => "BT.601 525 (SMPTE 170M)",
        7 => "SMPTE 240M",
        8 => "YCgCo",
        9 => "BT.2020 non-constant luminance",
        10 => "BT.2020 constant luminance",
        11 => "SMPTE ST 2085",
        12 => "chromaticity-derived non-constant",
        13 => "chromaticity-derived constant",
        14 => "ICtCp",
        _ => "reserved",
    };

    /// <summary>Chroma siting (FORMAT.md §7.1).</summary>
    public static string ChromaSamplePosition(int code) => code switch
    {
        0 => "unknown",
        1 => "left",
        2 => "top-left",
        3 => "centre",
        _ => "reserved",
    };
}
