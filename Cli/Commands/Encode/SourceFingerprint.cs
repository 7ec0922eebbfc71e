using System.Buffers.Binary;
using System.Security.Cryptography;
using Asmr.Decoder.Video;

namespace Asmr.Cli.Commands.Encode;

/// <summary>
/// SHA-256 of source frames as the encoder sees them (after --start/--frames): every sample of every plane, in frame
/// and plane order, as u16le. Parts of one video carry the same fingerprint whatever file or machine they were read from.
/// </summary>
internal sealed class SourceFingerprint : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] _buffer = [];

    public void Add(VideoFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        for (int p = 0; p < frame.PlaneCount; p++)
        {
            ushort[] plane = frame.Planes[p];
            if (_buffer.Length < plane.Length * 2)
            {
                _buffer = new byte[plane.Length * 2];
            }

            for (int i = 0; i < plane.Length; i++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(i * 2), plane[i]);
            }

            _hash.AppendData(_buffer, 0, plane.Length * 2);
        }
    }

    public byte[] Digest() => _hash.GetHashAndReset();

    public void Dispose() => _hash.Dispose();
}
