using System.Security.Cryptography;
using Asmr.Decoder.Inference;
using Asmr.Decoder.Video;

namespace Asmr.Decoder.Tests.Inference;

/// <summary>Frame comparison and hashing helpers for the decoder tests.</summary>
internal static class FrameAssert
{
    /// <summary>Asserts two frame lists are sample-for-sample identical, naming the first difference.</summary>
    public static void Equal(IReadOnlyList<VideoFrame> expected, IReadOnlyList<VideoFrame> actual, string context)
    {
        Assert.True(expected.Count == actual.Count, $"{context}: {expected.Count} frames expected, got {actual.Count}.");
        for (int f = 0; f < expected.Count; f++)
        {
            var e = expected[f];
            var a = actual[f];
            Assert.True(e.Width == a.Width && e.Height == a.Height && e.PlaneCount == a.PlaneCount, $"{context}: frame {f} shape differs.");
            for (int p = 0; p < e.PlaneCount; p++)
            {
                int i = e.Planes[p].AsSpan().CommonPrefixLength(a.Planes[p]);
                if (i < e.Planes[p].Length)
                {
                    int w = e.PlaneWidth(p);
                    Assert.Fail($"{context}: frame {f} plane {p} ({i % w}, {i / w}): expected {e.Planes[p][i]}, got {a.Planes[p][i]}.");
                }
            }
        }
    }

    /// <summary>Cuts a crop out of a full frame (chroma: the matching part of the subsampled planes).</summary>
    public static VideoFrame Cut(VideoFrame full, CropRectangle crop)
    {
        var cut = new VideoFrame(crop.Width, crop.Height, full.Chroma, full.BitDepth);
        for (int p = 0; p < full.PlaneCount; p++)
        {
            int sx = full.PlaneWidth(p) == full.Width ? 1 : 2;
            int sy = full.PlaneHeight(p) == full.Height ? 1 : 2;
            for (int y = 0; y < cut.PlaneHeight(p); y++)
            {
                full.Row(p, (crop.Y / sy) + y).Slice(crop.X / sx, cut.PlaneWidth(p)).CopyTo(cut.Row(p, y));
            }
        }

        return cut;
    }

    /// <summary>SHA-256 as spec §12 defines it: frames in order, planes in order, rows top to bottom, u8 or u16 LE samples.</summary>
    public static string Sha256(IEnumerable<VideoFrame> frames)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var frame in frames)
        {
            foreach (var plane in frame.Planes)
            {
                var bytes = frame.BitDepth == 8 ? new byte[plane.Length] : new byte[plane.Length * 2];
                for (int i = 0; i < plane.Length; i++)
                {
                    if (frame.BitDepth == 8)
                    {
                        bytes[i] = (byte)plane[i];
                    }
                    else
                    {
                        bytes[2 * i] = (byte)plane[i];
                        bytes[(2 * i) + 1] = (byte)(plane[i] >> 8);
                    }
                }

                sha.AppendData(bytes);
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
