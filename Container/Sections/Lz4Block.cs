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
        int decoded = BreaksMatchRules(block, expected) ? -1 : LZ4Codec.Decode(block, target);
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
    /// Whether a match of the block breaks a rule of §6.5 that LZ4Codec.Decode does not always enforce: offset 0
    /// (accepted by it; the match then copies whatever the decoder's output buffer held, so the result would depend on
    /// the implementation), or a match that starts in the last 12 bytes of the output or ends in its last 5 (its fast
    /// path skips these checks for short sequences far from the end of the block). Reads only the sequences' framing;
    /// a block whose framing is broken otherwise is left to LZ4Codec.Decode to reject.
    /// </summary>
    private static bool BreaksMatchRules(ReadOnlySpan<byte> block, long uncompressedLength)
    {
        int i = 0;
        long output = 0;
        while (i < block.Length)
        {
            int token = block[i++];
            long literals = Length(block, ref i, token >> 4);

            i = (int)Math.Min(block.Length, i + literals);
            output += literals;
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
            long match = Length(block, ref i, token & 15) + 4;

            if (output > uncompressedLength - 12 || output + match > uncompressedLength - 5)
            {
                return true;
            }

            output += match;
        }

        return false;
    }

    /// <summary>A token's 4-bit length <paramref name="nibble"/>, extended (at 15) by the bytes that follow up to the first below 255.</summary>
    private static long Length(ReadOnlySpan<byte> block, ref int i, int nibble)
    {
        long length = nibble;
        if (nibble == 15)
        {
            while (i < block.Length)
            {
                byte more = block[i++];
                length += more;
                if (more != 255)
                {
                    break;
                }
            }
        }

        return length;
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
