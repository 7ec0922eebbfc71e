using System.Globalization;
using Asmr.Cli.Errors;
using Asmr.Cli.Progress;
using Asmr.Codec;
using Asmr.Codec.Sharding;
using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;
using Asmr.Media.IO;
using Asmr.Media.Metrics;

namespace Asmr.Cli.Commands.Encode;

/// <summary>
/// The end of <c>asmrc encode --shard K/N</c>: reads the whole source once more, fingerprinting every frame and
/// measuring the shard's decoded frames against it, then writes the part file (FORMAT.md §13) atomically.
/// </summary>
internal sealed class ShardPartWriter(EncodeRequest request, IProgressReporter progress, Metadata metadata, byte[] settingsDigest)
{
    public int Write(
        SequenceHeader header,
        IReadOnlyList<PlannedSegment> shard,
        IReadOnlyList<SegmentEncodeReport> reports,
        string sourcePath,
        VideoSourceOptions options,
        CancellationToken cancellationToken)
    {
        if (reports.Count != shard.Count || reports.Sum(r => r.Model.FrameCount) != shard.Sum(s => s.FrameCount))
        {
            throw new InputException($"'{request.Input}' ended before the frames of shard {request.Shard}; the file may be truncated.");
        }

        AsmrSegment[] segments = [.. reports.Select(r => new AsmrSegment(r.Model.FirstFrame, r.Model.FrameCount, ModelPayloadWriter.Write(r.Model)))];
        progress.BeginStage("measuring", header.FrameCount);
        var (frames, digest) = Measure(header, segments, sourcePath, options, cancellationToken);
        progress.EndStage();

        var part = new AsmrPartFile
        {
            SequenceHeader = header,
            Segments = segments,
            Metadata = metadata,
            Part = new PartInfo(request.Shard!.Value.Shard, request.Shard.Value.Count, PlanCount(header), shard[0].Index, digest, settingsDigest, frames),
        };
        cancellationToken.ThrowIfCancellationRequested();
        PartWriter.Write(request.Output, part, request.Overwrite, cancellationToken);
        long size = new FileInfo(request.Output).Length;
        int firstFrame = shard[0].FirstFrame;
        int lastFrame = shard[^1].FirstFrame + shard[^1].FrameCount - 1;
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{request.Output}: part {request.Shard}, segments {shard[0].Index}-{shard[^1].Index} of 0-{part.Part.PlanSegmentCount - 1} (frames {firstFrame}-{lastFrame} of {header.FrameCount}), {size:N0} bytes; join the parts with asmrc merge"));
        return ExitCodes.Success;
    }

    private int PlanCount(SequenceHeader header) =>
        SegmentPlan.For(header.FrameCount, new EncoderSettings { SegmentLength = request.SegmentLength ?? EncoderSettings.DefaultSegmentLength }).Segments.Count;

    /// <summary>Every source frame goes into the fingerprint; the shard's frames are also decoded from the written payloads and measured.</summary>
    private (PartFrameStatistics[] Frames, byte[] Digest) Measure(
        SequenceHeader header, AsmrSegment[] segments, string sourcePath, VideoSourceOptions options, CancellationToken cancellationToken)
    {
        int first = segments[0].FirstFrame;
        int end = segments[^1].FirstFrame + segments[^1].FrameCount;
        var metrics = new QualityMetrics(header.Color);
        var frames = new List<PartFrameStatistics>(end - first);
        using var fingerprint = new SourceFingerprint();
        using var decoded = Decode(header, segments, request.Threads).GetEnumerator();
        using var source = VideoSourceFactory.Open(sourcePath, options with { MaxFrames = header.FrameCount, CountFrames = false }, cancellationToken);
        int index = 0;
        foreach (var frame in source.ReadFrames(cancellationToken))
        {
            fingerprint.Add(frame);
            if (index >= first && index < end)
            {
                decoded.MoveNext();
                var m = metrics.Measure(frame, decoded.Current);
                frames.Add(new PartFrameStatistics(m.PlaneSse, m.PlaneSamples, m.RgbSse, m.RgbSamples, m.SsimY, m.SsimY8x8));
            }

            progress.Report(++index);
        }

        if (index != header.FrameCount)
        {
            throw new InputException($"'{request.Input}' gave {index} frames on the second reading, {header.FrameCount} on the first.");
        }

        return ([.. frames], fingerprint.Digest());
    }

    /// <summary>The shard's frames, decoded as a reader of the merged file decodes them: from the payload bytes.</summary>
    internal static IEnumerable<Decoder.Video.VideoFrame> Decode(SequenceHeader header, IReadOnlyList<AsmrSegment> segments, int threads)
    {
        foreach (var segment in segments)
        {
            var expected = new ModelPayloadExpectations(segment.FirstFrame, segment.FrameCount, header.Width, header.Height, header.ChromaFormat);
            var model = ModelPayloadReader.Read(segment.ModelPayload.Span, expected);
            var decoder = new SegmentDecoder(model, header.Width, header.Height, header.ChromaFormat, header.BitDepth, new DecoderOptions { Threads = threads });
            foreach (var frame in decoder.DecodeFrames(0, segment.FrameCount))
            {
                yield return frame;
            }
        }
    }
}
