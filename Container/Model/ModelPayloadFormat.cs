namespace Asmr.Container.Model;

/// <summary>Fixed numbers and limits of the model payload (spec §10.1–§10.5).</summary>
internal static class ModelPayloadFormat
{
    /// <summary>The model_version of a payload without latent grids.</summary>
    public const ushort ModelVersion = 1;

    /// <summary>The model_version of a payload with latent grids (§10.1); files holding one need reader version 2.</summary>
    public const ushort GridModelVersion = 2;

    /// <summary>Bytes of one latent grid descriptor: level u8, rank u8, temporal_cells u16le.</summary>
    public const int GridDescriptorLength = 4;

    /// <summary>Bytes of the model header before the bases (model_version … reserved).</summary>
    public const int FixedHeaderLength = 16;

    /// <summary>Bytes of a tensor record before its data (role … byte_length).</summary>
    public const int RecordHeaderLength = 19;

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
    /// model_version 2 grid_count and G descriptors, then tensor_count.
    /// </summary>
    public static int HeaderLength(int levels, int grids = 0) =>
        FixedHeaderLength + (7 * levels) + (grids == 0 ? 0 : 1 + (GridDescriptorLength * grids)) + 2;
}
