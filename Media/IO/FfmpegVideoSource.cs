using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Asmr.Container;
using Asmr.Decoder.Video;
using FFMpegCore;
using FFMpegCore.Exceptions;

namespace Asmr.Media.IO;

/// <summary>
/// Decodes any file ffmpeg reads (mp4, mkv, webm, avi, raw .h264, ...) frame by frame: ffprobe (through FFMpegCore) for the
/// stream's properties, then <c>ffmpeg -f rawvideo pipe:1</c>, whose standard output's reader hands frames over a bounded channel
/// (<see cref="QueueCapacity"/> frames), so memory stays bounded and the caller pulls one frame at a time.
/// </summary>
/// <remarks>
/// <para>Layout: the source's own planar layout when it is yuv420p/422p/444p or gray at 8..16 bits (yuvj* as full range);
/// otherwise the nearest one ffmpeg converts to (see <see cref="FfmpegPixelFormat.Map"/>): RGB sources become Y′CbCr 4:4:4
/// with the BT.709 matrix at full range (ffmpeg's <c>scale</c> filter), others 4:2:0. <see cref="PixelFormat"/> says which.</para>
/// <para>Rotated streams (a display matrix of ±90°) are delivered upright, as ffmpeg rotates them, with width and height
/// swapped in the header.</para>
/// <para>Every decoded frame is delivered (<c>-fps_mode passthrough</c>, no duplicates or drops). <c>Start</c> skips exact frames
/// (<c>trim=start_frame=K</c>); <c>MaxFrames</c> is passed as <c>-frames:v</c> so ffmpeg stops by itself. Disposing early, or
/// cancelling, kills ffmpeg at once.</para>
/// <para><c>Header.FrameCount</c> is exact when <see cref="VideoSourceOptions.CountFrames"/> is set, else 0 (unknown);
/// <see cref="DeclaredFrameCount"/> is the container's own claim, for progress display only.</para>
/// </remarks>
public sealed class FfmpegVideoSource : IVideoSource
{
    /// <summary>Frames buffered between ffmpeg and the caller.</summary>
    public const int QueueCapacity = 3;

    private readonly Channel<byte[]> _queue;
    private readonly ConcurrentBag<byte[]> _free = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly int _frameBytes;
    private readonly Task _run;
    private Exception? _pipeError;
    private bool _disposed;

    private FfmpegVideoSource(string path, SequenceHeader header, FfmpegPixelFormat pixelFormat, int? declared, bool hasAudio, int streamIndex, VideoSourceOptions options, FFOptions ffOptions)
    {
        Path = path;
        HasAudio = hasAudio;
        Header = header;
        PixelFormat = pixelFormat;
        DeclaredFrameCount = declared;
        _frameBytes = checked((int)RawFrameCodec.FrameBytes(header));
        _queue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        var filters = new List<string>();
        if (options.Start > 0)
        {
            filters.Add($"trim=start_frame={options.Start.ToString(CultureInfo.InvariantCulture)}");
        }

        if (pixelFormat.Rgb)
        {
            filters.Add("scale=out_color_matrix=bt709:out_range=full:flags=accurate_rnd+full_chroma_int");
        }

        List<string> arguments = ["-nostdin", "-hide_banner", "-nostats", "-i", path, "-map", $"0:{streamIndex.ToString(CultureInfo.InvariantCulture)}", "-an", "-sn", "-dn", "-fps_mode", "passthrough"];
        if (filters.Count > 0)
        {
            arguments.AddRange(["-vf", string.Join(',', filters)]);
        }

        if (options.MaxFrames is { } max)
        {
            arguments.AddRange(["-frames:v", max.ToString(CultureInfo.InvariantCulture)]);
        }

        arguments.AddRange(["-f", "rawvideo", "-pix_fmt", pixelFormat.OutputName, "pipe:1"]);
        Arguments = string.Join(' ', arguments);
        string ffmpeg = MediaTools.Locate("ffmpeg", string.IsNullOrEmpty(ffOptions.BinaryFolder) ? null : ffOptions.BinaryFolder);
        _run = Task.Run(() => RunAsync(ffmpeg, arguments));
    }

    /// <inheritdoc />
    public SequenceHeader Header { get; }

    /// <inheritdoc />
    public int FramesRead { get; private set; }

    /// <summary>The input file.</summary>
    public string Path { get; }

    /// <summary>The source's pixel format and the layout it is delivered in.</summary>
    internal FfmpegPixelFormat PixelFormat { get; }

    /// <summary>The source's pix_fmt as ffprobe reports it.</summary>
    public string SourcePixelFormat => PixelFormat.SourceName;

