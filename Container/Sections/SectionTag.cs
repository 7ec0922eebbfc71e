using System.Buffers.Binary;
using System.Text;

namespace Asmr.Container;

/// <summary>
/// A four-letter section tag (FORMAT.md §6.2). Each byte is an ASCII letter; an uppercase first letter marks the
/// section critical, a lowercase one ancillary.
/// </summary>
internal readonly record struct SectionTag
{
    private readonly uint _value;

    private SectionTag(uint value) => _value = value;

    /// <summary>Sequence header.</summary>
    public static SectionTag SequenceHeader { get; } = Parse("SEQH");

    /// <summary>Segment index.</summary>
    public static SectionTag SegmentIndex { get; } = Parse("SEGI");

    /// <summary>Model of one segment.</summary>
    public static SectionTag Model { get; } = Parse("MODL");

    /// <summary>Metadata.</summary>
    public static SectionTag Metadata { get; } = Parse("meta");

    /// <summary>The part description of a part file (FORMAT.md §13).</summary>
    public static SectionTag Part { get; } = Parse("PART");

    /// <summary>True when every byte is an ASCII letter.</summary>
    public bool IsValid
    {
        get
        {
            for (int i = 0; i < 4; i++)
            {
                if (!IsLetter((byte)(_value >> (8 * i))))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>True when the first letter is uppercase (bit 5 of the first byte clear).</summary>
    public bool IsCritical => (_value & 0x20) == 0;

    /// <summary>True for the tags format version 1 defines.</summary>
    public bool IsKnown => this == SequenceHeader || this == SegmentIndex || this == Model || this == Metadata || this == Part;

    /// <summary>Reads a tag from its four stored bytes.</summary>
    public static SectionTag FromBytes(ReadOnlySpan<byte> bytes) => new(BinaryPrimitives.ReadUInt32LittleEndian(bytes));

    /// <summary>Parses a four-letter tag; throws <see cref="ArgumentException"/> for anything else.</summary>
    public static SectionTag Parse(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (!TryParse(tag, out SectionTag result))
        {
            throw new ArgumentException($"A section tag is four ASCII letters; '{tag}' is not.", nameof(tag));
        }

        return result;
    }

    /// <summary>Parses a four-letter tag.</summary>
    public static bool TryParse(string? tag, out SectionTag result)
    {
        result = default;
        if (tag is null || tag.Length != 4)
        {
            return false;
        }

        uint value = 0;
        for (int i = 0; i < 4; i++)
        {
            char c = tag[i];
            if (c > 0x7F || !IsLetter((byte)c))
            {
                return false;
            }

            value |= (uint)c << (8 * i);
        }

        result = new SectionTag(value);
        return true;
    }

    /// <summary>Writes the four stored bytes.</summary>
    public void WriteTo(Span<byte> destination) => BinaryPrimitives.WriteUInt32LittleEndian(destination, _value);

    /// <summary>The tag as text; bytes that are not letters appear as \xNN.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(16);
        for (int i = 0; i < 4; i++)
        {
            byte b = (byte)(_value >> (8 * i));
            if (IsLetter(b))
            {
                text.Append((char)b);
            }
            else
            {
                text.Append("\\x").Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private static bool IsLetter(byte b) => b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z');
}
