using System.Buffers.Binary;

namespace Asmr.Conformance.Tests.Reference;

/// <summary>
/// Parses a model payload following spec §10.1–§10.4 literally (little-endian fields, tensor records in the order
/// of §10.3, raw zig-zag LEB128 or §10.5 adaptive data). Only the checks a straightforward reader needs to stay
/// correct on valid input are made; the product reader's validation is tested elsewhere.
/// </summary>
internal static class SpecModelParser
{
    public static SpecModel Parse(byte[] p)
    {
        int at = 0;
        int U16() { int v = BinaryPrimitives.ReadUInt16LittleEndian(p.AsSpan(at)); at += 2; return v; }
        uint U32() { uint v = BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(at)); at += 4; return v; }
        int U8() => p[at++];

        if (U16() != 1)
        {
            throw new InvalidDataException("model_version");
        }

        int firstFrame = (int)U32();
        int frameCount = (int)U32();
        int levels = U8();
        int outputs = U8();
        int width = U16();
        _ = U16();
        int[][] bases = new int[3][];
        for (int a = 0; a < 3; a++)
        {
            bases[a] = new int[levels];
            for (int l = 0; l < levels; l++)
            {
                bases[a][l] = U16();
            }
        }

        int[] kinds = new int[levels];
        for (int l = 0; l < levels; l++)
        {
            kinds[l] = U8();
        }

        int count = U16();
        var tensors = new List<SpecTensor>();
        for (int i = 0; i < count; i++)
        {
            int role = U8();
            int level = U8();
            int rows = (int)U32();
            int columns = (int)U32();
            uint mu = U32();
            int coding = U8();
            int length = (int)U32();
            byte[] data = p.AsSpan(at, length).ToArray();
            at += length;
            int[] q = coding == 0 ? DecodeRaw(data, rows * columns) : SpecRangeDecoder.DecodeAll(data, rows * columns);
            tensors.Add(new SpecTensor(role, level, rows, columns, mu, coding, q));
        }

        if (at != p.Length)
        {
            throw new InvalidDataException("bytes after the last tensor record");
        }

        return new SpecModel(firstFrame, frameCount, levels, outputs, width, bases, kinds, tensors);
    }

    /// <summary>§10.4: unsigned LEB128 z, then q = z/2 for even z and −(z+1)/2 for odd z.</summary>
    private static int[] DecodeRaw(byte[] data, int count)
    {
        int[] q = new int[count];
        int at = 0;
        for (int i = 0; i < count; i++)
        {
            ulong z = 0;
            int shift = 0;
            while (true)
            {
                byte b = data[at++];
                z |= (ulong)(b & 0x7F) << shift;
                shift += 7;
                if ((b & 0x80) == 0)
                {
                    break;
                }
            }

            q[i] = (z & 1) == 0 ? (int)(uint)(z >> 1) : (int)~(uint)(z >> 1);
        }

        if (at != data.Length)
        {
            throw new InvalidDataException("raw data has unused bytes");
        }

        return q;
    }
}
