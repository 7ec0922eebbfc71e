using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Asmr.Cli.Errors;
using Asmr.Cli.Hosting;
using Asmr.Cli.IO;
using Asmr.Cli.Parsing;
using Asmr.Cli.Progress;
using Asmr.Codec;
using Asmr.Codec.Sharding;
using Asmr.Codec.Training;
using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Files;
using Asmr.Media.IO;
using Asmr.Media.Metrics;

namespace Asmr.Cli.Commands.Encode;

/// <summary>
/// One run of <c>asmrc encode</c>: reads the source, fits and quantizes a model per segment, writes the .asmr
/// container, then decodes the written bytes with the real fixed-point decoder and measures them against the
/// source. The measured quality is stored in the file's metadata and reported. The file is written atomically.
/// </summary>
internal sealed class EncodeJob
{
    /// <summary>
    /// Stands in for the measured quality while the container's bytes are counted before the encode: every value as
    /// wide as its stored rounding makes it, with digits that compress no better than real ones.
    /// </summary>
    private static readonly MetadataQuality WidestQuality = new()
    {
        PsnrY = 98.765, PsnrYuv = 87.654, PsnrRgb = 76.543, Ssim = 0.98765, Bpp = 9.87654,
    };

    /// <summary>Bytes kept beyond the counted container: the real quality's digits may compress a little worse.</summary>
    private const int ContainerSlackBytes = 16;

    /// <summary>The file's rate without --size, --bitrate or --quality: bits per pixel of the whole file.</summary>
    internal const double DefaultBitsPerPixel = 0.05;

    private readonly EncodeRequest _request;
    private readonly CliConsole _console;
    private readonly IProgressReporter _progress;
    private int _startFrame;
    private int? _frameCount;

    public EncodeJob(EncodeRequest request, CliConsole console, IProgressReporter progress)
    {
        _request = request;
        _console = console;
        _progress = progress;
    }

    /// <summary>
    /// dB the decoded file may measure below the fitted model before the encode is reported as failing its model: the
    /// encoder lets quantization cost up to <see cref="AsmrEncoder.MaxQuantizationLossDb"/>, judged on its training loss,
    /// which approximates the decoded PSNR to about half a dB.
    /// </summary>
    internal const double QualityShortfallDb = AsmrEncoder.MaxQuantizationLossDb + 1;

