using Asmr.Cli.Tests.Support;

namespace Asmr.Cli.Tests.Hardening;

/// <summary>
/// A tiny valid file may declare 65535×65535 pictures. A whole frame cannot be held in memory, so asmrc refuses it
/// with a clear message (exit 5) instead of failing inside (exit 7); a crop of it decodes in bounded memory.
/// </summary>
public sealed class HugePictureTests
{
    [Theory]
    [InlineData("out.y4m")]
    [InlineData("-")]
    public async Task Decoding_a_whole_65535_square_frame_is_refused_with_exit_5_and_a_crop_hint(string output)
    {
        using var temp = new TempDirectory();
        HardeningInputs.WriteHugePictureAsmr(temp.File("huge.asmr"));

        var result = await Asmrc.RunAsync("decode", temp.File("huge.asmr"), output == "-" ? output : temp.File(output), "--frames", "0:1");

        Assert.Equal(ExitCodes.Unsupported, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains("--crop", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
        Assert.Equal(["huge.asmr"], HardeningInputs.Listing(temp.Path));
    }

    [Fact]
    public async Task A_crop_of_the_last_frame_of_a_65535_square_sequence_decodes()
    {
        using var temp = new TempDirectory();
        HardeningInputs.WriteHugePictureAsmr(temp.File("huge.asmr"));

        var result = await Asmrc.RunAsync("decode", temp.File("huge.asmr"), temp.File("crop.y4m"), "--frames", "255:256", "--crop", "65518,65518,16,16", "--quiet");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        byte[] y4m = File.ReadAllBytes(temp.File("crop.y4m"));
        int headerLine = Array.IndexOf(y4m, (byte)'\n') + 1;
        Assert.StartsWith("YUV4MPEG2 W16 H16 ", System.Text.Encoding.ASCII.GetString(y4m, 0, headerLine), StringComparison.Ordinal);
        Assert.Equal("FRAME\n".Length + (16 * 16 * 3 / 2), y4m.Length - headerLine);
    }
}
