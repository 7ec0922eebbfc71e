namespace Asmr.Container.Model;

/// <summary>
/// One tensor of a segment model as integers: dequantized value = <see cref="Values"/>[i] · <see cref="Multiplier"/>,
/// in the units its <see cref="Role"/> defines (spec §10.3). Row-major, <see cref="Rows"/> × <see cref="Columns"/>.
/// </summary>
public sealed class QuantizedTensor
{
    public QuantizedTensor(TensorRole role, int level, int rows, int columns, uint multiplier, int[] values, EntropyCoding coding = EntropyCoding.Adaptive)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfZero(multiplier);
        if ((long)rows * columns != values.Length)
        {
            throw new ArgumentException($"{role} tensor of level {level}: {rows}×{columns} needs {(long)rows * columns} values, got {values.Length}.", nameof(values));
        }

        Role = role;
        Level = level;
        Rows = rows;
        Columns = columns;
        Multiplier = multiplier;
        Values = values;
        Coding = coding;
    }

    public TensorRole Role { get; }

    /// <summary>The level the tensor belongs to (0 for the output tensors).</summary>
    public int Level { get; }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>The quantization step μ as an integer in the role's units (≥ 1).</summary>
    public uint Multiplier { get; }

    /// <summary>The quantized integers, row-major.</summary>
    public int[] Values { get; }

    public EntropyCoding Coding { get; }

    public int this[int row, int column] => Values[(row * Columns) + column];

    public override string ToString() => $"{Role}[{Level}] {Rows}×{Columns} μ={Multiplier} ({Coding})";
}
