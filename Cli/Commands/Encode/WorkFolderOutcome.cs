using Asmr.Container;
using Asmr.Media.Metrics;

namespace Asmr.Cli.Commands.Encode;

/// <summary>What an encode through a work folder produced, for the report of <see cref="EncodeJob"/>.</summary>
/// <param name="File">The whole file, as <c>asmrc merge</c> builds it from the segment parts.</param>
/// <param name="Quality">The whole video's quality (every segment, reused ones included).</param>
/// <param name="FittedNow">The quality of the segments fitted in this run, or null when every segment was reused.</param>
/// <param name="FitLossNow">Their fitted model's loss, a mean over their frames; null when every segment was reused.</param>
internal sealed record WorkFolderOutcome(AsmrFile File, SequenceQuality Quality, SequenceQuality? FittedNow, double? FitLossNow);
