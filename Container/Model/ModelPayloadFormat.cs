namespace Asmr.Container.Model;

/// <summary>Fixed numbers and limits of the model payload (spec §10.1–§10.5).</summary>
internal static class ModelPayloadFormat
{
    /// <summary>The only model_version this implementation reads and writes.</summary>
    public const ushort ModelVersion = 1;

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

    /// <summary>Bytes of the model header for L levels: fixed part, 6L bases, L modulation kinds, tensor_count.</summary>
    public static int HeaderLength(int levels) => FixedHeaderLength + (7 * levels) + 2;
}
