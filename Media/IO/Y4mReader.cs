using System.Globalization;
using System.Text;
using Asmr.Container;
using Asmr.Decoder.Video;

namespace Asmr.Media.IO;

/// <summary>
/// A strict, streaming YUV4MPEG2 (y4m) reader over any stream: a file, or standard input.
/// </summary>
/// <remarks>
/// <para>Header tags: <c>W</c>, <c>H</c> (1..65535) are required; <c>F</c>n:d (absent or 0:0 means 25:1, as ffmpeg does);
/// <c>I</c> only <c>p</c> or <c>?</c> (interlaced input is rejected); <c>A</c> ignored; <c>C</c> as <see cref="Y4mChroma.Parse"/>
/// (absent = 420jpeg); <c>XCOLORRANGE=FULL|LIMITED</c> (absent = limited); other X tags and unknown tags are ignored.
/// Header and FRAME lines are capped at <see cref="MaxLineLength"/> bytes; FRAME parameters are ignored.
/// Samples above 8 bits are 16-bit little-endian and must not exceed 2^D − 1.</para>
/// <para>On a seekable stream the frames are counted when the reader opens (by skipping over the payloads), so
/// <c>Header.FrameCount</c> is exact, and a truncated last frame is reported at once. On a non-seekable stream
/// <c>FrameCount</c> is 0 (unknown). Every problem throws <see cref="InvalidDataException"/> naming the byte offset.</para>
/// </remarks>
public sealed class Y4mReader : IVideoSource
{
    /// <summary>The longest header or FRAME line accepted, newline excluded.</summary>
    public const int MaxLineLength = 4096;

    /// <summary>The largest width or height accepted.</summary>
    public const int MaxDimension = 65535;

    /// <summary>The largest number of luma samples per frame accepted (2^28).</summary>
    public const long MaxLumaSamples = 1L << 28;

    /// <summary>The stream's first bytes.</summary>
    internal static readonly byte[] Magic = "YUV4MPEG2 "u8.ToArray();

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly VideoSourceOptions _options;
    private readonly byte[] _payload;
    private readonly int _limit;
    private long _offset;
    private bool _started;
    private bool _ended;
    private bool _disposed;

    /// <summary>Opens a y4m stream and reads its header.</summary>
    /// <param name="stream">The stream, positioned at "YUV4MPEG2 ".</param>
    /// <param name="options">Start and MaxFrames; the tool folder is not used.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="stream"/> open on dispose.</param>
    /// <exception cref="InvalidDataException">The header is malformed or unsupported.</exception>
    public Y4mReader(Stream stream, VideoSourceOptions? options = null, bool leaveOpen = false)
        : this(stream, options, leaveOpen, null)
    {
    }

