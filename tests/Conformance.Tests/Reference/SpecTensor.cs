namespace Asmr.Conformance.Tests.Reference;

/// <summary>One tensor record of a model payload as spec §10.2 lists its fields.</summary>
internal sealed record SpecTensor(int Role, int Level, int Rows, int Columns, uint Multiplier, int Coding, int[] Q)
{
    public int this[int row, int column] => Q[(row * Columns) + column];
}
