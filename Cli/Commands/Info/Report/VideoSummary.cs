namespace Asmr.Cli.Commands.Info.Report;

/// <summary>The sequence header: size, length, rate, sampling and colour.</summary>
/// <param name="ChromaFormat">"4:2:0", "4:2:2", "4:4:4" or "4:0:0".</param>
internal sealed record VideoSummary(
    int Width,
    int Height,
    int Frames,
    int FpsNumerator,
    int FpsDenominator,
    string ChromaFormat,
    int BitDepth,
    ColourSummary Colour)
{
    /// <summary>Frames per second.</summary>
    public double Fps => FpsDenominator == 0 ? 0 : (double)FpsNumerator / FpsDenominator;

    /// <summary>Frames / fps, in seconds.</summary>
    public double DurationSeconds => Fps > 0 ? Frames / Fps : 0;
}
