namespace Asmr.Conformance.Tests.Reference;

/// <summary>The tensor roles of spec §10.2, as the record's role byte stores them.</summary>
internal static class SpecRole
{
    public const int Modulation = 1;
    public const int Bias = 2;
    public const int Weight = 3;
    public const int OutputWeight = 4;
    public const int OutputBias = 5;
    public const int GridProjection = 6;
    public const int GridLatents = 7;
    public const int ContextWeight = 8;
    public const int ContextBias = 9;
    public const int ContextOutputWeight = 10;
    public const int ContextChannelBias = 11;
    public const int MotionVectors = 12;
    public const int OutputFilter = 13;
}
