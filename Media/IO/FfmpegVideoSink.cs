using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Asmr.Container;
using Asmr.Decoder.Video;

namespace Asmr.Media.IO;

/// <summary>
/// Encodes frames to a video file (mp4, mkv, mov, ...) with ffmpeg, fed raw planes through its standard input
/// (<c>-f rawvideo -i pipe:0</c>), libx264 CRF 18 by default. The colour description is written into the stream
/// (<c>-color_range</c>, <c>-colorspace</c>, <c>-color_primaries</c>, <c>-color_trc</c>, <c>-chroma_sample_location</c>) so
/// players show the right colours. The file is written to a temporary name and moved into place by <see cref="Complete"/>.
/// </summary>
public sealed class FfmpegVideoSink : IVideoSink
{
    private const int StderrLines = 40;

    private readonly SequenceHeader _header;
    private readonly AtomicFile _file;
    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly byte[] _payload;
    private readonly ConcurrentQueue<string> _stderr = new();
    private bool _completed;
    private bool _disposed;

    /// <summary>Starts ffmpeg writing to a temporary file next to <paramref name="path"/>.</summary>
    /// <param name="path">The output file; its extension picks the container.</param>
    /// <param name="header">Size, frame rate, format and colour of the frames.</param>
    /// <param name="options">Encoder settings.</param>
    /// <exception cref="MediaToolMissingException">ffmpeg is not installed.</exception>
    public FfmpegVideoSink(string path, SequenceHeader header, FfmpegSinkOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(header);
        if (path == "-")
        {
            throw new ArgumentException("An encoded video cannot be written to standard output; write y4m there (Y4mWriter) or give a file path.", nameof(path));
        }

        options ??= FfmpegSinkOptions.Default;
        string ffmpeg = MediaTools.Locate("ffmpeg", options.ToolFolder);
        _header = header;
        _payload = new byte[RawFrameCodec.FrameBytes(header)];
        _file = AtomicFile.Create(path);
        try
        {
            var start = new ProcessStartInfo(ffmpeg)
            {
                RedirectStandardInput = true,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (string argument in BuildArguments(header, options, _file.TempPath))
            {
                start.ArgumentList.Add(argument);
            }

            Arguments = string.Join(' ', start.ArgumentList);
            _process = Process.Start(start) ?? throw new MediaToolMissingException("ffmpeg could not be started.");
            _process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    _stderr.Enqueue(e.Data);
                    while (_stderr.Count > StderrLines && _stderr.TryDequeue(out string? _))
                    {
                    }
                }
            };
            _process.OutputDataReceived += (_, _) => { };
            _process.BeginErrorReadLine();
            _process.BeginOutputReadLine();
            _stdin = _process.StandardInput.BaseStream;
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public int FramesWritten { get; private set; }

    /// <summary>The ffmpeg command line (for diagnostics).</summary>
    public string Arguments { get; }

    /// <summary>ffmpeg's raw pix_fmt name for planar frames of a chroma format and bit depth.</summary>
    internal static string RawPixelFormat(ChromaFormat format, int bitDepth)
    {
        string suffix = bitDepth > 8 ? bitDepth.ToString(CultureInfo.InvariantCulture) + "le" : string.Empty;
        return format switch
        {
            ChromaFormat.Mono400 => "gray" + suffix,
            ChromaFormat.Yuv420 => "yuv420p" + suffix,
            ChromaFormat.Yuv422 => "yuv422p" + suffix,
            _ => "yuv444p" + suffix,
        };
    }

    /// <summary>The ffmpeg arguments for a header, options and output path.</summary>
    internal static List<string> BuildArguments(SequenceHeader header, FfmpegSinkOptions options, string output)
    {
        string input = RawPixelFormat(header.ChromaFormat, header.BitDepth);
        string outputFormat = options.PixelFormat
            ?? (options.Codec == "libx264" && header.BitDepth > 8 ? RawPixelFormat(header.ChromaFormat, 10) : input);
        var colour = new List<string> { "-color_range", header.Color.FullRange ? "pc" : "tv" };
        ColorDescription c = header.Color;
        if (FfmpegColorNames.MatrixName(c.Matrix) is { } matrix)
        {
            colour.AddRange(["-colorspace", matrix]);
        }

        if (FfmpegColorNames.PrimariesName(c.Primaries) is { } primaries)
        {
            colour.AddRange(["-color_primaries", primaries]);
        }

        if (FfmpegColorNames.TransferName(c.Transfer) is { } transfer)
        {
            colour.AddRange(["-color_trc", transfer]);
        }

        if (header.ChromaFormat == ChromaFormat.Yuv420 && FfmpegColorNames.ChromaLocationName(c.ChromaSamplePosition) is { } location)
        {
            colour.AddRange(["-chroma_sample_location", location]);
        }

        var args = new List<string>
        {
            "-hide_banner", "-loglevel", "error",
            "-f", "rawvideo", "-pix_fmt", input,
            "-s", $"{header.Width.ToString(CultureInfo.InvariantCulture)}x{header.Height.ToString(CultureInfo.InvariantCulture)}",
            "-r", header.FrameRate.ToString(),
        };
        args.AddRange(colour);
        args.AddRange(["-i", "pipe:0", "-map", "0:v", "-c:v", options.Codec]);
        if (options.Preset is { } preset)
        {
            args.AddRange(["-preset", preset]);
        }

        if (options.Crf is { } crf)
        {
            args.AddRange(["-crf", crf.ToString(CultureInfo.InvariantCulture)]);
        }

        args.AddRange(options.CodecArguments);

        args.AddRange(["-pix_fmt", outputFormat]);
        args.AddRange(colour);
        string extension = Path.GetExtension(output).ToLowerInvariant();
        if (extension is ".mp4" or ".mov" or ".m4v")
        {
            args.AddRange(["-movflags", "+faststart"]);
        }

        args.AddRange(["-y", output]);
        return args;
    }

    /// <inheritdoc />
    public void WriteFrame(VideoFrame frame, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("The output is already complete.");
        }

        RawFrameCodec.CheckMatches(frame, _header, nameof(frame));
        cancellationToken.ThrowIfCancellationRequested();
        RawFrameCodec.Pack(frame, _payload);
        try
        {
            _stdin.Write(_payload);
        }
        catch (IOException e)
        {
            if (_process.WaitForExit(5000))
            {
                _process.WaitForExit(); // also waits until the stderr handler has seen every line
            }

            throw new IOException($"ffmpeg stopped while encoding frame {FramesWritten}: {Stderr()}", e);
        }

        FramesWritten++;
    }

    /// <inheritdoc />
    public void Complete(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (FramesWritten == 0)
        {
            throw new InvalidOperationException("No frames were written; an empty video cannot be encoded.");
        }

        _stdin.Close();
        _process.WaitForExitAsync(cancellationToken).GetAwaiter().GetResult();
        if (_process.ExitCode != 0)
        {
            throw new IOException($"ffmpeg failed to encode (exit code {_process.ExitCode}): {Stderr()}");
        }

        _file.Commit();
        _completed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited in the meantime.
            }

            _process.WaitForExit(10_000);
        }

        try
        {
            _stdin.Dispose();
        }
        catch (IOException)
        {
            // The pipe is already broken; nothing to flush.
        }

        _process.Dispose();
        _file.Dispose();
    }

    private string Stderr() => string.Join('\n', _stderr);
}
