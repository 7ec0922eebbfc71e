using Asmr.Benchmarks.RateDistortion;
using Asmr.Container;
using Asmr.Decoder.Video;
using Asmr.Media.IO;

namespace Asmr.Benchmarks.Tests.RateDistortion;

public class MeanFrameAnchorTests
{
    [Fact]
    public void WriteMean_EverySampleIsTheRoundedMeanOverTheFrames()
    {
        string folder = Directory.CreateTempSubdirectory("asmrc-mean-").FullName;
        try
        {
            var header = new SequenceHeader { Width = 4, Height = 2, FrameCount = 3, ChromaFormat = ChromaFormat.Yuv420, BitDepth = 8, FrameRate = new Rational(25, 1) };
            string source = Path.Combine(folder, "src.y4m");
            using (var writer = Y4mWriter.Create(source, header))
            {
                foreach (int value in new[] { 10, 11, 20 })
                {
                    var frame = new VideoFrame(4, 2, ChromaFormat.Yuv420, 8);
                    for (int p = 0; p < frame.PlaneCount; p++)
                    {
                        Array.Fill(frame.Planes[p], (ushort)(value + p));
                    }

                    frame.Planes[0][5] = (ushort)(value * 2);
                    writer.WriteFrame(frame);
                }

                writer.Complete();
            }

            string mean = Path.Combine(folder, "mean.y4m");
            MeanFrameAnchor.WriteMean(source, mean);

            using var reader = Y4mReader.Open(mean);
            var result = new VideoFrame(4, 2, ChromaFormat.Yuv420, 8);
            Assert.True(reader.TryReadFrame(result));
            Assert.False(reader.TryReadFrame(result));
            // (10 + 11 + 20) / 3 = 13.67 → 14; (20 + 22 + 40) / 3 = 27.33 → 27; chroma 14.67 → 15, 15.67 → 16.
            Assert.Equal(14, result.Planes[0][0]);
            Assert.Equal(27, result.Planes[0][5]);
            Assert.All(result.Planes[1], v => Assert.Equal(15, v));
            Assert.All(result.Planes[2], v => Assert.Equal(16, v));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
