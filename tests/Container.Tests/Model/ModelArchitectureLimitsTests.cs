using Asmr.Container.Model;

namespace Asmr.Container.Tests.Model;

public sealed class ModelArchitectureLimitsTests
{
    [Fact]
    public void Constructor_LocalGridAboveIntRange_ThrowsArgumentException()
    {
        // Each axis grid is 65535 (fits), but β_0 = 65535^3 does not fit in an int.
        int[][] bases = [[65535, 1], [65535, 1], [65535, 1]];

        var e = Assert.Throws<ArgumentException>(() => new ModelArchitecture(bases, 4, 1, [ModulationKind.Table, ModulationKind.Table]));

        Assert.Contains("local grid points", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalCount_LargestIntLocalGrid_IsExact()
    {
        int[][] bases = [[1024, 1], [1024, 1], [1024, 1]]; // 2^30

        var architecture = new ModelArchitecture(bases, 4, 1, [ModulationKind.Linear, ModulationKind.Linear]);

        Assert.Equal(1 << 30, architecture.LocalCount(0));
    }
}
