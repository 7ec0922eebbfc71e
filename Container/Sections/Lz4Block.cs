using K4os.Compression.LZ4;

namespace Asmr.Container;

/// <summary>LZ4 block compression of section payloads (FORMAT.md §6.4).</summary>
internal static class Lz4Block
{
    /// <summary>
    /// Decodes one LZ4 block that must expand to exactly <see cref="SectionHeader.UncompressedLength"/> bytes.
    /// The caller has bounded that length (§8.2) before this allocates it.
    /// </summary>
    public static byte[] Decode(ReadOnlySpan<byte> block, in SectionHeader header)
    {
        int expected = checked((int)header.UncompressedLength);
        byte[] target = new byte[expected];
        int decoded = HasZeroOffset(block) ? -1 : LZ4Codec.Decode(block, target);
        if (decoded < 0)
        {
            throw FormatErrors.Corrupt(
                $"{header.Tag}: the LZ4 payload at offset {FormatErrors.Hex(header.PayloadOffset)} is not a valid LZ4 block of uncompressed_length {expected}");
        }

        if (decoded != expected)
        {
            throw FormatErrors.Corrupt(
                $"{header.Tag}: the LZ4 payload at offset {FormatErrors.Hex(header.PayloadOffset)} decodes to {decoded} bytes, but uncompressed_length at offset {FormatErrors.Hex(header.Offset + 12)} says {expected}");
        }

        return target;
    }

    /// <summary>
    /// Whether a sequence of the block has match offset 0, which §6.5 forbids but LZ4Codec.Decode accepts (the match
    /// then copies whatever the decoder's output buffer held, so the result would depend on the implementation). Reads
    /// only the sequences' framing; a block whose framing is broken otherwise is left to LZ4Codec.Decode to reject.
    /// </summary>
    private static bool HasZeroOffset(ReadOnlySpan<byte> block)
    {
        int i = 0;
        while (i < block.Length)
        {
            int token = block[i++];
            long literals = token >> 4;
            if (literals == 15)
            {
                while (i < block.Length)
                {
                    byte more = block[i++];
                    literals += more;
                    if (more != 255)
                    {
                        break;
                    }
                }
            }

            i = (int)Math.Min(block.Length, i + literals);
            if (i >= block.Length)
            {
                return false; // the last sequence: literals only
            }

            if (i + 1 >= block.Length)
            {
                return false;
            }

            if (block[i] == 0 && block[i + 1] == 0)
            {
                return true;
            }

            i += 2;
            if ((token & 15) == 15)
            {
                while (i < block.Length && block[i++] == 255)
                {
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Compresses <paramref name="source"/> into one LZ4 block; false when that would not make it smaller
    /// (the writer then stores the payload uncompressed).
    /// </summary>
    public static bool TryEncode(ReadOnlySpan<byte> source, LZ4Level level, out byte[] block)
    {
        block = [];
        if (source.Length == 0)
        {
            return false;
        }

        byte[] buffer = new byte[LZ4Codec.MaximumOutputSize(source.Length)];
        int length = LZ4Codec.Encode(source, buffer, level);
        if (length <= 0 || length >= source.Length)
        {
            return false;
        }

        block = buffer.AsSpan(0, length).ToArray();
        return true;
    }
}
