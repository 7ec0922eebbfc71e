using System.Globalization;
using Asmr.Cli.Commands.Merge;
using Asmr.Cli.Errors;
using Asmr.Cli.Progress;
using Asmr.Codec;
using Asmr.Codec.Sharding;
using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Video;
using Asmr.Media.IO;
using Asmr.Media.Metrics;

namespace Asmr.Cli.Commands.Encode;

/// <summary>
/// An encode that keeps every finished segment in a <see cref="WorkFolder"/> as a one-segment part file (written
/// atomically, the moment the segment is done), so that after a crash, Ctrl-C or power loss <c>--resume</c> fits only
/// the segments that are missing. A leftover is reused only when it is intact (every CRC) and carries this encode's
/// source and settings fingerprints; any other is reported in one line and fitted again. The file is then joined
/// from the parts exactly as <c>asmrc merge</c> joins them, which is byte-identical to an encode in one go.
/// </summary>
internal sealed class ResumableEncode(EncodeRequest request, IProgressReporter progress, Metadata metadata, byte[] settingsDigest, WorkFolder folder)
{
    private readonly List<(PartFrameStatistics[] Frames, double Loss)> _fitted = [];

    public WorkFolderOutcome Run(
        IEnumerable<VideoFrame> frames,
        SequenceHeader header,
        EncoderSettings settings,
        string sourcePath,
        VideoSourceOptions options,
        IProgress<EncodeProgress> encoderProgress,
        CancellationToken cancellationToken)
    {
        var plan = SegmentPlan.For(header.FrameCount, settings);
        int count = plan.Segments.Count;
        RefuseOrClearLeftovers();
        folder.Create();
        HashSet<int> reused;
        byte[] sourceDigest;
        try
        {
            // Leftovers are judged against the source, so it is fingerprinted first.
            sourceDigest = Fingerprint(header, sourcePath, options, cancellationToken);
            reused = request.Resume ? Reusable(header, count, sourceDigest, cancellationToken) : [];
        }
        catch
        {
            folder.RemoveIfUnused();
            throw;
        }

        try
        {
            AsmrEncoder.EncodeSegments(
                frames,
                header,
                settings,
                s => !reused.Contains(s),
                (s, report, source) => Keep(header, plan, s, report, source, sourceDigest, cancellationToken),
                encoderProgress,
                cancellationToken);
        }
        catch (OperationCanceledException)
        {
            int kept = folder.Segments().Count;
            if (kept > 0)
            {
                progress.WriteLine($"note: {kept} finished segment{(kept == 1 ? " is" : "s are")} kept in '{folder.Path}'; the same command with --resume goes on from there.");
            }

            folder.RemoveIfUnused();
            throw;
        }
        catch
        {
            folder.RemoveIfUnused();
            throw;
        }

        var parts = new List<(string Path, AsmrPartFile File)>(count);
        for (int s = 0; s < count; s++)
        {
            string path = folder.SegmentPath(s);
            if (!File.Exists(path))
            {
                throw new InputException($"'{request.Input}' ended before segment {s} of 0-{count - 1} on the second reading; the file may be truncated.");
            }

            parts.Add((path, PartReader.Read(path, cancellationToken)));
        }

        var file = MergeCommand.Join(parts, out var quality);
        return new WorkFolderOutcome(file, quality, FittedQuality(header), FitLoss());
    }

    /// <summary>SHA-256 of every source frame (<see cref="SourceFingerprint"/>), checking the frame count on the way.</summary>
    private byte[] Fingerprint(SequenceHeader header, string sourcePath, VideoSourceOptions options, CancellationToken cancellationToken)
    {
        using var fingerprint = new SourceFingerprint();
        using var source = VideoSourceFactory.Open(sourcePath, options with { MaxFrames = header.FrameCount, CountFrames = false }, cancellationToken);
        progress.BeginStage("fingerprinting", header.FrameCount);
        int index = 0;
        foreach (var frame in InputFrames.Of(source.ReadFrames(cancellationToken), request.Input))
        {
            fingerprint.Add(frame);
            progress.Report(++index);
        }

        progress.EndStage();
        if (index != header.FrameCount)
        {
            throw new InputException($"'{request.Input}' gave {index} frames, though {header.FrameCount} were counted; the file may be truncated.");
        }

        return fingerprint.Digest();
    }

    /// <summary>
    /// Without --resume, leftovers of an earlier encode are refused (exit 4) before any work, so an hour of finished
    /// segments is never thrown away by a command that forgot --resume; with -y they are removed instead.
    /// </summary>
    private void RefuseOrClearLeftovers()
    {
        var leftovers = folder.Segments();
        if (request.Resume || leftovers.Count == 0)
        {
            return;
        }

        if (!request.Overwrite)
        {
            throw new OutputException(
                $"The work folder '{folder.Path}' holds {leftovers.Count} finished segment{(leftovers.Count == 1 ? string.Empty : "s")} of an earlier encode.",
                hint: "add --resume to go on with that encode (the same command), or -y to start again");
        }

        folder.Remove();
        progress.WriteLine($"note: -y: removed the finished segments of an earlier encode from '{folder.Path}'.");
    }

