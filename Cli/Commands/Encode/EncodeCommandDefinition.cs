using System.CommandLine;
using Asmr.Cli.Parsing;
using Asmr.Codec;

namespace Asmr.Cli.Commands.Encode;

/// <summary>The shape of <c>asmrc encode</c>: arguments, options and their validation; no behaviour.</summary>
internal sealed class EncodeCommandDefinition : Command
{
    /// <summary>The accepted <c>--quality</c> range, in dB PSNR.</summary>
    public const double MinQualityDb = 10;

    /// <inheritdoc cref="MinQualityDb"/>
    public const double MaxQualityDb = 80;

    public EncodeCommandDefinition()
        : base("encode", "Fit a video with ASMR coordinate networks and write an .asmr file.")
    {
        Arguments.Add(Input);
        Arguments.Add(Output);
        Options.Add(Preset);
        Options.Add(Motion);
        Options.Add(Quality);
        Options.Add(Size);
        Options.Add(Bitrate);
        Options.Add(Seed);
        Options.Add(Steps);
        Options.Add(Frames);
        Options.Add(Start);
        Options.Add(SegmentLength);
        Options.Add(Plan);
        Options.Add(Json);
        Options.Add(Shard);
        Options.Add(Resume);
        Options.Add(WorkDir);

        Validators.Add(result =>
        {
            if (result.GetResult(Size) is { Implicit: false } && result.GetResult(Bitrate) is { Implicit: false })
            {
                result.AddError("--size and --bitrate are mutually exclusive; give one size target.");
            }

            bool plan = result.GetResult(Plan) is { Implicit: false };
            if (!plan && result.GetResult(Output) is null or { Tokens.Count: 0 })
            {
                result.AddError("Required argument missing for command: 'encode': OUT (only --plan runs without one).");
            }

            if (result.GetResult(Json) is { Implicit: false } && !plan)
            {
                result.AddError("--json goes with --plan (the plan as JSON); an encode writes its report as text.");
            }

            if (result.GetResult(Quality) is { Implicit: false } && (result.GetResult(Size) is { Implicit: false } || result.GetResult(Bitrate) is { Implicit: false }))
            {
                result.AddError("--quality and --size/--bitrate are mutually exclusive; give a quality target or a size target.");
            }
        });
    }

    public Argument<string> Input { get; } = new("IN")
    {
        Description = "The video to encode: anything ffmpeg reads, a .y4m file, or - for y4m on stdin.",
    };

