using System.CommandLine;
using Asmr.Cli.Errors;
using Asmr.Cli.Hosting;
using Asmr.Cli.IO;
using Asmr.Decoder.Inference;
using Asmr.Decoder.Files;
using Asmr.Media.IO;
using Asmr.Media.Playback;

namespace Asmr.Cli.Commands.Play;

/// <summary>The behaviour of <c>asmrc play</c>.</summary>
internal static class PlayCommand
{
    public static async Task<int> ExecuteAsync(ParseResult parseResult, PlayCommandDefinition definition, CommandContext context, CancellationToken cancellationToken)
    {
        var request = FromParseResult(parseResult, definition, context.Settings);
        FileChecks.RequireInputFile(request.Input);
        if (!request.Window && !context.Console.OutputIsTerminal)
        {
            throw new UsageException(
                "play draws in the terminal, but stdout is not a terminal.",
                hint: $"use --window for an ffplay window, or pipe y4m: asmrc decode {request.Input} - | ffplay -");
        }

        await RunAsync(request, context.Console, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    public static PlayRequest FromParseResult(ParseResult parseResult, PlayCommandDefinition definition, GlobalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(settings);
        return new PlayRequest(
            parseResult.GetRequiredValue(definition.Input),
            parseResult.GetValue(definition.Window),
            parseResult.GetValue(definition.Loop),
            settings.EffectiveThreads);
    }

    /// <summary>
    /// Plays the file: in the terminal with half-block truecolor frames at the stream's rate (space pauses, ←/→
    /// seek, q quits), or with <see cref="PlayRequest.Window"/> in an ffplay window fed with y4m.
    /// </summary>
    internal static async Task RunAsync(PlayRequest request, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        cancellationToken.ThrowIfCancellationRequested();
        using var decoder = AsmrFileDecoder.Open(request.Input, new DecoderOptions { Threads = request.Threads });
        if (request.Window)
        {
            await PlayInWindowAsync(request, decoder, cancellationToken).ConfigureAwait(false);
            return;
        }

        var player = new TerminalPlayer(new AsmrFrameProvider(decoder), console.Out, new ConsoleKeySource(), TerminalSize);
        var stats = player.Play(request.Loop, cancellationToken);
        console.Error.WriteLine(
            $"asmrc: played {stats.FramesShown} frames ({stats.FramesDropped} dropped), mean decode {stats.MeanDecodeMilliseconds:0.0} ms/frame");
    }

    private static async Task PlayInWindowAsync(PlayRequest request, AsmrFileDecoder decoder, CancellationToken cancellationToken)
    {
        if (!PlaybackEnvironment.HasDisplay())
        {
            throw new UsageException(
                "--window needs a graphical display, and neither DISPLAY nor WAYLAND_DISPLAY is set.",
                hint: $"play in a terminal (asmrc play {request.Input}) or decode to a file (asmrc decode {request.Input} out.mp4)");
        }

        string ffplay = MediaTools.Locate("ffplay", folder: null);
        var header = decoder.Header;
        await WindowPlayer.PlayAsync(ffplay, $"asmrc: {Path.GetFileName(request.Input)}", (stream, ct) =>
        {
            using var writer = new Y4mWriter(stream, header, leaveOpen: true);
            do
            {
                foreach (var frame in decoder.DecodeFrames(0, header.FrameCount, null, ct))
                {
                    writer.WriteFrame(frame, ct);
                }
            }
            while (request.Loop && !ct.IsCancellationRequested);

            writer.Complete(ct);
            return Task.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static (int Columns, int Rows) TerminalSize()
    {
        try
        {
            return (Math.Max(1, Console.WindowWidth), Math.Max(2, Console.WindowHeight));
        }
        catch (IOException)
        {
            return (80, 24);
        }
    }
}
