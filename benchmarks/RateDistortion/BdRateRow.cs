namespace Asmr.Benchmarks.RateDistortion;

/// <summary>BD-rate of one asmrc curve against one anchor curve, on RGB PSNR and on YUV (6:1:1) PSNR.</summary>
internal sealed record BdRateRow(string TestSeries, string AnchorSeries, BdRateResult Rgb, BdRateResult Yuv);
