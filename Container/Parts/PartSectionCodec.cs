using System.Buffers.Binary;

namespace Asmr.Container;

/// <summary>
/// The PART payload (FORMAT.md §13.2): shard, shard_count, plan_segment_count, first_segment, segment_count, the two
/// digests, the part's segments (first_frame, frame_count), then the measured statistics of each of its frames.
/// </summary>
internal static class PartSectionCodec
{
    /// <summary>Bytes of a digest (SHA-256).</summary>
    public const int DigestLength = 32;

    private const int FixedLength = 16 + (2 * DigestLength);
    private const int SegmentEntryLength = 8;

    /// <summary>Bytes of one frame's statistics with <paramref name="planes"/> planes.</summary>
    public static int FrameEntryLength(int planes) => (16 * planes) + 32;

    public static byte[] Encode(PartInfo part, IReadOnlyList<AsmrSegment> segments, int planes)
    {
        long length = FixedLength + ((long)SegmentEntryLength * segments.Count) + ((long)FrameEntryLength(planes) * part.Frames.Count);
        if (length > ContainerLimits.MaxSectionPayloadLength)
        {
            throw new ArgumentException($"The PART payload would be {length} bytes; the limit is {ContainerLimits.MaxSectionPayloadLength}.", nameof(part));
        }

        byte[] p = new byte[length];
        BinaryPrimitives.WriteUInt16LittleEndian(p, (ushort)part.Shard);
        BinaryPrimitives.WriteUInt16LittleEndian(p.AsSpan(2), (ushort)part.ShardCount);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(4), (uint)part.PlanSegmentCount);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(8), (uint)part.FirstSegment);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(12), (uint)segments.Count);
        part.SourceDigest.Span.CopyTo(p.AsSpan(16, DigestLength));
        part.SettingsDigest.Span.CopyTo(p.AsSpan(16 + DigestLength, DigestLength));
        int at = FixedLength;
        foreach (AsmrSegment segment in segments)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(at), (uint)segment.FirstFrame);
            BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(at + 4), (uint)segment.FrameCount);
            at += SegmentEntryLength;
        }

        foreach (PartFrameStatistics frame in part.Frames)
        {
            for (int i = 0; i < planes; i++)
            {
                BinaryPrimitives.WriteInt64LittleEndian(p.AsSpan(at), frame.PlaneSse[i]);
                BinaryPrimitives.WriteInt64LittleEndian(p.AsSpan(at + 8), frame.PlaneSamples[i]);
                at += 16;
            }

            BinaryPrimitives.WriteInt64LittleEndian(p.AsSpan(at), frame.RgbSse);
            BinaryPrimitives.WriteInt64LittleEndian(p.AsSpan(at + 8), frame.RgbSamples);
            BinaryPrimitives.WriteInt64LittleEndian(p.AsSpan(at + 16), BitConverter.DoubleToInt64Bits(frame.SsimY));
            BinaryPrimitives.WriteInt64LittleEndian(p.AsSpan(at + 24), BitConverter.DoubleToInt64Bits(frame.SsimY8x8));
            at += 32;
        }

        return p;
    }

    /// <summary>
    /// Parses and checks a PART payload at file offset <paramref name="offset"/> against the sequence header: shard
    /// numbers, the segment run inside the plan and the frames, and the exact length.
    /// </summary>
    public static (PartInfo Part, (int First, int Count)[] Segments) Decode(ReadOnlySpan<byte> p, long offset, SequenceHeader sequence)
    {
        if (p.Length < FixedLength)
        {
            throw FormatErrors.Corrupt($"PART: payload at offset {FormatErrors.Hex(offset)} is {p.Length} bytes; it has at least {FixedLength}");
        }

        int shard = BinaryPrimitives.ReadUInt16LittleEndian(p);
        int shardCount = BinaryPrimitives.ReadUInt16LittleEndian(p[2..]);
        uint planCount = BinaryPrimitives.ReadUInt32LittleEndian(p[4..]);
        uint firstSegment = BinaryPrimitives.ReadUInt32LittleEndian(p[8..]);
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(p[12..]);
        if (shardCount < 1 || shard < 1 || shard > shardCount)
        {
            throw FormatErrors.Corrupt($"PART: shard {shard} of {shardCount} at offset {FormatErrors.Hex(offset)}; shard must be within 1..shard_count");
        }

        long maxSegments = Math.Min(sequence.FrameCount, ContainerLimits.MaxSegmentCount);
        if (planCount < shardCount || planCount > maxSegments || count < 1 || firstSegment >= planCount || count > planCount - firstSegment)
        {
            throw FormatErrors.Corrupt(
                $"PART: segments {firstSegment}..{(long)firstSegment + count - 1} of a {planCount}-segment plan split {shardCount} ways at offset {FormatErrors.Hex(offset + 4)} are not possible for {sequence.FrameCount} frames");
        }

        int planes = sequence.ChromaFormat.PlaneCount();
        long expected = FixedLength + ((long)SegmentEntryLength * count);
        if (p.Length < expected)
        {
            throw FormatErrors.Corrupt($"PART: payload at offset {FormatErrors.Hex(offset)} is {p.Length} bytes, too short for {count} segments");
        }

        var segments = new (int, int)[count];
        int at = FixedLength;
        long next = -1;
        long frames = 0;
        for (int i = 0; i < count; i++, at += SegmentEntryLength)
        {
            uint first = BinaryPrimitives.ReadUInt32LittleEndian(p[at..]);
            uint n = BinaryPrimitives.ReadUInt32LittleEndian(p[(at + 4)..]);
            if (n < 1 || first + (long)n > sequence.FrameCount || (next >= 0 && first != next))
            {
                throw FormatErrors.Corrupt(
                    $"PART: segment {firstSegment + i} (frames {first}, {n}) at offset {FormatErrors.Hex(offset + at)} does not lie within the {sequence.FrameCount} frames right after the one before");
            }

            segments[i] = ((int)first, (int)n);
            next = first + (long)n;
            frames += n;
        }

        expected += frames * FrameEntryLength(planes);
        if (p.Length != expected)
        {
            throw FormatErrors.Corrupt($"PART: payload at offset {FormatErrors.Hex(offset)} is {p.Length} bytes; {count} segments of {frames} frames need exactly {expected}");
        }

        var stats = new PartFrameStatistics[frames];
        for (long f = 0; f < frames; f++)
        {
            var sse = new long[planes];
            var samples = new long[planes];
            for (int i = 0; i < planes; i++, at += 16)
            {
                sse[i] = BinaryPrimitives.ReadInt64LittleEndian(p[at..]);
                samples[i] = BinaryPrimitives.ReadInt64LittleEndian(p[(at + 8)..]);
            }

            stats[f] = new PartFrameStatistics(
                sse,
                samples,
                BinaryPrimitives.ReadInt64LittleEndian(p[at..]),
                BinaryPrimitives.ReadInt64LittleEndian(p[(at + 8)..]),
                BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(p[(at + 16)..])),
                BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(p[(at + 24)..])));
            at += 32;
        }

        var part = new PartInfo(
            shard,
            shardCount,
            (int)planCount,
            (int)firstSegment,
            p.Slice(16, DigestLength).ToArray(),
            p.Slice(16 + DigestLength, DigestLength).ToArray(),
            stats);
        return (part, segments);
    }
}
