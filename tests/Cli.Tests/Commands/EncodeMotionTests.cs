using System.Text;
using Asmr.Cli.Hosting;
using Asmr.Cli.Tests.Support;
using Asmr.Container;

namespace Asmr.Cli.Tests.Commands;

/// <summary>
/// <c>encode --motion</c>: a motion field where it pays, none when turned off; either way medium's context-coded grids
/// are interpolated, an output filter is fitted to the decoded frames and the records have compact headers, so the file
/// is format 7 (motion_block_log2 0 without a field).
/// </summary>
public sealed class EncodeMotionTests
{
    [Fact]
    public async Task A_panning_clip_is_coded_with_a_motion_field_in_a_version_7_file_that_decodes()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("in.y4m"), PanY4m(width: 128, height: 96, frames: 8));

        var result = await Asmrc.RunAsync("encode", temp.File("in.y4m"), temp.File("out.asmr"), "--steps", "30", "--size", "30k", "--threads", "2");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("motion: 100% (1/1), on: ", result.StandardError, StringComparison.Ordinal);
        using (var reader = AsmrReader.Open(temp.File("out.asmr")))
        {
            Assert.Equal(7, reader.Header.MinReaderVersion);
        }

        var info = await Asmrc.RunAsync("info", temp.File("out.asmr"));
        Assert.Contains("motion field: one vector per 16x16 block and frame", info.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("motion vectors ", info.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("output filter: a diamond of radius 3 per plane", info.StandardOutput, StringComparison.Ordinal);
        var decoded = await Asmrc.RunAsync("decode", temp.File("out.asmr"), temp.File("out.y4m"), "--quiet");
        Assert.Equal(ExitCodes.Success, decoded.ExitCode);
    }

    [Fact]
    public async Task Motion_off_writes_a_file_without_a_motion_field_and_records_the_choice()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("in.y4m"), PanY4m(width: 128, height: 96, frames: 8));

        var result = await Asmrc.RunAsync("encode", temp.File("in.y4m"), temp.File("out.asmr"), "--steps", "30", "--size", "30k", "--threads", "2", "--motion", "off");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.DoesNotContain("motion:", result.StandardError, StringComparison.Ordinal);
        using (var reader = AsmrReader.Open(temp.File("out.asmr")))
        {
            Assert.Equal(7, reader.Header.MinReaderVersion);
            Assert.Equal("off", reader.ReadMetadata()!.Settings!.Value.GetProperty("motion").GetString());
        }

        var info = await Asmrc.RunAsync("info", temp.File("out.asmr"));
        Assert.DoesNotContain("motion field", info.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("interpolated onto level", info.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>A smooth 4:2:0 picture moving half a sample right per frame.</summary>
    private static byte[] PanY4m(int width, int height, int frames)
    {
        using var stream = new MemoryStream();
        stream.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{width} H{height} F25:1 Ip A1:1 C420jpeg\n"));
        for (int f = 0; f < frames; f++)
        {
            stream.Write(Encoding.ASCII.GetBytes("FRAME\n"));
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    double u = x - (0.5 * f);
                    stream.WriteByte((byte)Math.Round(128 + (60 * Math.Sin(u * 0.19) * Math.Cos(y * 0.15)) + (40 * Math.Sin((u * 0.05) + (y * 0.09)))));
                }
            }

            for (int plane = 0; plane < 2; plane++)
            {
                for (int i = 0; i < (width / 2) * (height / 2); i++)
                {
                    stream.WriteByte((byte)(plane == 0 ? 110 : 140));
                }
            }
        }

        return stream.ToArray();
    }
}
