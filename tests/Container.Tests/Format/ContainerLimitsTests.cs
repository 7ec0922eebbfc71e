using K4os.Compression.LZ4;

namespace Asmr.Container.Tests;

public class ContainerLimitsTests
{
    [Theory]
    [InlineData(1L, 271L)]
    [InlineData(1000L, 255_016L)]
    [InlineData(1L << 28, 1L << 28)]
    public void MaxUncompressedLength_StoredLength_Is255TimesPlus16CappedAtTheSectionLimit(long stored, long expected) =>
        Assert.Equal(expected, ContainerLimits.MaxUncompressedLength(stored));

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(1 << 20)]
    [InlineData(8 << 20)]
    public void MaxUncompressedLength_MostCompressibleInput_StaysWithinTheBound(int length)
    {
        byte[] zeros = new byte[length];
        byte[] block = new byte[LZ4Codec.MaximumOutputSize(length)];

        int stored = LZ4Codec.Encode(zeros, block, LZ4Level.L12_MAX);

        Assert.True(length <= ContainerLimits.MaxUncompressedLength(stored), $"{length} bytes compressed to {stored}");
    }

    [Fact]
    public void MaxSectionLength_IsTheLargestPayloadPlusCompressedFraming() =>
        Assert.Equal((1L << 28) + 20, FormatConstants.MaxSectionLength);
}
