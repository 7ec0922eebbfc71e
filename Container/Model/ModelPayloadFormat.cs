namespace Asmr.Container.Model;

/// <summary>Fixed numbers and limits of the model payload (spec §10.1–§10.5).</summary>
internal static class ModelPayloadFormat
{
    /// <summary>The model_version of a payload without latent grids.</summary>
    public const ushort ModelVersion = 1;

    /// <summary>The model_version of a payload with latent grids (§10.1); files holding one need reader version 2.</summary>
    public const ushort GridModelVersion = 2;

    /// <summary>
    /// The model_version of a payload whose grids' latents are coded with a context model (§10.1, §10.7); files holding
    /// one need reader version 3.
    /// </summary>
    public const ushort ContextModelVersion = 3;

    /// <summary>
    /// The model_version of a payload with context-coded grids and a motion field that moves each decoded frame before
    /// it is shown (§10.8, §11.8); files holding one need reader version 4.
    /// </summary>
    public const ushort MotionModelVersion = 4;

    /// <summary>
    /// The model_version of a payload whose grid descriptors say where each grid enters (its level, or the next one
    /// bilinearly interpolated: §10.1, §11.4), with or without a motion field; files holding one need reader version 5.
    /// </summary>
    public const ushort PlacementModelVersion = 5;

    /// <summary>
    /// The model_version of a payload laid out as model_version 5 with an output filter (§10.9, §11.9) after its last
    /// record; files holding one need reader version 6.
    /// </summary>
    public const ushort FilterModelVersion = 6;

    /// <summary>
    /// The model_version of a payload laid out as model_version 6 (the output filter optional) whose record headers
    /// keep only what the header does not imply: μ, coding and byte_length, the numbers as varints (§10.2); files
    /// holding one need reader version 7.
    /// </summary>
    public const ushort CompactRecordModelVersion = 7;

    /// <summary>The newest model_version this reader knows.</summary>
    public const ushort LatestModelVersion = CompactRecordModelVersion;

    /// <summary>Bytes of one latent grid descriptor: level u8, rank u8, temporal_cells u16le.</summary>
    public const int GridDescriptorLength = 4;

    /// <summary>Bytes of a model_version 3 and 4 grid descriptor: a version 2 descriptor, then context_hidden u8.</summary>
    public const int ContextGridDescriptorLength = 5;

    /// <summary>Bytes of a model_version 5 grid descriptor: a version 3 descriptor, then placement u8.</summary>
    public const int PlacementGridDescriptorLength = 6;

    /// <summary>Context model parameters lie in ±2^15 (§10.7).</summary>
    public const int ContextParameterLimit = 1 << 15;

    /// <summary>
    /// Most values a context-coded record may hold per byte of data (§10.7): every symbol leaves at least 31/2^15 of
    /// the range behind, so n symbols need more than n / 5861 bytes beyond the first 4; 2^13 per byte bounds that.
    /// </summary>
    public const int MaxContextValuesPerByte = 1 << 13;

    /// <summary>Bytes of the model header before the bases (model_version … reserved).</summary>
    public const int FixedHeaderLength = 16;

    /// <summary>Bytes of a model_version 1 to 6 tensor record before its data (role … byte_length).</summary>
    public const int RecordHeaderLength = 19;

    /// <summary>Most bytes of a varint: 7 bits each, so 5 hold any u32 (§10.2).</summary>
    public const int MaxVarintLength = 5;

    /// <summary>Bytes of a tensor record before its data: 19, or in model_version 7 μ and byte_length as varints around the coding byte.</summary>
    public static int RecordHeaderBytes(int modelVersion, uint multiplier, int byteLength) =>
        HasCompactRecords(modelVersion) ? 1 + VarintLength(multiplier) + VarintLength((uint)byteLength) : RecordHeaderLength;

    /// <summary>Bytes of a model_version 7 record: its compact header (μ and byte_length as varints, the coding byte) and its data.</summary>
    public static int CompactRecordLength(uint multiplier, int dataLength) =>
        RecordHeaderBytes(CompactRecordModelVersion, multiplier, dataLength) + dataLength;

    /// <summary>Bytes of the shortest varint of <paramref name="value"/> (§10.2): 7 bits a byte, least significant first.</summary>
    public static int VarintLength(uint value)
    {
        int length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }

        return length;
    }

    /// <summary>Writes the shortest varint of <paramref name="value"/> at the start of <paramref name="span"/> (§10.2); returns its length.</summary>
    public static int WriteVarint(Span<byte> span, uint value)
    {
        int p = 0;
        while (value >= 0x80)
        {
            span[p++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[p++] = (byte)value;
        return p;
    }

    /// <summary>Whether a model_version's records have compact headers (7).</summary>
    public static bool HasCompactRecords(int modelVersion) => modelVersion >= CompactRecordModelVersion;

    /// <summary>Largest β_l = B[t][l]·B[y][l]·B[x][l] (§10.1).</summary>
    public const long MaxLocalCount = 1L << 24;

    /// <summary>Largest N_t·N_y·N_x (§10.1).</summary>
    public const long MaxGridCells = 1L << 40;

    /// <summary>
    /// Largest N_a on one axis this implementation represents (<see cref="ModelArchitecture"/> holds sizes as int).
    /// The spec's only bound is <see cref="MaxGridCells"/> on the product.
    /// </summary>
    public const long MaxAxisGridSize = int.MaxValue;

    /// <summary>Largest rows·columns of one tensor (§10.4).</summary>
    public const int MaxTensorValues = 1 << 26;

    /// <summary>Largest |q·μ| + 1 of an output weight or output bias: |q·μ| &lt; 2^31 (§10.3).</summary>
    public const long OutputMagnitudeLimit = 1L << 31;

    /// <summary>
    /// Bytes of the model header for L levels and G latent grids: fixed part, 6L bases, L modulation kinds, then for
    /// model_version 2 to 7 grid_count and G descriptors, for model_version 4 to 7 motion_block_log2, for model_version 6
    /// and 7 filter_radius, then tensor_count.
    /// </summary>
    public static int HeaderLength(int levels, int grids = 0, int modelVersion = GridModelVersion) =>
        FixedHeaderLength + (7 * levels) + (grids == 0 ? 0 : 1 + (DescriptorLength(modelVersion) * grids))
        + (HasMotionByte(modelVersion) ? 1 : 0) + (HasFilterByte(modelVersion) ? 1 : 0) + 2;

    /// <summary>Whether a model_version's header has the filter_radius byte (6 and 7).</summary>
    public static bool HasFilterByte(int modelVersion) => modelVersion >= FilterModelVersion;

    /// <summary>Whether a model_version's header has the motion_block_log2 byte (4: always 3..6; 5: 0 for no motion field).</summary>
    public static bool HasMotionByte(int modelVersion) => modelVersion >= MotionModelVersion;

    /// <summary>Bytes of one grid descriptor of a model_version.</summary>
    public static int DescriptorLength(int modelVersion) => modelVersion switch
    {
        >= PlacementModelVersion => PlacementGridDescriptorLength,
        >= ContextModelVersion => ContextGridDescriptorLength,
        _ => GridDescriptorLength,
    };

    /// <summary>
    /// The reader version a file needs for this model payload (FORMAT.md §9): its model_version when that is 2 to 7,
    /// else 1, so that files without later features stay readable by older readers.
    /// </summary>
    public static int RequiredReaderVersion(ReadOnlySpan<byte> payload)
    {
        int version = payload.Length >= 2 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(payload) : 1;
        return version is >= GridModelVersion and <= LatestModelVersion ? version : 1;
    }
}