    /// <summary>The ffmpeg pix_fmt the frames are delivered in; differs from <see cref="SourcePixelFormat"/> when ffmpeg converts.</summary>
    public string DeliveredPixelFormat => PixelFormat.OutputName;

    /// <summary>The frame count the container declares (ffprobe <c>nb_frames</c>), if any; not guaranteed to match the decode.</summary>
    public int? DeclaredFrameCount { get; }

    /// <summary>The ffmpeg command line (for diagnostics).</summary>
    public string Arguments { get; }

    /// <summary>The file has an audio stream (as ffprobe reports); only the video is delivered.</summary>
    public bool HasAudio { get; }

    /// <summary>Probes a file and starts decoding it.</summary>
    /// <param name="path">The input file.</param>
    /// <param name="options">Start, MaxFrames, CountFrames and the tool folder.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="MediaToolMissingException">ffmpeg or ffprobe is not installed.</exception>
    /// <exception cref="InvalidDataException">ffprobe cannot read the file, or it has no video stream.</exception>
    public static FfmpegVideoSource Open(string path, VideoSourceOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= VideoSourceOptions.Default;
        options.Validate();
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Input file not found: {path}", path);
        }

        FFOptions ffOptions = MediaTools.Options(options.ToolFolder);
        IMediaAnalysis analysis;
        try
        {
            analysis = FFProbe.AnalyseAsync(path, ffOptions, options.CountFrames ? "-count_frames" : null!, cancellationToken).GetAwaiter().GetResult();
        }
        catch (FFMpegException e)
        {
            throw new InvalidDataException($"ffprobe cannot read \"{path}\": {Tail(e.Message)}", e);
        }

        VideoStream video = analysis.PrimaryVideoStream
            ?? throw new InvalidDataException($"\"{path}\" has no video stream.");
        JsonElement stream = FindStream(analysis.Json, video.Index);
        int width = Int(stream, "width") ?? 0;
        int height = Int(stream, "height") ?? 0;
        if (Math.Abs(video.Rotation) % 180 == 90)
        {
            // ffmpeg rotates the pictures by default (display matrix), so the delivered frames are transposed.
            (width, height) = (height, width);
        }

        if (width is < 1 or > Y4mReader.MaxDimension || height is < 1 or > Y4mReader.MaxDimension)
        {
            throw new InvalidDataException($"\"{path}\" has an unusable picture size {width}x{height}.");
        }

        string pixFmt = Str(stream, "pix_fmt") ?? throw new InvalidDataException($"ffprobe reports no pixel format for \"{path}\".");
        FfmpegPixelFormat format = FfmpegPixelFormat.Map(pixFmt);
        Rational rate = ParseRate(Str(stream, "r_frame_rate")) ?? ParseRate(Str(stream, "avg_frame_rate")) ?? new Rational(25, 1);
        bool full = format.FullRangeFormat || Str(stream, "color_range") is "pc" or "jpeg";
        var color = new ColorDescription
        {
            Primaries = FfmpegColorNames.Primaries(Str(stream, "color_primaries")),
            Transfer = FfmpegColorNames.Transfer(Str(stream, "color_transfer")),
            Matrix = FfmpegColorNames.Matrix(Str(stream, "color_space")),
            FullRange = full,
            ChromaSamplePosition = format.Format == ChromaFormat.Yuv420 ? FfmpegColorNames.ChromaLocation(Str(stream, "chroma_location")) : (byte)0,
        };
        if (format.Rgb)
        {
            color = color with
            {
                Primaries = color.Primaries == 2 ? (byte)1 : color.Primaries,
                Transfer = color.Transfer == 2 ? (byte)13 : color.Transfer,
                Matrix = 1,
                FullRange = true,
                ChromaSamplePosition = 0,
            };
        }

        int? declared = IntText(stream, "nb_frames") is > 0 and var d ? d : null;
        int frameCount = 0;
        if (options.CountFrames)
        {
            int counted = IntText(stream, "nb_read_frames")
                ?? throw new InvalidDataException($"ffprobe could not count the frames of \"{path}\".");
            frameCount = options.Deliverable(counted);
        }

