using System.Security.Cryptography;
using Asmr.Container;

namespace Asmr.Conformance.Tests.Reference;

/// <summary>
/// Decodes a whole .asmr file with the spec-literal pieces (the container through asmrc's reader, whose own
/// tests cover FORMAT.md §1–9; the model and samples through <see cref="SpecModelParser"/> and
/// <see cref="SpecDecoder"/>, the frames as shown, §11.8, and filtered, §11.9) and hashes the output as spec §12 says, written out
/// independently.
/// </summary>
internal static class SpecFileDecoder
{
    public static (IReadOnlyList<string> Frames, string Stream) Hash(string path)
    {
        using var reader = AsmrReader.Open(path);
        var sequence = reader.SequenceHeader;
        var frameHashes = new List<string>();
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in reader.Segments)
        {
            var model = SpecModelParser.Parse(reader.ReadSegmentModel(entry.Index).ToArray(), reader.Header.MinReaderVersion, sequence.Width, sequence.Height);
            var frames = new SpecDecoder(model).DecodeFrames(sequence.Width, sequence.Height, (int)sequence.ChromaFormat, sequence.BitDepth);
            foreach (int[][] frame in frames)
            {
                // §12: planes in order; rows top to bottom (already so); u8 when D = 8, else u16 little-endian.
                var bytes = new List<byte>();
                foreach (int[] plane in frame)
                {
                    foreach (int sample in plane)
                    {
                        bytes.Add((byte)(sample & 0xFF));
                        if (sequence.BitDepth > 8)
                        {
                            bytes.Add((byte)(sample >> 8));
                        }
                    }
                }

                byte[] array = [.. bytes];
                all.AppendData(array);
                frameHashes.Add(Convert.ToHexStringLower(SHA256.HashData(array)));
            }
        }

        return (frameHashes, Convert.ToHexStringLower(all.GetHashAndReset()));
    }
}
