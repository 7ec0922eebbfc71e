namespace Asmr.Cli.Commands.Decode;

/// <summary>What <c>asmrc decode</c> writes, chosen from the OUT argument.</summary>
internal enum DecodeOutputKind
{
    /// <summary><c>-</c>: YUV4MPEG2 on stdout.</summary>
    Y4mStdout,

    /// <summary>A <c>.y4m</c> file.</summary>
    Y4mFile,

    /// <summary>A <c>.mp4</c>, <c>.mkv</c>, <c>.mov</c>, <c>.webm</c> or <c>.avi</c> file, encoded by ffmpeg.</summary>
    FfmpegFile,

    /// <summary>One PNG per frame, from a printf-style pattern such as <c>frame_%04d.png</c>.</summary>
    PngSequence,

    /// <summary>A single <c>.png</c> name without a number field: allowed when exactly one frame is decoded.</summary>
    PngSingle,
}
