using System.CommandLine;
using Asmr.Cli.Parsing;

namespace Asmr.Cli.Commands.Decode;

/// <summary>The shape of <c>asmrc decode</c>: arguments, options and their validation; no behaviour.</summary>
internal sealed class DecodeCommandDefinition : Command
{
    public DecodeCommandDefinition()
        : base("decode", "Decode an .asmr file to y4m, a video file (mp4, mkv, mov, webm, avi: encoded by ffmpeg) or PNG frames.")
    {
        Arguments.Add(Input);
        Arguments.Add(Output);
        Options.Add(Frames);
        Options.Add(Crop);
        Options.Add(Codec);
        Options.Add(Crf);
    }

    public Argument<string> Input { get; } = new("IN")
    {
        Description = "The .asmr file to decode, or - to read it from stdin.",
    };

    public Argument<DecodeOutput> Output { get; } = new("OUT")
    {
        Description = "out.y4m; out.mp4, .mkv, .mov, .webm or .avi (encoded by ffmpeg); a PNG pattern such as frame_%04d.png; or - for y4m on stdout.",
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (DecodeOutput.TryParse(text, out var output, out string error))
            {
                return output;
            }

            result.AddError(error);
            return null;
        },
    };

    public Option<FrameRange?> Frames { get; } = new("--frames")
    {
        Description = "Decode frames a to b-1 (counted from 0); a: runs to the end, :b starts at 0.",
        HelpName = "a:b",
        CustomParser = result =>
        {
            string text = RepeatedOptions.LastToken(result);
            if (FrameRange.TryParse(text, out var range, out string error))
            {
                return range;
            }

            result.AddError(error);
            return null;
        },
    };

    public Option<CropRect?> Crop { get; } = new("--crop")
    {
        Description = "Decode only this rectangle: x,y,w,h in pixels from the top-left corner.",
        HelpName = "x,y,w,h",
        CustomParser = result =>
        {
            string text = RepeatedOptions.LastToken(result);
            if (CropRect.TryParse(text, out var crop, out string error))
            {
                return crop;
            }

            result.AddError(error);
            return null;
        },
    };

    public Option<string?> Codec { get; } = new("--codec")
    {
        Description = "The ffmpeg encoder for a video file (default: libvpx-vp9 for .webm, mpeg4 for .avi, libx264 otherwise), e.g. libx265, ffv1.",
        HelpName = "NAME",
        CustomParser = RepeatedOptions.LastToken,
    };

    public Option<int?> Crf { get; } = new("--crf")
    {
        Description = "The encoder's constant rate factor, lower is better (default: 18 for libx264, 20 libx265, 24 libvpx-vp9 and libaom-av1).",
        HelpName = "N",
        CustomParser = NumberParsers.NullableInt("--crf", 0, 63),
    };
}
