using Asmr.Codec.Training;
using Asmr.Decoder.Video;
using Asmr.Media.IO;

namespace Asmr.Experiments;

/// <summary>Source clips for the harnesses, read with the product's y4m reader.</summary>
internal static class Clips
{
    /// <summary>The first <paramref name="maxFrames"/> frames of a y4m file, copied (the reader reuses its buffers).</summary>
    public static VideoClip Read(string path, int maxFrames)
    {
        using var reader = Y4mReader.Open(path, new VideoSourceOptions { MaxFrames = maxFrames });
        var frames = new List<VideoFrame>();
        foreach (var frame in reader.ReadFrames())
        {
            var copy = new VideoFrame(frame.Width, frame.Height, frame.Chroma, frame.BitDepth);
            for (int p = 0; p < frame.PlaneCount; p++)
            {
                frame.Planes[p].CopyTo(copy.Planes[p], 0);
            }

            frames.Add(copy);
        }

        return new VideoClip(frames);
    }

    /// <summary>Where a harness writes its outputs: experiments/runs/ (not committed).</summary>
    public static string RunFile(string name)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "runs");
        Directory.CreateDirectory(folder);
        return Path.GetFullPath(Path.Combine(folder, name));
    }
}
