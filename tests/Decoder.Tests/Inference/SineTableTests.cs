using System.Security.Cryptography;
using Asmr.Decoder.Inference;

namespace Asmr.Decoder.Tests.Inference;

public class SineTableTests
{
    [Fact]
    public void Build_EveryEntry_IsFarFromARoundingTie()
    {
        // Spec §11.2: the nearest entry to a tie is i = 9494 (and its mirror images), 8.76·10^−7 away, so any
        // double evaluation accurate to well under 10^−7 yields the table.
        double nearest = double.MaxValue;
        int nearestIndex = -1;
        for (int i = 0; i < SineTable.Size; i++)
        {
            double x = Math.Abs(16384.0 * Math.Sin(2.0 * Math.PI * i / 65536.0));
            double distance = Math.Abs(x - Math.Floor(x) - 0.5);
            if (distance < nearest)
            {
                nearest = distance;
                nearestIndex = i;
            }
        }

        Assert.True(nearest > 5e-7, $"Entry {nearestIndex} is {nearest:E3} from a tie.");
        Assert.InRange(nearest, 8.7e-7, 8.8e-7);
        Assert.Contains(nearestIndex, new[] { 9494, 23274, 42262, 56042 });
    }

    [Fact]
    public void Values_AsLittleEndianInt16_HaveTheSpecHash()
    {
        var bytes = new byte[SineTable.Size * 2];
        for (int i = 0; i < SineTable.Size; i++)
        {
            short v = SineTable.Values[i];
            bytes[2 * i] = (byte)v;
            bytes[(2 * i) + 1] = (byte)(v >> 8);
        }

        Assert.Equal("31cb492c38b916d41235fe23d11cda71470217e50e4fc4c45732ab988b85d8e9", Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(SineTable.Sha256Hex, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public void Values_EqualAnIndependentBuild_AndSpanMinusOneToOne()
    {
        var independent = ReferenceDecoder.BuildTable();
        Assert.True(SineTable.Values.SequenceEqual(independent));
        Assert.Equal(16384, SineTable.Values[16384]);
        Assert.Equal(-16384, SineTable.Values[49152]);
        Assert.Equal(0, SineTable.Values[0]);
        Assert.Equal(0, SineTable.Values[32768]);
        Assert.Equal(12938, SineTable.Values[9494]);
    }

    [Fact]
    public void SinCos_AnyPhase_PacksSinLowAndCosHigh()
    {
        var rng = new TestRandom(3);
        for (int i = 0; i < 100_000; i++)
        {
            uint phase = i < 65536 ? ((uint)i << 16) + 0x7FFFu + (uint)(i & 1) : rng.NextUInt32();
            int packed = SineTable.SinCos(phase);
            Assert.Equal(SineTable.Sin(phase), (short)packed);
            Assert.Equal(SineTable.Cos(phase), packed >> 16);
        }
    }

    [Theory]
    [InlineData(0u, 0, 16384)]
    [InlineData(0x4000_0000u, 16384, 0)]
    [InlineData(0x8000_0000u, 0, -16384)]
    [InlineData(0xC000_0000u, -16384, 0)]
    [InlineData(0x0000_7FFFu, 0, 16384)]
    [InlineData(0x0000_8000u, 2, 16384)]
    [InlineData(0xFFFF_8000u, 0, 16384)]
    [InlineData(0xFFFF_7FFFu, -2, 16384)]
    public void SinCos_Phase_RoundsToNearestTableIndex(uint phase, int sin, int cos)
    {
        Assert.Equal(sin, SineTable.Sin(phase));
        Assert.Equal(cos, SineTable.Cos(phase));
    }
}
