using System.Security.Cryptography;
using Asmr.Conformance.Hashing;
using Asmr.Container;
using Asmr.Decoder.Video;

namespace Asmr.Conformance.Tests;

/// <summary>The bytes that spec §12 hashes, on frames small enough to write out by hand.</summary>
public class DecodedOutputHashTests
{
    [Fact]
    public void EightBitFrame_IsOneBytePerSamplePlanesInOrderRowsTopToBottom()
    {
        // 3×2 4:2:0: Y 3×2, Cb 2×1, Cr 2×1.
        var frame = new VideoFrame(3, 2, ChromaFormat.Yuv420, 8);
        ushort[] p0 = [1, 2, 3, 4, 5, 6];
        p0.CopyTo(frame.Planes[0], 0);
        ushort[] p1 = [7, 8];
        p1.CopyTo(frame.Planes[1], 0);
        ushort[] p2 = [9, 255];
        p2.CopyTo(frame.Planes[2], 0);

        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 255 }, DecodedOutputHasher.FrameBytes(frame));
    }

    [Fact]
    public void TenBitFrame_IsTwoBytesLittleEndianPerSample()
    {
        var frame = new VideoFrame(2, 1, ChromaFormat.Mono400, 10);
        ushort[] p0 = [0x0123, 0x03FF];
        p0.CopyTo(frame.Planes[0], 0);

        Assert.Equal(new byte[] { 0x23, 0x01, 0xFF, 0x03 }, DecodedOutputHasher.FrameBytes(frame));
    }

    [Fact]
    public void StreamHash_IsHashOfConcatenatedFramesAndFrameHashesAreSeparate()
    {
        var a = new VideoFrame(1, 1, ChromaFormat.Yuv444, 8);
        a.Planes[0][0] = 10;
        var b = new VideoFrame(1, 1, ChromaFormat.Yuv444, 8);
        b.Planes[2][0] = 20;
        using var hasher = new DecodedOutputHasher();

        string ha = hasher.AddFrame(a);
        string hb = hasher.AddFrame(b);
        string stream = hasher.Finish();

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(new byte[] { 10, 0, 0 })), ha);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(new byte[] { 0, 0, 20 })), hb);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(new byte[] { 10, 0, 0, 0, 0, 20 })), stream);
    }

    [Fact]
    public void EmptyInput_HashesToSha256OfNothing()
    {
        // The §12 worked numbers for tools that check their SHA-256 wiring: SHA-256 of zero bytes.
        using var hasher = new DecodedOutputHasher();

        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hasher.Finish());
    }
}
