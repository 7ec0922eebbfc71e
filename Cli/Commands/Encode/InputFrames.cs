using Asmr.Cli.Errors;
using Asmr.Decoder.Video;

namespace Asmr.Cli.Commands.Encode;

/// <summary>
/// The frames of the video to encode, with a malformed frame (a truncated one, samples above the bit depth)
/// reported as an input error (exit 2) naming the user's input. Readers throw <see cref="InvalidDataException"/>,
/// which elsewhere means a corrupt .asmr (exit 3).
/// </summary>
internal static class InputFrames
{
    /// <param name="frames">The reader's frames.</param>
    /// <param name="inputName">The input as the user gave it ("-" for stdin).</param>
    public static IEnumerable<VideoFrame> Of(IEnumerable<VideoFrame> frames, string inputName)
    {
        using var frame = frames.GetEnumerator();
        while (Next(frame, inputName))
        {
            yield return frame.Current;
        }
    }

    // Apart from Of because C# allows no yield inside a try with a catch.
    private static bool Next(IEnumerator<VideoFrame> frames, string inputName)
    {
        try
        {
            return frames.MoveNext();
        }
        catch (InvalidDataException e)
        {
            string name = inputName == "-" ? "stdin" : $"'{inputName}'";
            throw new InputException($"{name}: {e.Message}", innerException: e);
        }
    }
}
