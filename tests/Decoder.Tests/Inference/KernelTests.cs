using Asmr.Container.Model;
using Asmr.Decoder.Inference;

namespace Asmr.Decoder.Tests.Inference;

public class KernelTests
{
    public static TheoryData<int> SimdPaths()
    {
        var data = new TheoryData<int>();
        foreach (var p in SimdSupport.Available.Where(p => p != SimdPath.Scalar))
        {
            data.Add((int)p);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SimdPaths))]
    public void PairDot_RandomAndExtremeOperands_EqualsScalar(int pathId)
    {
        var path = (SimdPath)pathId;
        var rng = new TestRandom(77);
        foreach (int rows in new[] { 1, 2, 3, 5, 17, 40, 64 })
        {
            foreach (int count in new[] { 1, 3, 4, 5, 8, 9, 15, 16, 17, 31, 33, 100 })
            {
                int offset = rng.Next(0, 7);
                int stride = PairDot.RoundUp(count + offset) + 16;
                var matrix = new int[rows * stride];
                for (int i = 0; i < matrix.Length; i++)
                {
                    // One factor of every product is a Q14 sine: keep the broadcast side in [−16384, 16384] and let
                    // the matrix side take any int16, including −32768.
                    matrix[i] = PairDot.Pack(Extreme16(rng), Extreme16(rng));
                }

                var pairs = new int[rows];
                for (int k = 0; k < rows; k++)
                {
                    pairs[k] = PairDot.Pack(Sine(rng), Sine(rng));
                }

                int init = (int)rng.NextUInt32();
                var expected = new int[PairDot.RoundUp(count)];
                var actual = new int[PairDot.RoundUp(count)];
                PairDot.Compute(SimdPath.Scalar, matrix, stride, offset, count, pairs, init, expected);
                PairDot.Compute(path, matrix, stride, offset, count, pairs, init, actual);
                Assert.True(expected.AsSpan(0, count).SequenceEqual(actual.AsSpan(0, count)), $"{path} rows={rows} count={count}");

                // And the scalar kernel is the wrapping sum the spec writes.
                int check = init;
                for (int k = 0; k < rows; k++)
                {
                    int m = matrix[(k * stride) + offset + count - 1];
                    check = unchecked(check + ((short)m * (short)pairs[k]) + ((m >> 16) * (pairs[k] >> 16)));
                }

                Assert.Equal(check, expected[count - 1]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(SimdPaths))]
    public void PairDotComputeChannels_OneAndThreeChannels_EqualsScalarPerChannel(int pathId)
    {
        var path = (SimdPath)pathId;
        var rng = new TestRandom(80);
        foreach (int channels in new[] { 1, 3 })
        {
            foreach (int rows in new[] { 1, 2, 7, 32, 41 })
            {
                foreach (int count in new[] { 1, 4, 5, 8, 9, 12, 16, 17, 25, 48 })
                {
                    int offset = rng.Next(0, 5);
                    int stride = PairDot.RoundUp(count + offset) + 16;
                    var matrix = new int[rows * stride];
                    for (int i = 0; i < matrix.Length; i++)
                    {
                        matrix[i] = PairDot.Pack(Sine(rng), Sine(rng));
                    }

                    int pairStride = rows + 3;
                    var pairs = new int[channels * pairStride];
                    for (int i = 0; i < pairs.Length; i++)
                    {
                        pairs[i] = PairDot.Pack(Extreme16(rng), Extreme16(rng));
                    }

                    var inits = Enumerable.Range(0, channels).Select(_ => (int)rng.NextUInt32()).ToArray();
                    int outStride = PairDot.RoundUp(count);
                    var actual = new int[channels * outStride];
                    PairDot.ComputeChannels(path, matrix, stride, offset, count, pairs, pairStride, rows, inits, actual, outStride);
                    for (int c = 0; c < channels; c++)
                    {
                        var expected = new int[outStride];
                        PairDot.Compute(SimdPath.Scalar, matrix, stride, offset, count, pairs.AsSpan(c * pairStride, rows), inits[c], expected);
                        Assert.True(expected.AsSpan(0, count).SequenceEqual(actual.AsSpan(c * outStride, count)), $"{path} channels={channels} rows={rows} count={count} c={c}");
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(SimdPaths))]
    public void WideDot_FullRangeWeights_EqualsScalar(int pathId)
    {
        var path = (SimdPath)pathId;
        var rng = new TestRandom(78);
        foreach (int rows in new[] { 1, 7, 33 })
        {
            foreach (int count in new[] { 1, 7, 16, 40 })
            {
                int stride = PairDot.RoundUp(count);
                var matrix = new int[rows * stride];
                for (int i = 0; i < matrix.Length; i++)
                {
                    matrix[i] = (int)rng.NextUInt32();
                }

                var h = new short[rows];
                for (int j = 0; j < rows; j++)
                {
                    h[j] = (short)Sine(rng);
                }

                var expected = new int[stride];
                var actual = new int[stride];
                WideDot.Compute(SimdPath.Scalar, matrix, stride, count, h, rows, expected);
                WideDot.Compute(path, matrix, stride, count, h, rows, actual);
                Assert.True(expected.AsSpan(0, count).SequenceEqual(actual.AsSpan(0, count)), $"{path} rows={rows} count={count}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(SimdPaths))]
    public void OutputLayerProject_ExtremeWeightsAndEveryPhase_EqualsScalar(int pathId)
    {
        var path = (SimdPath)pathId;
        var rng = new TestRandom(79);
        const int h = 37;
        foreach (uint mu in new[] { 1u, 3u, 255u })
        {
            int bound = (int)(int.MaxValue / mu);
            var q = new int[3 * h];
            for (int i = 0; i < q.Length; i++)
            {
                q[i] = i % 5 switch
                {
                    0 => bound,
                    1 => -bound,
                    2 => rng.Next(-100, 100),
                    _ => rng.Next(-bound, bound),
                };
            }

            var layer = new OutputLayer(
                new QuantizedTensor(TensorRole.OutputWeight, 0, 3, h, mu, q),
                new QuantizedTensor(TensorRole.OutputBias, 0, 1, 3, 1, [0, 1, -1]));
            int hp = layer.PaddedWidth;
            for (int round = 0; round < 200; round++)
            {
                var pre = new uint[hp];
                for (int j = 0; j < h; j++)
                {
                    pre[j] = round < 4 ? (uint)round << 30 : rng.NextUInt32();
                }

                var expected = new int[3 * hp];
                var actual = new int[3 * hp];
                layer.Project(SimdPath.Scalar, pre, new int[hp], expected);
                layer.Project(path, pre, new int[hp], actual);
                for (int o = 0; o < 3; o++)
                {
                    Assert.True(expected.AsSpan(o * hp, h).SequenceEqual(actual.AsSpan(o * hp, h)), $"{path} μ={mu} round={round} o={o}");
                }
            }
        }
    }

    [Fact]
    public void OutputLayerProject_ProductsOnTheRoundingBoundary_EqualSpecOnEveryPath()
    {
        // Choose Wd so that Wd·S(pre) and Wd·C(pre) land on (2^27 − 1, 2^27, 2^27 + 1) mod 2^28: the ±½ boundary of
        // the >> 28 rounding, where an off-by-one in any path's rounding shows.
        var table = SineTable.Values.ToArray();
        var indices = Enumerable.Range(0, SineTable.Size).Where(i => (table[i] & 1) != 0 && (table[(i + 16384) & 0xFFFF] & 1) != 0).Take(64).ToArray();
        Assert.Equal(64, indices.Length);
        const int h = 48;
        var q = new int[3 * h];
        var pre = new uint[h];
        for (int j = 0; j < h; j++)
        {
            int i = indices[j];
            pre[j] = (uint)i << 16;
            for (int o = 0; o < 3; o++)
            {
                int factor = (o + j) % 2 == 0 ? table[i] : table[(i + 16384) & 0xFFFF];
                long target = (1L << 27) - 1 + ((o + j) % 3);
                long wd = (long)(((ulong)target * InverseMod2To28(factor)) & ((1UL << 28) - 1));
                q[(o * h) + j] = (int)(j % 4 == 0 ? wd - (1L << 28) : wd);
            }
        }

        var layer = new OutputLayer(
            new QuantizedTensor(TensorRole.OutputWeight, 0, 3, h, 1, q),
            new QuantizedTensor(TensorRole.OutputBias, 0, 1, 3, 1, [0, 0, 0]));
        int hp = layer.PaddedWidth;
        var expected = new int[3 * hp];
        for (int o = 0; o < 3; o++)
        {
            for (int j = 0; j < h; j++)
            {
                long wd = q[(o * h) + j];
                long a = Math.Clamp(((wd * SineTable.Sin(pre[j])) + (1L << 27)) >> 28, short.MinValue, short.MaxValue);
                long b = Math.Clamp(((wd * SineTable.Cos(pre[j])) + (1L << 27)) >> 28, short.MinValue, short.MaxValue);
                expected[(o * hp) + j] = PairDot.Pack((int)a, (int)b);
            }
        }

        foreach (var path in SimdSupport.Available)
        {
            var actual = new int[3 * hp];
            layer.Project(path, [.. pre, .. new uint[hp - h]], new int[hp], actual);
            for (int o = 0; o < 3; o++)
            {
                Assert.True(expected.AsSpan(o * hp, h).SequenceEqual(actual.AsSpan(o * hp, h)), $"{path} channel {o}");
            }
        }
    }

    [Theory]
    [InlineData(8, 524287, 0)]
    [InlineData(8, 524288, 1)]
    [InlineData(8, -1, 0)]
    [InlineData(8, (1 << 27), 128)]
    [InlineData(8, (1 << 28) - (1 << 19) - 1, 255)]
    [InlineData(8, (1 << 28) - 1, 255)]
    [InlineData(8, int.MaxValue, 255)]
    [InlineData(8, int.MinValue, 0)]
    [InlineData(10, 131071, 0)]
    [InlineData(10, 131072, 1)]
    [InlineData(16, 2047, 0)]
    [InlineData(16, 2048, 1)]
    public void SampleConversion_BoundaryValues_RoundHalfUpAndClamp(int bitDepth, int v, int expected)
    {
        // §11.5: a full-resolution sample and the chroma of a flat 2×1 or 2×2 block of the same v agree.
        Assert.Equal(expected, SampleConversion.Full(v, bitDepth));
        Assert.Equal(expected, SampleConversion.Pair(2L * v, bitDepth));
        Assert.Equal(expected, SampleConversion.Quad(4L * v, bitDepth));
    }

    [Fact]
    public void SampleConversionFullBlock_EveryBitDepthAndExtremes_EqualsFull()
    {
        var rng = new TestRandom(81);
        var values = new int[1024];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (i % 8) switch
            {
                0 => int.MaxValue - (i % 3),
                1 => int.MinValue + (i % 3),
                2 => (1 << rng.Next(8, 30)) + rng.Next(-2, 1),
                3 => rng.Next(-(1 << 20), 1 << 20),
                _ => rng.Next(-(1 << 27), 1 << 29),
            };
        }

        for (int d = 8; d <= 16; d++)
        {
            var samples = new ushort[values.Length];
            SampleConversion.FullBlock(values, samples, values.Length - 5, d);
            for (int i = 0; i < values.Length - 5; i++)
            {
                Assert.True(SampleConversion.Full(values[i], d) == samples[i], $"D={d} v={values[i]}: {SampleConversion.Full(values[i], d)} vs {samples[i]}");
            }
        }
    }

    [Fact]
    public void SampleConversion_UnevenBlockSums_RoundAtTheHalf()
    {
        // D = 8: 4:2:0 divides the sum by 2^22, 4:2:2 by 2^21, rounding half up.
        Assert.Equal(0, SampleConversion.Quad((1L << 21) - 1, 8));
        Assert.Equal(1, SampleConversion.Quad(1L << 21, 8));
        Assert.Equal(0, SampleConversion.Pair((1L << 20) - 1, 8));
        Assert.Equal(1, SampleConversion.Pair(1L << 20, 8));
        Assert.Equal(0, SampleConversion.Quad(-(1L << 21), 8));
    }

    private static ulong InverseMod2To28(int odd)
    {
        ulong s = (ulong)(long)odd;
        ulong x = s;
        for (int i = 0; i < 5; i++)
        {
            x *= 2 - (s * x);
        }

        Assert.Equal(1UL, (s * x) & ((1UL << 28) - 1));
        return x;
    }

    [Fact]
    public void OutputLayer_WeightOfTwoToThe31_IsRejected()
    {
        var weight = new QuantizedTensor(TensorRole.OutputWeight, 0, 1, 1, 2, [1 << 30]);
        var bias = new QuantizedTensor(TensorRole.OutputBias, 0, 1, 1, 1, [0]);
        Assert.Throws<InvalidDataException>(() => new OutputLayer(weight, bias));
    }

    private static int Extreme16(TestRandom rng) => rng.Next(0, 7) switch
    {
        0 => short.MinValue,
        1 => short.MaxValue,
        _ => rng.Next(short.MinValue, short.MaxValue),
    };

    private static int Sine(TestRandom rng) => rng.Next(0, 5) switch
    {
        0 => -16384,
        1 => 16384,
        _ => rng.Next(-16384, 16384),
    };
}
