using System.CommandLine;
using Asmr.Cli.Errors;
using Asmr.Cli.Hosting;
using Asmr.Cli.IO;
using Asmr.Cli.Parsing;
using Asmr.Cli.Progress;
using Asmr.Container;
using Asmr.Decoder.Inference;
using Asmr.Decoder.Files;
using Asmr.Media.IO;

namespace Asmr.Cli.Commands.Decode;

/// <summary>The behaviour of <c>asmrc decode</c>.</summary>
internal static class DecodeCommand
{
    public static async Task<int> ExecuteAsync(ParseResult parseResult, DecodeCommandDefinition definition, CommandContext context, CancellationToken cancellationToken)
    {
        var request = FromParseResult(parseResult, definition, context.Settings);
        if (FileChecks.SameFile(request.Input, request.Output.Path))
        {
            throw new UsageException($"Input and output are the same file ('{request.Input}').");
        }

        FileChecks.RequireInputFile(request.Input, allowStdin: true);
        if (request.Output.Kind == DecodeOutputKind.Y4mStdout && context.Settings.Progress == FileChecks.StandardStream)
        {
            throw new UsageException("--progress - and the output - would both use stdout; give --progress a file name.");
        }

        if ((request.Codec is not null || request.Crf is not null) && request.Output.Kind != DecodeOutputKind.FfmpegFile)
        {
            throw new UsageException(
                $"--codec and --crf set how ffmpeg encodes a video file ({string.Join(", ", DecodeOutput.FfmpegExtensions)}); '{request.Output.Path}' is not one.");
        }

        if (request.Output.Kind == DecodeOutputKind.Y4mStdout && context.Console.OutputIsTerminal)
        {
            throw new UsageException(
                "Refusing to write raw video to a terminal.",
                hint: $"pipe it (asmrc decode {request.Input} - | ffplay -) or redirect it (> out.y4m)");
        }

        context.DeclareOutput(request.Output.Path);
        FileChecks.RequireWritableOutput(request.Output.FileForFrame(request.Frames.Start + 1), request.Overwrite);

        // Progress goes to stderr, so it is safe even when the frames go to stdout.
        using var progress = context.CreateProgress();
        await RunAsync(request, context.Console, progress, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    public static DecodeRequest FromParseResult(ParseResult parseResult, DecodeCommandDefinition definition, GlobalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(settings);
        return new DecodeRequest(
            parseResult.GetRequiredValue(definition.Input),
            parseResult.GetRequiredValue(definition.Output),
            parseResult.GetValue(definition.Frames) ?? FrameRange.All,
            parseResult.GetValue(definition.Crop),
            settings.Overwrite,
            settings.EffectiveThreads,
            parseResult.GetValue(definition.Codec),
            parseResult.GetValue(definition.Crf));
    }

    /// <summary>
    /// Decodes the requested frames (and crop) of <see cref="DecodeRequest.Input"/> segment by segment with the
    /// fixed-point decoder and writes them to the sink <see cref="DecodeRequest.Output"/> names. Sinks write
    /// atomically: a failure or Ctrl-C leaves no partial output.
    /// </summary>
    internal static Task RunAsync(DecodeRequest request, CliConsole console, IProgressReporter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(progress);
        cancellationToken.ThrowIfCancellationRequested();

        var decoderOptions = new DecoderOptions { Threads = request.Threads };
        using var decoder = request.Input == FileChecks.StandardStream
            ? AsmrFileDecoder.Open(StandardInput.ReadAll(console, cancellationToken), decoderOptions)
            : AsmrFileDecoder.Open(request.Input, decoderOptions);
        // Check every section's CRC first (models are small): a damaged file fails before anything is written.
        decoder.Reader.Verify(cancellationToken);
        var header = decoder.Header;
        var range = request.Frames.Resolve(header.FrameCount);
        request.Crop?.EnsureInside(header.Width, header.Height);
        CropRectangle? crop = request.Crop is { } c ? new CropRectangle(c.X, c.Y, c.Width, c.Height) : null;
        if (crop?.MisalignedAxis(header.ChromaFormat) is { } axis)
        {
            throw new UsageException(
                $"--crop {request.Crop}: with {Info.InfoNames.Chroma(header.ChromaFormat)} chroma the crop must start on an even {axis}, so the chroma planes crop exactly.");
        }

        int start = range.Start;
        int end = range.End ?? header.FrameCount;
        var outputHeader = header with
        {
            Width = crop?.Width ?? header.Width,
            Height = crop?.Height ?? header.Height,
            FrameCount = end - start,
        };
        if ((long)outputHeader.Width * outputHeader.Height > Y4mReader.MaxLumaSamples)
        {
            throw new NotSupportedException(
                $"a whole {outputHeader.Width}x{outputHeader.Height} frame is more than asmrc decodes at once (at most {Y4mReader.MaxLumaSamples} samples per frame); decode a part of it with --crop x,y,w,h.");
        }

        if (request.Output.Kind == DecodeOutputKind.PngSingle && end - start != 1)
        {
            throw new UsageException(
                $"'{request.Output.Path}' names one picture, but the decode gives {end - start} frames.",
                hint: "use a pattern such as frame_%04d.png, or pick one frame with --frames K:K+1");
        }

        var encoder = request.Output.Kind == DecodeOutputKind.FfmpegFile ? VideoEncoderChoice.For(request.Output.Path, request.Codec, request.Crf) : null;
        using IVideoSink sink = request.Output.Kind switch
        {
            DecodeOutputKind.Y4mStdout => new Y4mWriter(new BufferedStream(console.OpenStandardOutput(), 1 << 16), outputHeader),
            DecodeOutputKind.PngSequence or DecodeOutputKind.PngSingle => PngSequence(request, outputHeader, start),
            _ => VideoSinkFactory.Create(request.Output.Path, outputHeader, encoder),
        };

        progress.BeginStage("decoding", end - start);
        int done = 0;
        foreach (var frame in decoder.DecodeFrames(start, end, crop, cancellationToken))
        {
            sink.WriteFrame(frame, cancellationToken);
            progress.Report(++done);
        }

        sink.Complete(cancellationToken);
        progress.EndStage();
        return Task.CompletedTask;
    }

    /// <summary>A PNG sink whose every file name has been checked before a frame is decoded.</summary>
    private static PngSequenceWriter PngSequence(DecodeRequest request, SequenceHeader header, int start)
    {
        var sink = new PngSequenceWriter(request.Output.Path, header, startNumber: start + 1, request.Overwrite);
        if (!request.Overwrite && sink.ExistingFiles(header.FrameCount).ToList() is { Count: > 0 } existing)
        {
            sink.Dispose();
            string which = existing.Count == 1 ? $"'{existing[0]}' already exists" : $"'{existing[0]}' and {existing.Count - 1} more of its files already exist";
            throw new OutputException($"Output {which}.", hint: "use -y (--overwrite) to replace them");
        }

        return sink;
    }
}
