using Asmr.Cli.Tests.Hardening;
using Asmr.Cli.Tests.Support;

namespace Asmr.Cli.Tests.Commands;

/// <summary>
/// The work folder of a multi-segment encode and <c>encode --resume</c>, on a 16x16, 7-frame clip cut into 4 segments
/// (segment length 2), one thread. The reference is the same encode written to stdout, which keeps no work folder and
/// builds the file in memory, so the tests compare the resumable path with the one it must equal byte for byte.
/// </summary>
public sealed class ResumeTests
{
    private static readonly string[] Common = ["--segment-length", "2", "--steps", "60", "--threads", "1"];
    private static readonly Lazy<Task<byte[]>> Reference = new(EncodeToStdoutAsync);

    [Fact]
    public async Task An_uninterrupted_encode_equals_the_in_memory_encode_and_removes_its_work_folder()
    {
        using var temp = NewClip();

        var result = await Asmrc.RunAsync(["encode", temp.File("in.y4m"), temp.File("out.asmr"), "--quiet", .. Common]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(await Reference.Value, File.ReadAllBytes(temp.File("out.asmr")));
        Assert.Equal(["in.y4m", "out.asmr"], Listing(temp.Path));
    }

    [Fact]
    public async Task An_encode_interrupted_after_its_first_segment_resumes_to_the_same_file_fitting_only_the_rest()
    {
        using var temp = NewClip();
        string output = temp.File("out.asmr");
        string first = Path.Combine(output + ".parts", "segment-00000.asmrpart");
        using var interrupt = new CancellationTokenSource();
        // Ctrl-C as the CLI sees it (a cancelled token), the moment the second segment starts fitting: the first
        // finished segment is on disk by then. Cancelling on the writing thread makes the moment exact.
        using var error = new TripwireWriter("segment 2/4 fitting: started", interrupt.Cancel);

        var stopped = await Asmrc.RunAsync(["encode", temp.File("in.y4m"), output, .. Common], error, interrupt.Token);
        bool firstKept = File.Exists(first);
        bool outputAfterStop = File.Exists(output);
        var resumed = await Asmrc.RunAsync(["encode", temp.File("in.y4m"), output, "--resume", .. Common]);

        Assert.True(stopped.ExitCode == ExitCodes.Interrupted, stopped.ToString());
        Assert.Contains($"kept in '{output}.parts'; the same command with --resume goes on from there", stopped.StandardError, StringComparison.Ordinal);
        Assert.True(firstKept, stopped.ToString());
        Assert.False(outputAfterStop);
        Assert.True(resumed.ExitCode == ExitCodes.Success, resumed.ToString());
        Assert.DoesNotContain("segment 1/4 fitting", resumed.StandardError, StringComparison.Ordinal);
        Assert.Contains("segment 4/4 fitting", resumed.StandardError, StringComparison.Ordinal);
        Assert.Equal(await Reference.Value, File.ReadAllBytes(output));
        Assert.Equal(["in.y4m", "out.asmr"], Listing(temp.Path));
    }

    [Fact]
    public async Task A_damaged_leftover_is_reported_in_one_line_and_encoded_again()
    {
        using var temp = NewClip();
        string output = temp.File("out.asmr");
        string[] parts = await PlaceLeftoversAsync(output, temp.File("in.y4m"));
        byte[] bytes = File.ReadAllBytes(parts[1]);
        bytes[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(parts[1], bytes);
        // What a power loss in the middle of a write leaves: a temporary name, never a part name.
        File.WriteAllBytes(parts[2] + ".tmp0123456789abcdef", bytes[..20]);

        var result = await Asmrc.RunAsync(["encode", temp.File("in.y4m"), output, "--resume", .. Common]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        string note = Assert.Single(result.StandardError.Split('\n'), l => l.Contains("is damaged", StringComparison.Ordinal));
        Assert.StartsWith($"note: '{parts[1]}' is damaged (", note, StringComparison.Ordinal);
        Assert.EndsWith("); segment 1 is encoded again.", note, StringComparison.Ordinal);
        Assert.Contains("note: resuming: 1 of 4 segments are reused", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("segment 2/4 fitting", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(await Reference.Value, File.ReadAllBytes(output));
        Assert.Equal(["in.y4m", "out.asmr"], Listing(temp.Path));
    }

    [Fact]
    public async Task A_leftover_of_another_source_video_is_reported_and_encoded_again()
    {
        using var temp = NewClip();
        string output = temp.File("out.asmr");
        File.WriteAllBytes(temp.File("other.y4m"), TinyVideo.Y4m(16, 16, 7, 1));
        await PlaceLeftoversAsync(output, temp.File("other.y4m"));

        var result = await Asmrc.RunAsync(["encode", temp.File("in.y4m"), output, "--resume", .. Common]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("segment-00000.asmrpart' is from another source video (or other --start/--frames); segment 0 is encoded again.", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("note: resuming: 0 of 4 segments are reused", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(await Reference.Value, File.ReadAllBytes(output));
    }

    [Fact]
    public async Task A_leftover_encoded_with_other_settings_is_reported_and_encoded_again()
    {
        using var temp = NewClip();
        string output = temp.File("out.asmr");
        string other = Path.Combine(output + ".parts", "segment-00002.asmrpart");
        Directory.CreateDirectory(output + ".parts");
        string[] seed = [.. Common, "--seed", "7"];
        await Succeed(["encode", temp.File("in.y4m"), other, "--shard", "3/4", "--quiet", .. seed]);

        var result = await Asmrc.RunAsync(["encode", temp.File("in.y4m"), output, "--resume", .. Common]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("segment-00002.asmrpart' is from other settings, another asmrc build or another kind of machine; segment 2 is encoded again.", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(await Reference.Value, File.ReadAllBytes(output));
    }

    [Fact]
    public async Task Resume_without_a_work_folder_just_encodes()
    {
        using var temp = NewClip();

        var result = await Asmrc.RunAsync(["encode", temp.File("in.y4m"), temp.File("out.asmr"), "--resume", "--quiet", .. Common]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(await Reference.Value, File.ReadAllBytes(temp.File("out.asmr")));
        Assert.Equal(["in.y4m", "out.asmr"], Listing(temp.Path));
    }

    [Fact]
    public async Task Leftovers_without_resume_are_refused_as_an_output_error_and_kept()
    {
        using var temp = NewClip();
        string output = temp.File("out.asmr");
        string[] parts = await PlaceLeftoversAsync(output, temp.File("in.y4m"));

        var result = await Asmrc.RunAsync(["encode", temp.File("in.y4m"), output, .. Common]);

        Assert.Equal(ExitCodes.OutputError, result.ExitCode);
        Assert.Equal($"asmrc: error: The work folder '{output}.parts' holds 2 finished segments of an earlier encode.", result.ErrorLines[0]);
        Assert.DoesNotContain("fitting", result.StandardError, StringComparison.Ordinal);
        Assert.All(parts[..2], p => Assert.True(File.Exists(p)));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task A_work_dir_of_ones_choosing_is_used_and_removed_after_success()
    {
        using var temp = NewClip();
        string work = temp.File("elsewhere");

        var result = await Asmrc.RunAsync(["encode", temp.File("in.y4m"), temp.File("out.asmr"), "--work-dir", work, "--quiet", .. Common]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(await Reference.Value, File.ReadAllBytes(temp.File("out.asmr")));
        Assert.Equal(["in.y4m", "out.asmr"], Listing(temp.Path));
    }

    [Fact]
    public async Task Resume_with_a_shard_is_a_usage_error()
    {
        using var temp = NewClip();

        var result = await Asmrc.RunAsync(["encode", temp.File("in.y4m"), temp.File("p.part"), "--shard", "1/2", "--resume", .. Common]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--resume and --work-dir are for a whole encode", result.StandardError, StringComparison.Ordinal);
    }

    private static TempDirectory NewClip()
    {
        var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("in.y4m"), TinyVideo.Y4m(16, 16, 7, 0));
        return temp;
    }

    /// <summary>
    /// Puts segments 0 and 1 of <paramref name="source"/> into OUT's work folder as an interrupted encode leaves them:
    /// a work folder's segment s is the part <c>--shard s+1/4</c> writes. Returns the paths of segments 0 to 3.
    /// </summary>
    private static async Task<string[]> PlaceLeftoversAsync(string output, string source)
    {
        string folder = Directory.CreateDirectory(output + ".parts").FullName;
        string[] parts = [.. Enumerable.Range(0, 4).Select(s => Path.Combine(folder, $"segment-{s:D5}.asmrpart"))];
        for (int s = 0; s < 2; s++)
        {
            await Succeed(["encode", source, parts[s], "--shard", $"{s + 1}/4", "--quiet", .. Common]);
        }

        return parts;
    }

    private static async Task Succeed(string[] args)
    {
        var result = await Asmrc.RunAsync(args);
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
    }

    private static string[] Listing(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>The in-memory encode: to stdout (a child process, since stdout is binary), with no work folder.</summary>
    private static async Task<byte[]> EncodeToStdoutAsync()
    {
        using var temp = NewClip();
        var result = await ChildAsmrc.RunAsync(["encode", temp.File("in.y4m"), "-", "--quiet", .. Common], temp.Path, stdoutPath: temp.File("ref.asmr"));
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        return File.ReadAllBytes(temp.File("ref.asmr"));
    }
}
