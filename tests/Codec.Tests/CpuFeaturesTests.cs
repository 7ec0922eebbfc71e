using Asmr.Codec.Training;

namespace Asmr.Codec.Tests;

public sealed class CpuFeaturesTests
{
    [Theory]
    [InlineData("processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f avx512_bf16 avx512_vnni\n", true)]
    [InlineData("flags\t\t: fpu amx_tile amx_bf16 amx_int8\n", true)]
    [InlineData("flags\t\t: fpu sse2 avx2 avx512f avx512_vnni\n", false)]
    [InlineData("flags\t\t: avx512_bf16x\n", false)]
    [InlineData("processor\t: 0\nmodel name\t: some cpu avx512_bf16\n", false)]
    [InlineData("", false)]
    public void Bfloat16_is_native_only_when_a_flags_line_names_it(string cpuinfo, bool expected)
    {
        Assert.Equal(expected, CpuFeatures.CpuInfoHasBFloat16(cpuinfo));
    }
}