    /// <summary>
    /// The segments whose leftovers can be reused: each leftover is checked, and one that is damaged or foreign is
    /// reported in one line and removed, so its segment is fitted again.
    /// </summary>
    private HashSet<int> Reusable(SequenceHeader header, int count, byte[] sourceDigest, CancellationToken cancellationToken)
    {
        var reused = new HashSet<int>();
        if (folder.Segments().Count == 0)
        {
            return reused;
        }

        byte[] metadataBytes = MetadataCodec.Encode(metadata);
        for (int s = 0; s < count; s++)
        {
            string path = folder.SegmentPath(s);
            if (!File.Exists(path))
            {
                continue;
            }

            string? problem = Problem(path, s, count, header, sourceDigest, metadataBytes, cancellationToken);
            if (problem is null)
            {
                reused.Add(s);
                continue;
            }

            progress.WriteLine($"note: '{path}' {problem}; segment {s} is encoded again.");
            File.Delete(path);
        }

        // Names beyond this plan's segments come from an encode with another plan: never trusted, never left behind.
        foreach (string stray in folder.Segments().Except(Enumerable.Range(0, count).Select(folder.SegmentPath), StringComparer.Ordinal))
        {
            progress.WriteLine($"note: '{stray}' is not a segment of this encode's plan; it is removed.");
            File.Delete(stray);
        }

        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"note: resuming: {reused.Count} of {count} segments are reused from '{folder.Path}', {count - reused.Count} to encode."));
        return reused;
    }

    /// <summary>Why a leftover cannot stand for segment <paramref name="index"/>, or null when it can.</summary>
    private string? Problem(string path, int index, int count, SequenceHeader header, byte[] sourceDigest, byte[] metadataBytes, CancellationToken cancellationToken)
    {
        AsmrPartFile part;
        try
        {
            part = PartReader.Read(path, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return $"is damaged ({e.Message.TrimEnd('.')})";
        }
        catch (NotSupportedException e)
        {
            return $"is from another asmrc build ({e.Message.TrimEnd('.')})";
        }

        if (!part.Part.SourceDigest.Span.SequenceEqual(sourceDigest) || part.SequenceHeader != header)
        {
            return "is from another source video (or other --start/--frames)";
        }

        bool sameSettings = part.Part.SettingsDigest.Span.SequenceEqual(settingsDigest)
            && (part.Metadata is { } m ? MetadataCodec.Encode(m) : []).AsSpan().SequenceEqual(metadataBytes);
        if (!sameSettings || part.Part.PlanSegmentCount != count || part.Part.FirstSegment != index || part.Segments.Count != 1)
        {
            return "is from other settings, another asmrc build or another kind of machine";
        }

        return null;
    }

    /// <summary>Measures a finished segment against its source frames and writes its part atomically.</summary>
    private void Keep(
        SequenceHeader header,
        SegmentPlan plan,
        int index,
        SegmentEncodeReport report,
        IReadOnlyList<VideoFrame> source,
        byte[] sourceDigest,
        CancellationToken cancellationToken)
    {
        var segment = new AsmrSegment(report.Model.FirstFrame, report.Model.FrameCount, ModelPayloadWriter.Write(report.Model));
        var metrics = new QualityMetrics(header.Color);
        var frames = new List<PartFrameStatistics>(source.Count);
        progress.BeginStage($"segment {index + 1}/{plan.Segments.Count} measuring", source.Count);
        int done = 0;
        foreach (var decoded in ShardPartWriter.Decode(header, [segment], request.Threads))
        {
            var m = metrics.Measure(source[done], decoded);
            frames.Add(new PartFrameStatistics(m.PlaneSse, m.PlaneSamples, m.RgbSse, m.RgbSamples, m.SsimY, m.SsimY8x8));
            progress.Report(++done);
        }

        progress.EndStage();
        int count = plan.Segments.Count;
        var part = new AsmrPartFile
        {
            SequenceHeader = header,
            Segments = [segment],
            Metadata = metadata,
            Part = new PartInfo(index + 1, count, count, index, sourceDigest, settingsDigest, frames),
        };
        cancellationToken.ThrowIfCancellationRequested();
        PartWriter.Write(folder.SegmentPath(index), part, overwrite: true, cancellationToken);
        _fitted.Add(([.. frames], report.FloatLoss * report.Model.FrameCount));
    }

    private SequenceQuality? FittedQuality(SequenceHeader header)
    {
        if (_fitted.Count == 0)
        {
            return null;
        }

        var metrics = new QualityMetrics(header.Color);
        foreach (var frame in _fitted.SelectMany(f => f.Frames))
        {
            metrics.Add(new FrameMeasurement(frame.PlaneSse, frame.PlaneSamples, frame.RgbSse, frame.RgbSamples, frame.SsimY, frame.SsimY8x8, header.BitDepth));
        }

        return metrics.Summarize();
    }

    private double? FitLoss() =>
        _fitted.Count == 0 ? null : _fitted.Sum(f => f.Loss) / _fitted.Sum(f => f.Frames.Length);
}
