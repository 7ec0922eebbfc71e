namespace Asmr.Benchmarks.RateDistortion;

/// <summary>One point of a rate-distortion curve for the Bjøntegaard delta: a rate (any unit, e.g. bpp) and a PSNR in dB.</summary>
internal readonly record struct CurvePoint(double Rate, double Psnr);
