namespace Asmr.Decoder.Inference;

/// <summary>The digits [Dt0, Dt1) × [Dy0, Dy1) × [Dx0, Dx1) of a parent's last-level children that lie in the box.</summary>
internal readonly record struct ChildRange(int Dt0, int Dt1, int Dy0, int Dy1, int Dx0, int Dx1);
