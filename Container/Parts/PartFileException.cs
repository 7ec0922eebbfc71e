namespace Asmr.Container;

/// <summary>
/// A part file (FORMAT.md §13) was given where a whole video is needed. It is not damaged and its versions may be
/// fine, but it holds only some segments: it is unsupported as a video, never to be decoded as one.
/// </summary>
public sealed class PartFileException : NotSupportedException
{
    public PartFileException()
        : base("this is a part file made by asmrc encode --shard (some segments of a video), not a whole video; join all the parts with asmrc merge")
    {
    }

    public PartFileException(string message)
        : base(message)
    {
    }

    public PartFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
