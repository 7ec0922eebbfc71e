using System.Security.Cryptography;
using Asmr.Decoder.Video;

namespace Asmr.Conformance.Hashing;

/// <summary>
/// The decoded-output hash of spec §12: per frame, planes in order (Y, Cb, Cr; or G, B, R; or Y alone), each
/// plane's visible samples only, rows top to bottom, one byte per sample when the bit depth is 8 and two bytes
/// little-endian otherwise. The frame hash is SHA-256 of one frame's bytes; the stream hash is SHA-256 of the
/// concatenation of every frame's bytes in display order.
/// </summary>
internal sealed class DecodedOutputHasher : IDisposable
{
    private readonly IncrementalHash _stream = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly List<string> _frameHashes = [];
    private bool _finished;

    /// <summary>The frame hashes added so far, lowercase hex.</summary>
    public IReadOnlyList<string> FrameHashes => _frameHashes;

    /// <summary>Adds the next frame in display order; returns its hash (lowercase hex).</summary>
    public string AddFrame(VideoFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ObjectDisposedException.ThrowIf(_finished, this);
        byte[] bytes = FrameBytes(frame);
        _stream.AppendData(bytes);
        string hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        _frameHashes.Add(hash);
        return hash;
    }

    /// <summary>The stream hash over every frame added (lowercase hex). The hasher cannot be used afterwards.</summary>
    public string Finish()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;
        return Convert.ToHexStringLower(_stream.GetHashAndReset());
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>The bytes §12 hashes for one frame.</summary>
    public static byte[] FrameBytes(VideoFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        int bytesPerSample = frame.BitDepth == 8 ? 1 : 2;
        long total = 0;
        for (int p = 0; p < frame.PlaneCount; p++)
        {
            total += (long)frame.PlaneWidth(p) * frame.PlaneHeight(p) * bytesPerSample;
        }

        byte[] bytes = new byte[total];
        int at = 0;
        for (int p = 0; p < frame.PlaneCount; p++)
        {
            for (int y = 0; y < frame.PlaneHeight(p); y++)
            {
                foreach (ushort sample in frame.Row(p, y))
                {
                    if (bytesPerSample == 1)
                    {
                        bytes[at++] = (byte)sample;
                    }
                    else
                    {
                        bytes[at++] = (byte)sample;
                        bytes[at++] = (byte)(sample >> 8);
                    }
                }
            }
        }

        return bytes;
    }
}