    /// <summary>Encodes, writes and measures; returns <see cref="ExitCodes.Success"/> or <see cref="ExitCodes.QualityShortfall"/>.</summary>
    public int Run(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string? spooled = null;
        try
        {
            // Times in --start/--frames need the input's frame rate: they are resolved on the input (a file) or on the
            // copy of standard input, which then holds every frame.
            bool times = _request.Start.IsTime || _request.Frames is { IsTime: true };
            _startFrame = _request.Start.Frames ?? 0;
            _frameCount = _request.Frames?.Frames;
            var options = new VideoSourceOptions { Start = _startFrame, MaxFrames = _frameCount, CountFrames = true };
            string sourcePath = _request.Input;
            if (_request.InputIsStdin)
            {
                // The frame count of a pipe is unknown and the source is read twice (to fit, then to measure), so
                // standard input is first copied to a temporary y4m file.
                spooled = Spool(times ? new VideoSourceOptions() : options, cancellationToken);
                sourcePath = spooled;
                options = new VideoSourceOptions { CountFrames = true };
            }

            if (times)
            {
                ResolveTimes(sourcePath, cancellationToken);
                options = new VideoSourceOptions { Start = _startFrame, MaxFrames = _frameCount, CountFrames = true };
            }

            SequenceHeader header;
            IReadOnlyList<SegmentEncodeReport> reports = [];
            IReadOnlyList<PlannedSegment>? shard;
            WorkFolder? folder;
            WorkFolderOutcome? outcome = null;
            using (var source = OpenInput(sourcePath, options, cancellationToken))
            {
                header = source.Header;
                if (source is FfmpegVideoSource { HasAudio: true })
                {
                    _progress.WriteLine($"note: '{_request.Input}' has sound; asmrc encodes only the picture, so the audio is dropped.");
                }

                if (header.FrameCount == 0)
                {
                    throw new InputException($"'{_request.Input}' has no frames to encode{(_startFrame > 0 ? $" after skipping {_startFrame}" : string.Empty)}.");
                }

                // Training takes minutes: a full disk is found now, not when the file is written.
                FreeSpace.Require(_request.Output, ExpectedFileBytes(header));
                var settings = Settings(header);
                shard = _request.Shard is { } split ? ShardSegments(header, settings, split) : null;
                folder = WorkFolderFor(header, settings);
                if (folder is not null)
                {
                    outcome = new ResumableEncode(_request, _progress, BuildMetadata(null), SettingsDigest(header), folder).Run(
                        InputFrames.Of(source.ReadFrames(cancellationToken), _request.Input),
                        header,
                        settings,
                        sourcePath,
                        options,
                        new Progress(_progress, header.ChromaFormat.PlaneCount()),
                        cancellationToken);
                }
                else
                {
                    reports = AsmrEncoder.EncodeWithReports(
                    InputFrames.Of(source.ReadFrames(cancellationToken), _request.Input),
                    header,
                    settings,
                    shard?[0].Index ?? 0,
                    shard?.Count,
                    new Progress(_progress, header.ChromaFormat.PlaneCount()),
                    cancellationToken);
                }
            }

            if (shard is not null)
            {
                return new ShardPartWriter(_request, _progress, BuildMetadata(null), SettingsDigest(header)).Write(header, shard, reports, sourcePath, options, cancellationToken);
            }

            AsmrFile file;
            SequenceQuality quality;
            SequenceQuality? fittedQuality;
            double? fitLoss;
            if (outcome is not null)
            {
                (file, quality, fittedQuality, fitLoss) = outcome;
            }
            else
            {
                int frameTotal = reports.Sum(r => r.Model.FrameCount);
                if (frameTotal == 0)
                {
                    throw new InputException($"ffmpeg decoded no frames of '{_request.Input}', although ffprobe counted {header.FrameCount}; the file may be truncated.");
                }

                header = header with { FrameCount = frameTotal };
                AsmrSegment[] models = [.. reports.Select(r => new AsmrSegment(r.Model.FirstFrame, r.Model.FrameCount, ModelPayloadWriter.Write(r.Model)))];
                var measured = new AsmrFile { SequenceHeader = header, Segments = models };

                _progress.BeginStage("measuring", frameTotal);
                quality = Measure(measured, sourcePath, options, cancellationToken);
                _progress.EndStage();
                file = new AsmrFile { SequenceHeader = header, Segments = models, Metadata = BuildMetadata(StoredQuality.From(quality, StoredQuality.ModelBitsPerPixel(header, models))) };
                fittedQuality = quality;
                // Frames weigh equally: every segment's loss is a mean over its frames of the same size.
                fitLoss = reports.Sum(r => r.FloatLoss * r.Model.FrameCount) / frameTotal;
            }

            header = file.SequenceHeader;
            int encodedFrames = header.FrameCount;
            double bpp = StoredQuality.ModelBitsPerPixel(header, file.Segments);
            cancellationToken.ThrowIfCancellationRequested();
            long size = Write(file, cancellationToken);
            // The file is complete: the finished segments kept for --resume are of no more use.
            folder?.Remove();
            _progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(_request.OutputIsStdout ? "stdout" : _request.Output)}: {size:N0} bytes, {encodedFrames} frames {header.Width}x{header.Height}, {8.0 * size / ((double)header.Width * header.Height * encodedFrames):0.0000} bpp (file), {bpp:0.0000} bpp (models)"));
            _progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"PSNR Y {quality.PsnrY:0.00} dB, YUV(6:1:1) {quality.PsnrYuv:0.00} dB, RGB {quality.PsnrRgb:0.00} dB, SSIM-Y {quality.SsimY:0.0000}; encoded in {clock.Elapsed.TotalSeconds:0.0} s"));
            if (_request.SizeBytes is { } target && size > target)
            {
                _progress.WriteLine($"note: the file is {size - target:N0} bytes over the --size target of {target:N0} bytes.");
            }

            double reached = header.ChromaFormat == ChromaFormat.Mono400 ? quality.PsnrY : quality.PsnrRgb;
            if (_request.QualityDb is { } wanted && reached < wanted)
            {
                _progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"note: the decoded video reaches {reached:0.00} dB, below the --quality target of {wanted:0.##} dB; the network could not fit the video that well in the training steps given (try --preset slow or more --steps)."));
            }

            // Judged on the segments fitted in this run (all of them, unless a resumed encode reused some): a reused
            // segment's fitted loss is not kept.
            if (fitLoss is { } loss && fittedQuality is { } now)
            {
                double reachedNow = header.ChromaFormat == ChromaFormat.Mono400 ? now.PsnrY : now.PsnrRgb;
                double fitted = Trainer.LossToPsnr(loss, header.ChromaFormat.PlaneCount());
                if (!FallsShort(reachedNow, fitted, _request.QualityDb))
                {
                    return ExitCodes.Success;
                }

                _progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"warning: the decoded video measures {reachedNow:0.00} dB, far below the {fitted:0.00} dB the fitted model reached: quantizing or writing the model went wrong. The file is written; try another --seed or more --steps, and please report it."));
                return ExitCodes.QualityShortfall;
            }

            return ExitCodes.Success;
        }
        finally
        {
            if (spooled is not null)
            {
                File.Delete(spooled);
            }
        }
    }

    /// <summary>
    /// Whether the decoded video measures far below the fitted model, or below a lower <c>--quality</c> target. A
    /// decode at or above <see cref="VisuallyLosslessPsnr"/> never falls short: its error is under one code value.
    /// </summary>
    internal static bool FallsShort(double decodedPsnr, double fittedPsnr, double? qualityTarget) =>
        decodedPsnr < VisuallyLosslessPsnr
        && decodedPsnr < Math.Min(fittedPsnr, qualityTarget ?? double.PositiveInfinity) - QualityShortfallDb;

    /// <summary>The PSNR of a mean squared error of one code value (48.1 dB at 8 bits, relative to the peak at any depth).</summary>
    internal const double VisuallyLosslessPsnr = 48.1;

    /// <summary>Writes the file (atomically) or sends it to stdout; returns its size in bytes.</summary>
    private long Write(AsmrFile file, CancellationToken cancellationToken)
    {
        if (!_request.OutputIsStdout)
        {
            AsmrWriter.Write(_request.Output, file, new AsmrWriterOptions { Overwrite = _request.Overwrite }, cancellationToken);
            return new FileInfo(_request.Output).Length;
        }

        // Built in memory first, so a failure while writing leaves nothing half-sent.
        using var bytes = new MemoryStream();
        AsmrWriter.Write(bytes, file, cancellationToken: cancellationToken);
        using var stdout = _console.OpenStandardOutput();
        bytes.Position = 0;
        bytes.CopyTo(stdout);
        stdout.Flush();
        return bytes.Length;
    }

    /// <summary>Opens the video to encode; a file ffprobe or the y4m reader cannot read is an input error (2), not a corrupt .asmr (3).</summary>
    private static IVideoSource OpenInput(string path, VideoSourceOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return VideoSourceFactory.Open(path, options, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new InputException(e.Message, innerException: e);
        }
    }

    /// <summary>
    /// <c>--plan</c>: counts the input's frames (after --start/--frames) and prints the segment plan and the shards that
    /// make sense; nothing is trained or written.
    /// </summary>
    public int PrintPlan(CancellationToken cancellationToken)
    {
        if (_request.InputIsStdin)
        {
            throw new UsageException("--plan needs the input's frame count, which a pipe does not have; give IN as a file.");
        }

        _startFrame = _request.Start.Frames ?? 0;
        _frameCount = _request.Frames?.Frames;
        if (_request.Start.IsTime || _request.Frames is { IsTime: true })
        {
            ResolveTimes(_request.Input, cancellationToken);
        }

        SequenceHeader header;
        using (var source = OpenInput(_request.Input, new VideoSourceOptions { Start = _startFrame, MaxFrames = _frameCount, CountFrames = true }, cancellationToken))
        {
            header = source.Header;
        }

        if (header.FrameCount == 0)
        {
            throw new InputException($"'{_request.Input}' has no frames to encode{(_startFrame > 0 ? $" after skipping {_startFrame}" : string.Empty)}.");
        }

        var plan = SegmentPlan.For(header.FrameCount, Settings(header));
        _console.Out.Write(_request.Json ? PlanPrinter.Json(plan, header, _startFrame) : PlanPrinter.Text(plan, header, _startFrame));
        return ExitCodes.Success;
    }

    /// <summary>
    /// The work folder that keeps finished segments for <c>--resume</c>: <c>--work-dir</c>, else <c>OUT.parts</c> when OUT is
    /// a file and the plan has several segments (or --resume asks for it); none for a shard (a requeued shard simply runs
    /// again) or a single segment (nothing would be finished before the end).
    /// </summary>
    private WorkFolder? WorkFolderFor(SequenceHeader header, EncoderSettings settings)
    {
        if (_request.Shard is not null)
        {
            return null;
        }

        if (_request.WorkDir is { } given)
        {
            return new WorkFolder(given);
        }

        bool several = SegmentPlan.For(header.FrameCount, settings).Segments.Count > 1;
        return !_request.OutputIsStdout && (several || _request.Resume) ? new WorkFolder(WorkFolder.DefaultFor(_request.Output)) : null;
    }

    /// <summary>The segments of <c>--shard K/N</c>; N above the plan's segment count is a usage error, found before training.</summary>
    private IReadOnlyList<PlannedSegment> ShardSegments(SequenceHeader header, EncoderSettings settings, ShardSpec shard)
    {
        var plan = SegmentPlan.For(header.FrameCount, settings);
        if (shard.Count > plan.MaxShards)
        {
            throw new UsageException(
                $"--shard {shard}: the plan has {plan.MaxShards} segment{(plan.MaxShards == 1 ? string.Empty : "s")}, so at most {plan.MaxShards} shards get work.",
                hint: $"see asmrc encode {_request.Input} --plan");
        }

        return plan.Shard(shard.Shard, shard.Count);
    }

    /// <summary>
    /// SHA-256 of what besides the source decides the bytes: the metadata the file will carry (encoder build, source
    /// name, every setting, --threads included), the training precision of this machine, and the frame count.
    /// </summary>
    private byte[] SettingsDigest(SequenceHeader header)
    {
        byte[] metadata = MetadataCodec.Encode(BuildMetadata(null));
        string machine = string.Create(CultureInfo.InvariantCulture,
            $"\nprecision={((Settings(header).HalfPrecisionTraining ?? CpuFeatures.HasNativeBFloat16) ? "bfloat16" : "float32")}\nframes={header.FrameCount}\n");
        return System.Security.Cryptography.SHA256.HashData([.. metadata, .. System.Text.Encoding.UTF8.GetBytes(machine)]);
    }

    private EncoderSettings Settings(SequenceHeader header) => new()
    {
        Preset = _request.Preset,
        Seed = _request.Seed,
        Threads = _request.Threads,
        Motion = _request.Motion ? null : false,
        Steps = _request.Steps,
        SegmentLength = _request.SegmentLength ?? EncoderSettings.DefaultSegmentLength,
        TargetPsnr = _request.QualityDb,
        BitsPerPixel = _request.QualityDb is null ? ModelBitsPerPixel(header) : null,
    };

    /// <summary>The models' rate: from --bitrate, or from the file size (--size, else the default rate of the whole file) less the container's bytes.</summary>
    private double ModelBitsPerPixel(SequenceHeader header)
    {
        double pixels = (double)header.Width * header.Height * header.FrameCount;
        if (_request.BitrateBitsPerSecond is { } rate)
        {
            return rate / (header.FrameRate.ToDouble() * header.Width * header.Height);
        }

        double fileBytes = _request.SizeBytes ?? (DefaultBitsPerPixel * pixels / 8);
        return 8.0 * Math.Max(1, fileBytes - ContainerBytes(header)) / pixels;
    }

    /// <summary>
    /// The size the file is aimed at: --size, the rate of --bitrate over the video's duration, or the default rate
    /// (also for --quality, whose size is not known in advance), with the container's bytes.
    /// </summary>
    private long ExpectedFileBytes(SequenceHeader header)
    {
        if (_request.SizeBytes is { } size)
        {
            return size;
        }

        double pixels = (double)header.Width * header.Height * header.FrameCount;
        double modelBytes = _request.BitrateBitsPerSecond is { } rate
            ? rate * header.FrameCount / header.FrameRate.ToDouble() / 8
            : DefaultBitsPerPixel * pixels / 8;
        return (long)Math.Ceiling(modelBytes) + ContainerBytes(header);
    }

    /// <summary>
    /// The bytes the file will have around its models (file header, sections' framing, sequence header, segment index,
    /// metadata), counted on the file as it will be laid out, so that a size target goes to the models in full.
    /// </summary>
    private long ContainerBytes(SequenceHeader header)
    {
        var segments = LevelPlanner.Segments(header.FrameCount, _request.SegmentLength ?? EncoderSettings.DefaultSegmentLength);
        return FileLayout.ContainerLength(header, [.. segments.Select(s => (s.First, s.Count))], BuildMetadata(WidestQuality), AsmrWriterOptions.Default)
            + ContainerSlackBytes;
    }

    internal Metadata BuildMetadata(MetadataQuality? quality)
    {
        var values = new Dictionary<string, object?>
        {
            ["preset"] = _request.Preset.ToString().ToLowerInvariant(),
            ["seed"] = _request.Seed,
            ["quality"] = _request.QualityDb,
            ["steps"] = _request.Steps,
            ["size"] = _request.SizeBytes,
            ["bitrate"] = _request.BitrateBitsPerSecond,
            ["start"] = _startFrame,
            ["frames"] = _frameCount,
            ["threads"] = _request.Threads,
        };
        if (_request.SegmentLength is { } length)
        {
            // Recorded only when given, so files encoded without it keep the metadata they always had.
            values["segment_length"] = length;
        }

        if (!_request.Motion)
        {
            // Likewise recorded only when motion is turned off.
            values["motion"] = "off";
        }

        var settings = JsonSerializer.SerializeToElement(values);
        return new Metadata
        {
            Encoder = "asmrc",
            EncoderVersion = typeof(EncodeJob).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            SourceName = _request.InputIsStdin ? "stdin" : Path.GetFileName(_request.Input),
            Settings = settings,
            Quality = quality,
        };
    }

    /// <summary>Decodes the file's bytes with the fixed-point decoder and compares every frame with the source.</summary>
    private SequenceQuality Measure(AsmrFile file, string sourcePath, VideoSourceOptions options, CancellationToken cancellationToken)
    {
        using var bytes = new MemoryStream();
        AsmrWriter.Write(bytes, file, cancellationToken: cancellationToken);
        bytes.Position = 0;
        using var decoder = AsmrFileDecoder.Open(bytes, new Asmr.Decoder.Inference.DecoderOptions { Threads = _request.Threads }, leaveOpen: true);
        using var source = VideoSourceFactory.Open(sourcePath, options with { MaxFrames = file.SequenceHeader.FrameCount, CountFrames = false }, cancellationToken);
        var metrics = new QualityMetrics(file.SequenceHeader.Color);
        int done = 0;
        using var reference = source.ReadFrames(cancellationToken).GetEnumerator();
        foreach (var decoded in decoder.DecodeFrames(0, file.SequenceHeader.FrameCount, null, cancellationToken))
        {
            if (!reference.MoveNext())
            {
                throw new InvalidOperationException("The source ended before the encoded frames did.");
            }

            metrics.Add(reference.Current, decoded);
            _progress.Report(++done);
        }

        return metrics.Summarize();
    }

    /// <summary>Turns times in --start and --frames into frames at the frame rate of <paramref name="path"/>.</summary>
    private void ResolveTimes(string path, CancellationToken cancellationToken)
    {
        Rational rate;
        using (var probe = OpenInput(path, new VideoSourceOptions(), cancellationToken))
        {
            rate = probe.Header.FrameRate;
        }

        if (rate.Numerator <= 0 || rate.Denominator <= 0)
        {
            throw new InputException($"'{_request.Input}' has no frame rate, so --start and --frames must count frames, not time.");
        }

        _startFrame = _request.Start.ToFrames(rate.Numerator, rate.Denominator);
        _frameCount = _request.Frames is { } frames ? FrameOrTime.EndFrame(_request.Start, frames, rate.Numerator, rate.Denominator) - _startFrame : null;
        if (_frameCount <= 0)
        {
            throw new UsageException($"--frames {_request.Frames} from --start {_request.Start} holds no frame at {rate.Numerator}/{rate.Denominator} frames per second.");
        }
    }

    private string Spool(VideoSourceOptions options, CancellationToken cancellationToken)
    {
        string path = Path.Combine(_console.TemporaryFolder, $"asmrc-stdin-{Environment.ProcessId}-{Guid.NewGuid():N}.y4m");
        try
        {
            using var reader = OpenStdin(options);
            using var stream = new FileStream(path, PrivateNewFile());
            using (var writer = new Y4mWriter(stream, reader.Header, leaveOpen: true))
            {
                _progress.BeginStage("reading stdin", 0);
                foreach (var frame in InputFrames.Of(reader.ReadFrames(cancellationToken), FileChecks.StandardStream))
                {
                    writer.WriteFrame(frame, cancellationToken);
                }

                writer.Complete(cancellationToken);
                _progress.EndStage();
            }

            return path;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>A new file only its owner may read: the copy of stdin may be someone's private video.</summary>
    private static FileStreamOptions PrivateNewFile()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    /// <summary>The y4m reader on standard input; a stream that is not y4m is an input error (2).</summary>
    private Y4mReader OpenStdin(VideoSourceOptions options)
    {
        try
        {
            return new Y4mReader(_console.OpenStandardInput(), options with { CountFrames = false }, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new InputException($"stdin: {e.Message}", innerException: e);
        }
    }

    /// <summary>Turns the encoder's progress into stages and status lines.</summary>
    private sealed class Progress(IProgressReporter reporter, int channels) : IProgress<EncodeProgress>
    {
        private (int Segment, string Stage) _current = (-1, string.Empty);

        public void Report(EncodeProgress value)
        {
            if (value.Segment != _current.Segment || value.Stage != _current.Stage)
            {
                if (_current.Segment >= 0)
                {
                    // The encoder moved on, so the stage is done, even if training stopped early at a quality target.
                    reporter.EndStage();
                }

                _current = (value.Segment, value.Stage);
                string stage = value.Stage == "train" ? "fitting" : value.Stage;
                reporter.BeginStage($"segment {value.Segment + 1}/{value.SegmentCount} {stage}", Math.Max(1, value.TotalSteps));
            }

            string status = value.Note
                ?? (value.Loss > 0 ? string.Create(CultureInfo.InvariantCulture, $"PSNR~{Trainer.LossToPsnr(value.Loss, channels):0.0} dB") : string.Empty);
            // Training reports the index of the step it has just taken (the last is TotalSteps - 1); quantization and the
            // motion search and the output filter's fit report work done.
            int done = value.Stage is "quantize" or "motion" or "filter" ? value.Step : value.Step + 1;
            reporter.Report(done, status);
        }
    }
}
