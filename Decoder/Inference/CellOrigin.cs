namespace Asmr.Decoder.Inference;

/// <summary>Grid coordinates (t, y, x) of a parent cell's first child.</summary>
internal readonly record struct CellOrigin(int T, int Y, int X);
