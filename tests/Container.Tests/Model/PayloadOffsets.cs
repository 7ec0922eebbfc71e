using System.Buffers.Binary;
using Asmr.Container.Model;

namespace Asmr.Container.Tests.Model;

/// <summary>Where the fields of a valid model payload sit (spec §10.1–§10.2), for tests that corrupt one of them.</summary>
internal sealed class PayloadOffsets
{
    public const int ModelVersion = 0;
    public const int FirstFrame = 2;
    public const int FrameCount = 6;
    public const int LevelCount = 10;
    public const int OutputChannels = 11;
    public const int Width = 12;
    public const int Reserved = 14;

    public const int RecordRole = 0;
    public const int RecordLevel = 1;
    public const int RecordRows = 2;
    public const int RecordColumns = 6;
    public const int RecordMultiplier = 10;
    public const int RecordCoding = 14;
    public const int RecordByteLength = 15;
    public const int RecordData = 19;

    public PayloadOffsets(byte[] payload)
    {
        Levels = payload[LevelCount];
        Version = BinaryPrimitives.ReadUInt16LittleEndian(payload);
        Grids = Version >= 2 ? payload[GridCount] : 0;
        int p = ModelPayloadFormat.HeaderLength(Levels, Grids, Version);
        var records = new List<int>();
        while (p < payload.Length)
        {
            records.Add(p);
            p += RecordData + (int)BinaryPrimitives.ReadUInt32LittleEndian(payload.AsSpan(p + RecordByteLength));
        }

        Records = records;
    }

    public int Levels { get; }

    /// <summary>model_version.</summary>
    public int Version { get; }

    /// <summary>G (0 in model_version 1).</summary>
    public int Grids { get; }

    /// <summary>grid_count (model_version 2 and 3).</summary>
    public int GridCount => 16 + (7 * Levels);

    /// <summary>The first byte of grid descriptor <paramref name="index"/>.</summary>
    public int GridDescriptor(int index) => GridCount + 1 + (ModelPayloadFormat.DescriptorLength(Version) * index);

    /// <summary>Start of each tensor record.</summary>
    public IReadOnlyList<int> Records { get; }

    public int TensorCount => ModelPayloadFormat.HeaderLength(Levels, Grids, Version) - 2;

    /// <summary>motion_block_log2 (model_version 4 to 6): the byte before tensor_count, or before filter_radius in model_version 6.</summary>
    public int MotionBlockLog2 => TensorCount - 1 - (ModelPayloadFormat.HasFilterByte(Version) ? 1 : 0);

    /// <summary>filter_radius (model_version 6): the byte after motion_block_log2, before tensor_count.</summary>
    public int FilterRadius => ModelPayloadFormat.HasFilterByte(Version)
        ? TensorCount - 1
        : throw new InvalidOperationException($"A model_version {Version} payload has no filter_radius byte.");

    public int Base(Axis axis, int level) => 16 + (2 * (((int)axis * Levels) + level));

    public int ModulationKind(int level) => 16 + (6 * Levels) + level;

    public int RecordEnd(byte[] payload, int index) =>
        Records[index] + RecordData + (int)BinaryPrimitives.ReadUInt32LittleEndian(payload.AsSpan(Records[index] + RecordByteLength));
}