    /// <summary>Opens a y4m stream; <paramref name="notY4mMessage"/> replaces the message for a missing signature.</summary>
    internal Y4mReader(Stream stream, VideoSourceOptions? options, bool leaveOpen, string? notY4mMessage)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _options = options ?? VideoSourceOptions.Default;
        _options.Validate();
        _leaveOpen = leaveOpen;
        try
        {
            Header = ParseHeader(stream, notY4mMessage);
            long frameBytes = RawFrameCodec.FrameBytes(Header);
            _payload = new byte[frameBytes];
            if (stream.CanSeek)
            {
                long dataStart = stream.Position;
                int framesInFile = CountFrames(stream, frameBytes);
                stream.Position = dataStart;
                Header = Header with { FrameCount = _options.Deliverable(framesInFile) };
            }

            _limit = _options.MaxFrames ?? int.MaxValue;
            _stream = stream is BufferedStream ? stream : new BufferedStream(stream, 1 << 16);
        }
        catch
        {
            if (!leaveOpen)
            {
                stream.Dispose();
            }

            throw;
        }
    }

    /// <inheritdoc />
    public SequenceHeader Header { get; }

    /// <inheritdoc />
    public int FramesRead { get; private set; }

    /// <summary>Opens a y4m file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Start and MaxFrames.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The header is malformed or unsupported.</exception>
    public static Y4mReader Open(string path, VideoSourceOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Input file not found: {path}", path);
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        return new Y4mReader(file, options, leaveOpen: false);
    }

    /// <inheritdoc />
    public bool TryReadFrame(VideoFrame frame, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        RawFrameCodec.CheckMatches(frame, Header, nameof(frame));
        cancellationToken.ThrowIfCancellationRequested();
        if (_ended)
        {
            return false;
        }

        if (!_started)
        {
            _started = true;
            for (int i = 0; i < _options.Start; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!ReadPayload(i))
                {
                    _ended = true;
                    return false;
                }
            }
        }

        if (FramesRead >= _limit || !ReadPayload(_options.Start + FramesRead))
        {
            _ended = true;
            return false;
        }

        long bad = RawFrameCodec.Unpack(_payload, frame);
        if (bad >= 0)
        {
            throw new InvalidDataException(
                $"Y4M frame {_options.Start + FramesRead}: sample {bad} is above the {Header.BitDepth}-bit maximum {(1 << Header.BitDepth) - 1} (payload ends at byte offset {_offset}).");
        }

        FramesRead++;
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    /// <summary>Reads one FRAME line and its payload into <see cref="_payload"/>; false at a clean end of stream.</summary>
    private bool ReadPayload(int index)
    {
        long lineOffset = _offset;
        string? line = ReadLine(_stream, ref _offset, allowEof: true);
        if (line is null)
        {
            return false;
        }

        CheckFrameLine(line, lineOffset);
        int got = 0;
        while (got < _payload.Length)
        {
            int n = _stream.Read(_payload, got, _payload.Length - got);
            if (n == 0)
            {
                throw new InvalidDataException(
                    $"Truncated Y4M frame {index} at byte offset {_offset}: expected {_payload.Length} bytes of samples, got {got}.");
            }

            got += n;
            _offset += n;
        }

        return true;
    }

    private static void CheckFrameLine(string line, long offset)
    {
        if (line != "FRAME" && !line.StartsWith("FRAME ", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Expected a Y4M FRAME header at byte offset {offset}, found \"{Truncate(line)}\".");
        }
    }

    /// <summary>Counts whole frames from the current position of a seekable stream, checking each FRAME line.</summary>
    private static int CountFrames(Stream stream, long frameBytes)
    {
        long length = stream.Length;
        long offset = stream.Position;
        int count = 0;
        while (true)
        {
            long lineOffset = offset;
            string? line = ReadLine(stream, ref offset, allowEof: true);
            if (line is null)
            {
                return count;
            }

            CheckFrameLine(line, lineOffset);
            if (length - offset < frameBytes)
            {
                throw new InvalidDataException(
                    $"Truncated Y4M frame {count} at byte offset {offset}: expected {frameBytes} bytes of samples, the file has {length - offset}.");
            }

            offset += frameBytes;
            stream.Position = offset;
            count++;
        }
    }

    /// <summary>Reads bytes up to '\n' (excluded) as ASCII, capped at <see cref="MaxLineLength"/>.</summary>
    /// <returns>The line, or <see langword="null"/> at end of stream before any byte when <paramref name="allowEof"/>.</returns>
    private static string? ReadLine(Stream stream, ref long offset, bool allowEof)
    {
        long start = offset;
        Span<byte> bytes = stackalloc byte[MaxLineLength];
        int length = 0;
        while (true)
        {
            int b = stream.ReadByte();
            if (b < 0)
            {
                if (length == 0 && allowEof)
                {
                    return null;
                }

                throw new InvalidDataException($"Truncated Y4M header line at byte offset {start}: the stream ended before its newline.");
            }

            offset++;
            if (b == '\n')
            {
                return Encoding.Latin1.GetString(bytes[..length]);
            }

            if (length == MaxLineLength)
            {
                throw new InvalidDataException($"Y4M header line at byte offset {start} is longer than {MaxLineLength} bytes.");
            }

            bytes[length++] = (byte)b;
        }
    }

    private SequenceHeader ParseHeader(Stream stream, string? notY4mMessage)
    {
        var magic = new byte[Magic.Length];
        int got = 0;
        while (got < magic.Length)
        {
            int n = stream.Read(magic, got, magic.Length - got);
            if (n == 0)
            {
                break;
            }

            got += n;
        }

        if (!magic.AsSpan(0, got).SequenceEqual(Magic))
        {
            throw new InvalidDataException(notY4mMessage ?? "Not a YUV4MPEG2 (y4m) stream: it does not start with \"YUV4MPEG2 \".");
        }

        long offset = Magic.Length;
        string line = "YUV4MPEG2 " + ReadLine(stream, ref offset, allowEof: false);
        _offset = offset;

        int width = 0, height = 0;
        var rate = new Rational(25, 1);
        Y4mChroma chroma = Y4mChroma.Default;
        bool fullRange = false;
        int position = "YUV4MPEG2".Length;
        foreach (string token in line[position..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string value = token[1..];
            switch (token[0])
            {
                case 'W':
                    width = ParseDimension(value, "width (W)");
                    break;
                case 'H':
                    height = ParseDimension(value, "height (H)");
                    break;
                case 'F':
                    rate = ParseRate(value);
                    break;
                case 'I':
                    if (value is not ("p" or "?"))
                    {
                        throw new InvalidDataException(value is "t" or "b" or "m"
                            ? $"Interlaced Y4M input (I{value}) is not supported; deinterlace it first (for example ffmpeg -vf bwdif)."
                            : $"Y4M header has an invalid interlacing tag \"I{Truncate(value)}\".");
                    }

                    break;
                case 'C':
                    chroma = Y4mChroma.Parse(value) ?? throw new InvalidDataException(
                        $"Unsupported Y4M colour space \"C{Truncate(value)}\"; supported: 420jpeg, 420mpeg2, 420paldv, 420, 422, 444, mono and 420pN/422pN/444pN/monoN for N = 9..16.");
                    break;
                case 'X':
                    if (value.StartsWith("COLORRANGE=", StringComparison.Ordinal))
                    {
                        fullRange = value["COLORRANGE=".Length..] switch
                        {
                            "FULL" => true,
                            "LIMITED" => false,
                            _ => throw new InvalidDataException($"Y4M header has an invalid \"X{Truncate(value)}\"; expected XCOLORRANGE=FULL or LIMITED."),
                        };
                    }

                    break;
                default:
                    break; // A (aspect ratio) and unknown tags are ignored.
            }
        }

        if (width == 0 || height == 0)
        {
            throw new InvalidDataException("Y4M header lacks the width (W) or height (H) tag.");
        }

        if ((long)width * height > MaxLumaSamples)
        {
            throw new InvalidDataException($"Y4M frame size {width}x{height} is too large (more than {MaxLumaSamples} samples).");
        }

        return new SequenceHeader
        {
            Width = width,
            Height = height,
            FrameCount = 0,
            FrameRate = rate,
            ChromaFormat = chroma.Format,
            BitDepth = chroma.BitDepth,
            Color = ColorDescription.Unspecified with { FullRange = fullRange, ChromaSamplePosition = chroma.ChromaSamplePosition },
        };
    }

    private static int ParseDimension(string value, string name)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int v) || v is < 1 or > MaxDimension)
        {
            throw new InvalidDataException($"Y4M header has an invalid {name} \"{Truncate(value)}\"; expected 1..{MaxDimension}.");
        }

        return v;
    }

    private static Rational ParseRate(string value)
    {
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0
            || !int.TryParse(value.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int d)
            || (n == 0) != (d == 0))
        {
            throw new InvalidDataException($"Y4M header has an invalid frame rate \"F{Truncate(value)}\"; expected F<num>:<den> with both positive.");
        }

        return n == 0 ? new Rational(25, 1) : new Rational(n, d);
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
