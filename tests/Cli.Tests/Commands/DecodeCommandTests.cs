using Asmr.Cli.Tests.Support;
using Asmr.Container;
using Asmr.Decoder.Inference;
using Asmr.Decoder.Files;
using Asmr.Media.IO;
using Asmr.Decoder.Video;

namespace Asmr.Cli.Tests.Commands;

public sealed class DecodeCommandTests
{
    [Fact]
    public async Task Decode_to_y4m_writes_every_frame_bit_identical_to_the_segment_decoder()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));

        var result = await Asmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("out.y4m"), "--quiet");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var decoded = ReadY4m(temp.File("out.y4m"));
        var expected = DecodeDirectly(temp.File("in.asmr"), 0, SampleAsmr.Frames, null);
        Assert.Equal(SampleAsmr.Frames, decoded.Count);
        for (int i = 0; i < decoded.Count; i++)
        {
            AssertSamePlanes(expected[i], decoded[i]);
        }
    }

    [Fact]
    public async Task Decode_frame_range_spanning_two_segments_writes_just_those_frames()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));

        var result = await Asmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("out.y4m"), "--frames", "1:3", "--quiet");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var decoded = ReadY4m(temp.File("out.y4m"));
        var expected = DecodeDirectly(temp.File("in.asmr"), 1, 3, null);
        Assert.Equal(2, decoded.Count);
        AssertSamePlanes(expected[0], decoded[0]);
        AssertSamePlanes(expected[1], decoded[1]);
    }

    [Fact]
    public async Task Decode_with_crop_writes_the_cropped_size()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));

        var result = await Asmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("out.y4m"), "--crop", "2,4,8,6", "--quiet");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var decoded = ReadY4m(temp.File("out.y4m"));
        Assert.All(decoded, f => Assert.Equal((8, 6), (f.Width, f.Height)));
        var expected = DecodeDirectly(temp.File("in.asmr"), 0, SampleAsmr.Frames, new CropRectangle(2, 4, 8, 6));
        AssertSamePlanes(expected[3], decoded[3]);
    }

    [Fact]
    public async Task Decode_with_a_crop_on_an_odd_column_of_420_video_is_a_usage_error()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));

        var result = await Asmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("out.y4m"), "--crop", "3,4,8,6");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("even column", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("out.y4m")));
    }

    [Fact]
    public async Task Decode_to_png_pattern_numbers_files_from_the_frame_index_plus_one()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));

        var result = await Asmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("f_%03d.png"), "--frames", "2:4", "--quiet");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(["f_003.png", "f_004.png"], Directory.GetFiles(temp.Path, "*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        byte[] png = File.ReadAllBytes(temp.File("f_003.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    [Fact]
    public async Task Decode_to_png_pattern_refuses_when_any_later_frame_file_exists_and_writes_none()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));
        File.WriteAllText(temp.File("f3.png"), "mine");

        var result = await Asmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("f%d.png"));

        Assert.Equal(ExitCodes.OutputError, result.ExitCode);
        Assert.Contains("f3.png", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(temp.File("f3.png")));
        Assert.Equal(["f3.png", "in.asmr"], Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Decode_to_png_pattern_with_overwrite_replaces_existing_frame_files()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));
        File.WriteAllText(temp.File("f3.png"), "mine");

        var result = await Asmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("f%d.png"), "-y", "--quiet");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(0x89, File.ReadAllBytes(temp.File("f3.png"))[0]);
        Assert.Equal(SampleAsmr.Frames, Directory.GetFiles(temp.Path, "*.png").Length);
    }

    [Fact]
    public async Task Decode_of_one_frame_to_a_plain_png_name_writes_that_file()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));

        var result = await Asmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("one.png"), "--frames", "2:3", "--quiet");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(["in.asmr", "one.png"], Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(0x89, File.ReadAllBytes(temp.File("one.png"))[0]);
    }

    [Fact]
    public async Task Decode_of_several_frames_to_a_plain_png_name_is_a_usage_error()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));

        var result = await Asmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("one.png"));

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("names one picture", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("one.png")));
    }

    [Fact]
    public async Task Decode_of_a_corrupt_file_exits_3_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));
        byte[] bytes = File.ReadAllBytes(temp.File("in.asmr"));
        bytes[^10] ^= 0x40; // inside the last MODL section: its CRC no longer matches
        File.WriteAllBytes(temp.File("in.asmr"), bytes);

        var result = await Asmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("out.y4m"));

        Assert.Equal(ExitCodes.InvalidAsmr, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Empty(Directory.GetFiles(temp.Path, "out*"));
    }

    [Fact]
    public async Task Decode_onto_an_existing_output_without_overwrite_exits_4_and_keeps_it()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));
        File.WriteAllText(temp.File("out.y4m"), "keep me");

        var result = await Asmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("out.y4m"));

        Assert.Equal(ExitCodes.OutputError, result.ExitCode);
        Assert.Equal("keep me", File.ReadAllText(temp.File("out.y4m")));
    }

    private static List<VideoFrame> DecodeDirectly(string path, int start, int end, CropRectangle? crop)
    {
        using var decoder = AsmrFileDecoder.Open(path);
        return [.. decoder.DecodeFrames(start, end, crop)];
    }

    private static List<VideoFrame> ReadY4m(string path)
    {
        using var source = Y4mReader.Open(path);
        return [.. source.ReadFrames()];
    }

    private static void AssertSamePlanes(VideoFrame expected, VideoFrame actual)
    {
        Assert.Equal(expected.PlaneCount, actual.PlaneCount);
        for (int p = 0; p < expected.PlaneCount; p++)
        {
            Assert.Equal(expected.Planes[p], actual.Planes[p]);
        }
    }
}
