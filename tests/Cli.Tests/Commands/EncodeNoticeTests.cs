using Asmr.Cli.Tests.Support;

namespace Asmr.Cli.Tests.Commands;

/// <summary>The warning and note lines encode writes about its input and output names (tiny real encodes).</summary>
public sealed class EncodeNoticeTests
{
    [Fact]
    public async Task An_asmr_written_to_a_video_name_gets_a_warning_and_is_still_written()
    {
        using var temp = new TempDirectory();
        Ffmpeg.TestPattern(temp.File("in.y4m"), frames: 2);

        var result = await Asmrc.RunAsync("encode", temp.File("in.y4m"), temp.File("out.mp4"), "--steps", "20", "--threads", "1");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains(result.ErrorLines, line => line.StartsWith($"warning: '{temp.File("out.mp4")}' will hold an .asmr stream, not a MP4 video", StringComparison.Ordinal) && line.EndsWith("name it out.asmr.", StringComparison.Ordinal));
        Assert.True(File.Exists(temp.File("out.mp4")));
    }

    [Fact]
    public async Task An_asmr_written_to_an_asmr_name_gets_no_warning()
    {
        using var temp = new TempDirectory();
        Ffmpeg.TestPattern(temp.File("in.y4m"), frames: 2);

        var result = await Asmrc.RunAsync("encode", temp.File("in.y4m"), temp.File("out.asmr"), "--steps", "20", "--threads", "1");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.DoesNotContain(result.ErrorLines, line => line.StartsWith("warning:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_input_with_sound_gets_a_note_that_the_audio_is_dropped()
    {
        using var temp = new TempDirectory();
        Ffmpeg.TestPattern(temp.File("talk.mp4"), frames: 2, withAudio: true);

        var result = await Asmrc.RunAsync("encode", temp.File("talk.mp4"), temp.File("out.asmr"), "--steps", "20", "--threads", "1");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains($"note: '{temp.File("talk.mp4")}' has sound; asmrc encodes only the picture, so the audio is dropped.", result.ErrorLines);
    }

    [Fact]
    public async Task An_input_without_sound_gets_no_audio_note()
    {
        using var temp = new TempDirectory();
        Ffmpeg.TestPattern(temp.File("silent.mp4"), frames: 2);

        var result = await Asmrc.RunAsync("encode", temp.File("silent.mp4"), temp.File("out.asmr"), "--steps", "20", "--threads", "1");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.DoesNotContain(result.ErrorLines, line => line.Contains("audio", StringComparison.Ordinal));
    }
}