    public Argument<string> Output { get; } = new("OUT")
    {
        Description = "The .asmr file to write (checked for room on its file system before training), or - for stdout (not a terminal); with --shard, the part file.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<int?> SegmentLength { get; } = new("--segment-length")
    {
        Description = "Frames per segment (default 32): the video is cut into segments of about this length, each fitted by its own network.",
        HelpName = "N",
        CustomParser = NumberParsers.NullableInt("--segment-length", 1, 65536),
    };

    public Option<bool> Plan { get; } = new("--plan")
    {
        Description = "Print the segment plan (segments, their frames, how many shards make sense) and stop: no training, no output file.",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "With --plan: print the plan as JSON on stdout.",
    };

    public Option<ShardSpec?> Shard { get; } = new("--shard")
    {
        Description = "Encode only shard K of N (contiguous segments, N at most the plan's segments) into the part file OUT; join the parts with asmrc merge.",
        HelpName = "K/N",
        CustomParser = ShardSpec.Parse,
    };

    public Option<bool> Resume { get; } = new("--resume")
    {
        Description = "Go on with an interrupted encode: reuse the finished segments in the work folder (intact ones of this source and these settings; others are redone) and encode the rest. Without a work folder it just encodes.",
    };

    public Option<string> WorkDir { get; } = new("--work-dir")
    {
        Description = "Where finished segments are kept until the file is written, for --resume (default: OUT.parts next to OUT, used when the video has several segments); removed after success.",
        HelpName = "DIR",
        CustomParser = RepeatedOptions.LastToken,
    };

    public Option<string> Preset { get; } = CreatePreset();

    public Option<string> Motion { get; } = CreateMotion();

    public Option<double?> Quality { get; } = new("--quality")
    {
        Description = "Target quality as RGB PSNR in dB (Y PSNR for grey video), e.g. 30: the encoder stops fitting once it is reached and quantizes as coarsely as the target allows, instead of aiming at a size.",
        HelpName = "DB",
        CustomParser = NumberParsers.NullableDouble("--quality", MinQualityDb, MaxQualityDb, " (a PSNR target in dB)"),
    };

    public Option<long?> Size { get; } = new("--size")
    {
        Description = "Target file size in bytes; suffixes k, M, G (x1000) and Ki, Mi (x1024), e.g. 20k, 1.5M.",
        HelpName = "BYTES",
        CustomParser = result => ParseQuantity(result, Quantity.TryParseBytes),
    };

    public Option<long?> Bitrate { get; } = new("--bitrate")
    {
        Description = "Target bitrate in bits per second (sets the size from the duration), e.g. 500k, 1.5M.",
        HelpName = "RATE",
        CustomParser = result => ParseQuantity(result, Quantity.TryParseBitsPerSecond),
    };

    public Option<int> Seed { get; } = new("--seed")
    {
        Description = "Random seed for network initialisation; same build, seed and --threads give the same file.",
        HelpName = "N",
        DefaultValueFactory = _ => (int)EncoderSettings.DefaultSeed,
        CustomParser = NumberParsers.Int("--seed", 0, int.MaxValue),
    };

    public Option<int?> Steps { get; } = new("--steps")
    {
        Description = "Training steps per segment, overriding the preset's (fast 1600, medium 10900, slow 21800).",
        HelpName = "N",
        CustomParser = NumberParsers.NullableInt("--steps", 1, 1_000_000),
    };

    public Option<FrameOrTime?> Frames { get; } = new("--frames")
    {
        Description = "Encode at most N frames, or a duration as ffmpeg's -t takes it (2.5s, 00:01:02.5; rounded up to whole frames).",
        HelpName = "N|TIME",
        CustomParser = FrameOrTime.Parser("--frames", 1),
    };

    public Option<FrameOrTime?> Start { get; } = new("--start")
    {
        Description = "Skip the first K frames of the input, or a time as ffmpeg's -ss takes it (2.5s, 1:02.5: from the first frame at or after it).",
        HelpName = "K|TIME",
        CustomParser = FrameOrTime.Parser("--start", 0),
    };

    private static Option<string> CreatePreset()
    {
        var option = new Option<string>("--preset")
        {
            Description = "Speed against quality: fast trains 1600 steps with 4x4-pixel last-level blocks; medium 10900 and slow 21800 steps with 2x2 blocks and context-coded latents, the coarser grid interpolated onto the finer one's cells and an output filter fitted to the decoded frames, records with compact headers (format 7; see --motion); at low rates the grids are coarser, with smaller context models. Each step fits a random part of the picture cells (half for fast, a quarter otherwise).",
            DefaultValueFactory = _ => EncoderSettings.DefaultPreset.ToString().ToLowerInvariant(),
            CustomParser = RepeatedOptions.LastToken,
        };
        option.AcceptOnlyFromAmong("fast", "medium", "slow");
        return option;
    }

    private static Option<string> CreateMotion()
    {
        var option = new Option<string>("--motion")
        {
            Description = "auto (default): medium and slow search each segment's motion and, where it pays, code a motion field that moves each decoded frame (format 4; readers of version 3 cannot open such a file); off: never (fast never does).",
            DefaultValueFactory = _ => "auto",
            CustomParser = RepeatedOptions.LastToken,
        };
        option.AcceptOnlyFromAmong("auto", "off");
        return option;
    }

    private static long? ParseQuantity(System.CommandLine.Parsing.ArgumentResult result, QuantityParser parse)
    {
        string text = RepeatedOptions.LastToken(result);
        if (parse(text, out long value, out string error))
        {
            return value;
        }

        result.AddError(error);
        return null;
    }
}
