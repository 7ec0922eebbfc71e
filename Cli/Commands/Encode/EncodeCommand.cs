using System.CommandLine;
using Asmr.Cli.Errors;
using Asmr.Cli.Hosting;
using Asmr.Cli.IO;
using Asmr.Cli.Parsing;
using Asmr.Cli.Progress;
using Asmr.Codec;

namespace Asmr.Cli.Commands.Encode;

/// <summary>The behaviour of <c>asmrc encode</c>.</summary>
internal static class EncodeCommand
{
    /// <summary>Builds the request from the parse result, checks files, then runs <see cref="RunAsync"/>.</summary>
    public static async Task<int> ExecuteAsync(ParseResult parseResult, EncodeCommandDefinition definition, CommandContext context, CancellationToken cancellationToken)
    {
        var request = FromParseResult(parseResult, definition, context.Settings);
        if (request.Plan)
        {
            FileChecks.RequireInputFile(request.Input, allowStdin: true);
            using var quiet = context.CreateProgress();
            return new EncodeJob(request, context.Console, quiet).PrintPlan(cancellationToken);
        }

        if (request.Shard is not null && request.OutputIsStdout)
        {
            throw new UsageException("--shard writes a part file, which merge reads back by name; give OUT a file name, not -.");
        }

        if (request.Shard is not null && (request.Resume || request.WorkDir is not null))
        {
            throw new UsageException("--resume and --work-dir are for a whole encode; a shard is encoded whole again when it reruns (its part is replaced atomically).");
        }

        if (request.Resume && request.OutputIsStdout && request.WorkDir is null)
        {
            throw new UsageException("--resume with OUT - needs --work-dir DIR: the work folder is otherwise next to OUT.");
        }

        if (FileChecks.SameFile(request.Input, request.Output))
        {
            throw new UsageException($"Input and output are the same file ('{request.Output}').");
        }

        FileChecks.RequireInputFile(request.Input, allowStdin: true);
        if (request.OutputIsStdout && context.Settings.Progress == FileChecks.StandardStream)
        {
            throw new UsageException("--progress - and the output - would both use stdout; give --progress a file name.");
        }

        if (request.OutputIsStdout && context.Console.OutputIsTerminal)
        {
            throw new UsageException(
                "Refusing to write an .asmr file to a terminal.",
                hint: $"redirect it (asmrc encode {request.Input} - > out.asmr) or pipe it");
        }

        context.DeclareOutput(request.Output);
        FileChecks.RequireWritableOutput(request.Output, request.Overwrite);
        if (VideoFileNames.LooksLikeVideo(request.Output))
        {
            context.Inform($"warning: '{request.Output}' will hold an .asmr stream, not a {Path.GetExtension(request.Output).TrimStart('.').ToUpperInvariant()} video: players will not open it; name it {Path.ChangeExtension(Path.GetFileName(request.Output), ".asmr")}.");
        }

        using var progress = context.CreateProgress();
        return await RunAsync(request, context.Console, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads and resolves the options into an <see cref="EncodeRequest"/>.</summary>
    public static EncodeRequest FromParseResult(ParseResult parseResult, EncodeCommandDefinition definition, GlobalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(settings);
        return new EncodeRequest(
            parseResult.GetRequiredValue(definition.Input),
            parseResult.GetValue(definition.Output) ?? string.Empty,
            Enum.Parse<EncoderPreset>(parseResult.GetRequiredValue(definition.Preset), ignoreCase: true),
            parseResult.GetValue(definition.Quality),
            parseResult.GetValue(definition.Size),
            parseResult.GetValue(definition.Bitrate),
            parseResult.GetValue(definition.Seed),
            parseResult.GetValue(definition.Steps),
            parseResult.GetValue(definition.Frames),
            parseResult.GetValue(definition.Start) ?? FrameOrTime.FromFrames(0),
            settings.Overwrite,
            settings.EffectiveThreads,
            parseResult.GetValue(definition.SegmentLength),
            parseResult.GetValue(definition.Plan),
            parseResult.GetValue(definition.Json),
            parseResult.GetValue(definition.Shard),
            parseResult.GetValue(definition.Resume),
            parseResult.GetValue(definition.WorkDir),
            parseResult.GetValue(definition.Motion) != "off");
    }

    /// <summary>
    /// Encodes <see cref="EncodeRequest.Input"/> into <see cref="EncodeRequest.Output"/> (see <see cref="EncodeJob"/>):
    /// progress per segment, the file written atomically, and the measured size and quality reported at the end.
    /// Returns <see cref="ExitCodes.Success"/> or <see cref="ExitCodes.QualityShortfall"/>.
    /// </summary>
    internal static Task<int> RunAsync(EncodeRequest request, CliConsole console, IProgressReporter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(progress);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new EncodeJob(request, console, progress).Run(cancellationToken));
    }
}
