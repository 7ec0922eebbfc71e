using System.CommandLine;
using System.Globalization;
using Asmr.Cli.Commands.Encode;
using Asmr.Cli.Errors;
using Asmr.Cli.Hosting;
using Asmr.Cli.IO;
using Asmr.Container;
using Asmr.Media.Metrics;

namespace Asmr.Cli.Commands.Merge;

/// <summary>
/// The behaviour of <c>asmrc merge</c>: reads every part whole (every CRC), checks they are one video's parts, each
/// segment exactly once, then writes the file a single encode writes: the same models, and the quality recomputed from
/// the per-frame statistics the parts carry with the same arithmetic, so the metadata is the same too.
/// </summary>
internal static class MergeCommand
{
    public static Task<int> ExecuteAsync(ParseResult parseResult, MergeCommandDefinition definition, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(context);
        string output = parseResult.GetRequiredValue(definition.Output);
        string[] paths = parseResult.GetRequiredValue(definition.Parts);
        foreach (string path in paths)
        {
            FileChecks.RequireInputFile(path);
            if (FileChecks.SameFile(path, output))
            {
                throw new UsageException($"The output '{output}' is also given as a part.");
            }
        }

        context.DeclareOutput(output);
        FileChecks.RequireWritableOutput(output, context.Settings.Overwrite);
        var parts = paths.Select(p => (Path: p, File: Read(p, cancellationToken))).ToList();
        var file = Join(parts);
        cancellationToken.ThrowIfCancellationRequested();
        AsmrWriter.Write(output, file, new AsmrWriterOptions { Overwrite = context.Settings.Overwrite }, cancellationToken);
        context.Inform(string.Create(CultureInfo.InvariantCulture,
            $"{output}: {new FileInfo(output).Length:N0} bytes, {file.SequenceHeader.FrameCount} frames, {file.Segments.Count} segments from {parts.Count} part{(parts.Count == 1 ? string.Empty : "s")}"));
        return Task.FromResult(ExitCodes.Success);
    }

    /// <summary>Checks the parts against each other and builds the whole file; throws naming the first part that does not fit.</summary>
    internal static AsmrFile Join(IReadOnlyList<(string Path, AsmrPartFile File)> parts) => Join(parts, out _);

    /// <inheritdoc cref="Join(IReadOnlyList{ValueTuple{string, AsmrPartFile}})"/>
    /// <param name="parts">The parts and the names to use in errors.</param>
    /// <param name="quality">The whole video's quality, unrounded, as a single encode measures it (for its report).</param>
    internal static AsmrFile Join(IReadOnlyList<(string Path, AsmrPartFile File)> parts, out SequenceQuality quality)
    {
        // The reference is the encode most parts come from, so the odd one out is the part named.
        var (firstPath, first) = parts
            .GroupBy(p => Convert.ToHexString(p.File.Part.SourceDigest.Span) + Convert.ToHexString(p.File.Part.SettingsDigest.Span))
            .OrderByDescending(g => g.Count())
            .First()
            .First();
        byte[] firstMeta = first.Metadata is { } m ? MetadataCodec.Encode(m) : [];
        foreach (var (path, part) in parts)
        {
            string? differs =
                !part.Part.SourceDigest.Span.SequenceEqual(first.Part.SourceDigest.Span) || part.SequenceHeader != first.SequenceHeader ? "another source video (or other --start/--frames)"
                : !part.Part.SettingsDigest.Span.SequenceEqual(first.Part.SettingsDigest.Span) || part.Part.PlanSegmentCount != first.Part.PlanSegmentCount
                    || !(part.Metadata is { } pm ? MetadataCodec.Encode(pm) : []).AsSpan().SequenceEqual(firstMeta)
                    ? "other settings, another asmrc build or another kind of machine"
                : null;
            if (differs is not null)
            {
                throw new PartsMismatchException(
                    $"'{path}' is not a part of the same encode as '{firstPath}': it comes from {differs}.",
                    hint: "merge only the parts of one encode: the same input, options, --seed, --threads and asmrc build, on machines of one kind");
            }
        }

        var ordered = parts.OrderBy(p => p.File.Part.FirstSegment).ToList();
        int next = 0;
        string? previous = null;
        foreach (var (path, part) in ordered)
        {
            int firstSegment = part.Part.FirstSegment;
            if (firstSegment < next)
            {
                throw new PartsMismatchException(
                    $"'{path}' holds segments {firstSegment}-{firstSegment + part.Segments.Count - 1}, but '{previous}' already holds segment {firstSegment}: a part is given twice or the parts overlap.");
            }

            if (firstSegment > next)
            {
                throw new PartsMismatchException(Missing(next, firstSegment - 1, first.Part.PlanSegmentCount));
            }

            next = firstSegment + part.Segments.Count;
            previous = path;
        }

        if (next < first.Part.PlanSegmentCount)
        {
            throw new PartsMismatchException(Missing(next, first.Part.PlanSegmentCount - 1, first.Part.PlanSegmentCount));
        }

        AsmrSegment[] segments = [.. ordered.SelectMany(p => p.File.Segments)];
        var header = first.SequenceHeader;
        if (segments[0].FirstFrame != 0 || segments.Zip(segments.Skip(1)).Any(s => s.First.FirstFrame + s.First.FrameCount != s.Second.FirstFrame)
            || segments[^1].FirstFrame + segments[^1].FrameCount != header.FrameCount)
        {
            throw new PartsMismatchException($"the parts' segments do not tile the {header.FrameCount} frames of '{firstPath}''s video.");
        }

        var metrics = new QualityMetrics(header.Color);
        foreach (var frame in ordered.SelectMany(p => p.File.Part.Frames))
        {
            metrics.Add(new FrameMeasurement(frame.PlaneSse, frame.PlaneSamples, frame.RgbSse, frame.RgbSamples, frame.SsimY, frame.SsimY8x8, header.BitDepth));
        }

        quality = metrics.Summarize();
        var stored = first.Metadata;
        var metadata = new Metadata
        {
            Encoder = stored?.Encoder,
            EncoderVersion = stored?.EncoderVersion,
            SourceName = stored?.SourceName,
            Settings = stored?.Settings,
            Quality = StoredQuality.From(quality, StoredQuality.ModelBitsPerPixel(header, segments)),
        };
        return new AsmrFile { SequenceHeader = header, Segments = segments, Metadata = metadata };
    }

    private static string Missing(int from, int to, int total) =>
        from == to
            ? $"segment {from} of 0-{total - 1} is in none of the parts: a part is missing."
            : $"segments {from}-{to} of 0-{total - 1} are in none of the parts: a part is missing.";

    /// <summary>Reads one part; damage names the part (exit 3), a newer part version too (exit 5).</summary>
    private static AsmrPartFile Read(string path, CancellationToken cancellationToken)
    {
        try
        {
            return PartReader.Read(path, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new DamagedPartException($"'{path}' is not an intact part file: {e.Message}.", innerException: e);
        }
        catch (NotSupportedException e)
        {
            throw new NotSupportedException($"'{path}': {e.Message}.", e);
        }
    }
}