        var header = new SequenceHeader
        {
            Width = width,
            Height = height,
            FrameCount = frameCount,
            FrameRate = rate,
            ChromaFormat = format.Format,
            BitDepth = format.BitDepth,
            Color = color,
        };
        return new FfmpegVideoSource(path, header, format, declared, analysis.AudioStreams.Count > 0, video.Index, options, ffOptions);
    }

    /// <inheritdoc />
    public bool TryReadFrame(VideoFrame frame, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        RawFrameCodec.CheckMatches(frame, Header, nameof(frame));
        while (true)
        {
            if (_queue.Reader.TryRead(out byte[]? buffer))
            {
                long bad = RawFrameCodec.Unpack(buffer.AsSpan(0, _frameBytes), frame);
                _free.Add(buffer);
                if (bad >= 0)
                {
                    throw new InvalidDataException($"ffmpeg delivered frame {FramesRead} of \"{Path}\" with sample {bad} out of the {Header.BitDepth}-bit range.");
                }

                FramesRead++;
                return true;
            }

            // Completes false at the end, or throws the decode error the channel was completed with.
            if (!_queue.Reader.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                return false;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            // Kills ffmpeg (RunAsync's registration); a process that has just exited by itself is no error of the caller's.
            _stop.Cancel();
        }
        catch (Exception e) when (e is IOException or AggregateException or InvalidOperationException)
        {
        }

        try
        {
            _run.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // The run task records its own errors; nothing more to report once the caller has let go.
        }

        _stop.Dispose();
    }

    private static string Tail(string text) => text.Length <= 800 ? text : "…" + text[^800..];

    private static JsonElement FindStream(string json, int index)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        foreach (JsonElement s in document.RootElement.GetProperty("streams").EnumerateArray())
        {
            if (s.TryGetProperty("index", out JsonElement i) && i.GetInt32() == index)
            {
                return s.Clone();
            }
        }

        throw new InvalidDataException($"ffprobe output lacks stream {index}.");
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int i) ? i : null;

    private static int? IntText(JsonElement e, string name) =>
        Str(e, name) is { } s && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int i) ? i : Int(e, name);

    private static Rational? ParseRate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0
            && int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            && int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int d)
            && n > 0 && d > 0)
        {
            return new Rational(n, d);
        }

        return null;
    }

    /// <summary>Runs ffmpeg, reads its standard output to the end, then completes the queue: cleanly, or with the error.</summary>
    /// <remarks>
    /// ffmpeg is started here and its standard output read until end of file, which stays readable after ffmpeg has
    /// exited. (FFMpegCore's output pipe is closed as soon as ffmpeg exits: a short clip that ffmpeg wrote and left before
    /// the reader connected was delivered as no frames at all, and one it left mid-read could lose its last frames.)
    /// </remarks>
    private async Task RunAsync(string ffmpeg, IReadOnlyList<string> arguments)
    {
        Exception? error = null;
        try
        {
            var start = new ProcessStartInfo(ffmpeg)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = false,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidDataException($"ffmpeg could not be started for \"{Path}\".");
            using var kill = _stop.Token.Register(() => Kill(process));
            Task<string> standardError = process.StandardError.ReadToEndAsync();
            try
            {
                await PumpAsync(process.StandardOutput.BaseStream).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The pump failed (or was stopped): ffmpeg would wait for a reader that no longer comes.
                Kill(process);
                throw;
            }

            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            string log = await standardError.ConfigureAwait(false);
            if (process.ExitCode != 0 && !_stop.IsCancellationRequested)
            {
                error = new InvalidDataException(
                    $"ffmpeg failed to decode \"{Path}\" (exit code {process.ExitCode}): {Tail(string.Join('\n', log.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(20)))}");
            }
        }
        catch (Exception e) when (!_stop.IsCancellationRequested)
        {
            error = _pipeError ?? new InvalidDataException($"ffmpeg failed to decode \"{Path}\": {e.Message}", e);
        }
        catch (Exception)
        {
            // Stopped on purpose (dispose): whatever ffmpeg reports now is a consequence.
        }

        _queue.Writer.TryComplete(error);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Exited already.
        }
    }

    /// <summary>Cuts ffmpeg's standard output into frames and queues them, until end of file or a stop.</summary>
    private async Task PumpAsync(Stream pipe)
    {
        CancellationToken token = _stop.Token;
        int index = 0;
        try
        {
            while (true)
            {
                byte[] buffer = _free.TryTake(out byte[]? reused) ? reused : new byte[_frameBytes];
                int got = 0;
                while (got < _frameBytes)
                {
                    int n = await pipe.ReadAsync(buffer.AsMemory(got, _frameBytes - got), token).ConfigureAwait(false);
                    if (n == 0)
                    {
                        break;
                    }

                    got += n;
                }

                if (got == 0)
                {
                    return;
                }

                if (got < _frameBytes)
                {
                    _pipeError = new InvalidDataException($"ffmpeg's output for \"{Path}\" ended inside frame {index}: {got} of {_frameBytes} bytes.");
                    throw _pipeError;
                }

                await _queue.Writer.WriteAsync(buffer, token).ConfigureAwait(false);
                index++;
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed early: stop reading; ffmpeg is being killed.
        }
    }
}
