namespace Asmr.Container.Model;

/// <summary>
/// What the rest of the file says a segment's model payload must agree with (spec §10.1): the frames of its segment
/// index entry and the sequence header's size and chroma format.
/// </summary>
internal sealed class ModelPayloadExpectations
{
    /// <param name="firstFrame">The segment index entry's first_frame.</param>
    /// <param name="frameCount">The segment index entry's frame_count (≥ 1).</param>
    /// <param name="sequenceWidth">The sequence width in luma samples.</param>
    /// <param name="sequenceHeight">The sequence height in luma samples.</param>
    /// <param name="chroma">The sequence chroma format.</param>
    /// <param name="outputChannels">
    /// The output channel count O the model must have; null derives it from <paramref name="chroma"/> (1 for 4:0:0,
    /// else 3). A value that disagrees with the chroma format is an argument error.
    /// </param>
    public ModelPayloadExpectations(int firstFrame, int frameCount, int sequenceWidth, int sequenceHeight, ChromaFormat chroma, int? outputChannels = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstFrame);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequenceWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequenceHeight);
        if (!Enum.IsDefined(chroma))
        {
            throw new ArgumentOutOfRangeException(nameof(chroma), chroma, "Unknown chroma format.");
        }

        int derived = chroma == ChromaFormat.Mono400 ? 1 : 3;
        if (outputChannels is { } o && o != derived)
        {
            throw new ArgumentException($"A {chroma} sequence has {derived} output channel(s), not {o}.", nameof(outputChannels));
        }

        FirstFrame = firstFrame;
        FrameCount = frameCount;
        SequenceWidth = sequenceWidth;
        SequenceHeight = sequenceHeight;
        Chroma = chroma;
        OutputChannels = derived;
    }

    public int FirstFrame { get; }

    /// <summary>
    /// The file header's min_reader_version: a model_version 2 payload is corrupt in a file that says version 1
    /// readers can read it (FORMAT.md §9). Callers that check a payload on its own leave the default.
    /// </summary>
    public int FileMinReaderVersion { get; init; } = FormatConstants.ReaderVersion;

    public int FrameCount { get; }

    public int SequenceWidth { get; }

    public int SequenceHeight { get; }

    public ChromaFormat Chroma { get; }

    /// <summary>O: 1 for 4:0:0, else 3.</summary>
    public int OutputChannels { get; }

    /// <summary>width_c: the width rounded up to a multiple of the horizontal chroma subsampling factor.</summary>
    public int CodedWidth => Chroma.CodedWidth(SequenceWidth);

    /// <summary>height_c: the height rounded up to a multiple of the vertical chroma subsampling factor.</summary>
    public int CodedHeight => Chroma.CodedHeight(SequenceHeight);
}
