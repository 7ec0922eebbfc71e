using System.Text.Json;
using Asmr.Cli.Tests.Support;
using Asmr.Codec;
using Asmr.Codec.Sharding;

namespace Asmr.Cli.Tests.Commands;

/// <summary>
/// <c>encode --plan</c>, <c>encode --shard</c> and <c>merge</c> on a 16x16, 7-frame clip cut into 4 segments
/// (segment length 2), 20 steps, one thread: the parts are encoded once and shared by the tests.
/// </summary>
public sealed class ShardMergeTests
{
    private static readonly string[] Common = ["--segment-length", "2", "--steps", "20", "--threads", "1", "--quiet"];
    private static readonly Lazy<Task<Encoded>> Shared = new(EncodeAllAsync);

    [Fact]
    public async Task Plan_lists_the_segments_and_the_shards_that_make_sense_without_writing_anything()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("in.y4m"), TinyVideo.Y4m(16, 16, 7, 0));

        var result = await Asmrc.RunAsync("encode", temp.File("in.y4m"), "--plan", "--segment-length", "2");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("7 frames 16x16 (from input frame 0), 4 segments", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("shards: 1 to 4", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(["in.y4m"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Plan_as_json_gives_each_segments_first_frame_and_frame_count_and_each_split()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("in.y4m"), TinyVideo.Y4m(16, 16, 7, 0));

        var result = await Asmrc.RunAsync("encode", temp.File("in.y4m"), "--plan", "--json", "--segment-length", "2");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var segments = json.RootElement.GetProperty("segments").EnumerateArray()
            .Select(s => (s.GetProperty("index").GetInt32(), s.GetProperty("first_frame").GetInt32(), s.GetProperty("frames").GetInt32()));
        Assert.Equal([(0, 0, 1), (1, 1, 2), (2, 3, 2), (3, 5, 2)], segments);
        Assert.Equal(4, json.RootElement.GetProperty("max_shards").GetInt32());
        var threeWays = json.RootElement.GetProperty("shards")[2].GetProperty("segments").EnumerateArray()
            .Select(r => (r.GetProperty("first").GetInt32(), r.GetProperty("last").GetInt32()));
        Assert.Equal([(0, 0), (1, 1), (2, 3)], threeWays);
    }

    [Fact]
    public void Shards_take_contiguous_runs_that_differ_by_at_most_one_segment_with_the_later_shards_taking_the_extra()
    {
        var plan = SegmentPlan.For(16, new EncoderSettings { SegmentLength = 2 });

        var sizes = Enumerable.Range(1, 3).Select(k => plan.Shard(k, 3)).ToList();

        Assert.Equal([2, 3, 3], sizes.Select(s => s.Count));
        Assert.Equal(Enumerable.Range(0, 8), sizes.SelectMany(s => s.Select(p => p.Index)));
    }

    [Fact]
    public async Task Merged_parts_given_in_any_order_are_byte_identical_to_a_single_machine_encode()
    {
        var encoded = await Shared.Value;
        string merged = encoded.Temp.File("merged.asmr");

        var result = await Asmrc.RunAsync("merge", merged, encoded.Parts[2], encoded.Parts[0], encoded.Parts[1]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(File.ReadAllBytes(encoded.Whole), File.ReadAllBytes(merged));
    }

    [Fact]
    public async Task Merge_refuses_a_missing_part_naming_the_segments_and_writes_nothing()
    {
        var encoded = await Shared.Value;
        string output = encoded.Temp.File("missing.asmr");

        var result = await Asmrc.RunAsync("merge", output, encoded.Parts[0], encoded.Parts[2]);

        Assert.Equal(ExitCodes.PartsMismatch, result.ExitCode);
        Assert.Equal("asmrc: error: segment 1 of 0-3 is in none of the parts: a part is missing.", Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Merge_refuses_a_part_given_twice_naming_it()
    {
        var encoded = await Shared.Value;
        string output = encoded.Temp.File("twice.asmr");

        var result = await Asmrc.RunAsync("merge", output, encoded.Parts[0], encoded.Parts[1], encoded.Parts[1], encoded.Parts[2]);

        Assert.Equal(ExitCodes.PartsMismatch, result.ExitCode);
        Assert.Contains("p2.part", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Contains("given twice", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Merge_refuses_a_part_encoded_with_other_settings_naming_that_part()
    {
        var encoded = await Shared.Value;
        string output = encoded.Temp.File("settings.asmr");

        var result = await Asmrc.RunAsync("merge", output, encoded.Parts[0], encoded.OtherSteps, encoded.Parts[2]);

        Assert.Equal(ExitCodes.PartsMismatch, result.ExitCode);
        Assert.StartsWith("asmrc: error: 'steps21.part' is not a part of the same encode", result.ErrorLines[0].Replace(encoded.Temp.Path + "/", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("other settings", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Merge_refuses_a_part_of_another_source_video_naming_that_part()
    {
        var encoded = await Shared.Value;
        string output = encoded.Temp.File("source.asmr");

        var result = await Asmrc.RunAsync("merge", output, encoded.Parts[0], encoded.OtherSource, encoded.Parts[2]);

        Assert.Equal(ExitCodes.PartsMismatch, result.ExitCode);
        Assert.Contains("other.part' is not a part of the same encode", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("another source video", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("flipped")]
    [InlineData("truncated")]
    public async Task Merge_refuses_a_damaged_part_as_corrupt_naming_it(string damage)
    {
        var encoded = await Shared.Value;
        byte[] bytes = File.ReadAllBytes(encoded.Parts[1]);
        if (damage == "flipped")
        {
            bytes[bytes.Length / 2] ^= 0x10;
        }
        else
        {
            bytes = bytes[..^7];
        }

        string damaged = encoded.Temp.File($"{damage}.part");
        File.WriteAllBytes(damaged, bytes);
        string output = encoded.Temp.File($"{damage}.asmr");

        var result = await Asmrc.RunAsync("merge", output, encoded.Parts[0], damaged, encoded.Parts[2]);

        Assert.Equal(ExitCodes.InvalidAsmr, result.ExitCode);
        Assert.Contains($"'{damaged}' is not an intact part file", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Merge_refuses_a_whole_video_given_as_a_part()
    {
        var encoded = await Shared.Value;
        string output = encoded.Temp.File("whole-as-part.asmr");

        var result = await Asmrc.RunAsync("merge", output, encoded.Whole, encoded.Parts[1]);

        Assert.Equal(ExitCodes.InvalidAsmr, result.ExitCode);
        Assert.Contains("this is a whole .asmr video, not a part file", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Decode_refuses_a_part_as_unsupported_saying_it_is_a_part()
    {
        var encoded = await Shared.Value;
        string output = encoded.Temp.File("part.y4m");

        var result = await Asmrc.RunAsync("decode", encoded.Parts[1], output);

        Assert.Equal(ExitCodes.Unsupported, result.ExitCode);
        Assert.Contains("this is a part file made by asmrc encode --shard", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Info_describes_a_part_as_a_part_with_its_shard_segments_and_frames()
    {
        var encoded = await Shared.Value;

        var text = await Asmrc.RunAsync("info", encoded.Parts[2]);
        var json = await Asmrc.RunAsync("info", encoded.Parts[2], "--json");

        Assert.True(text.ExitCode == ExitCodes.Success, text.ToString());
        Assert.Contains("a part file (asmrc encode --shard), not a whole video: shard 3/3, segments 2-3 of 0-3, frames 3-6 of 7", text.StandardOutput, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.StandardOutput);
        var part = doc.RootElement.GetProperty("part");
        Assert.Equal((3, 3, 2, 3), (part.GetProperty("shard").GetInt32(), part.GetProperty("shard_count").GetInt32(), part.GetProperty("first_segment").GetInt32(), part.GetProperty("last_segment").GetInt32()));
    }

    [Fact]
    public async Task A_shard_count_above_the_plans_segments_is_a_usage_error_before_training()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("in.y4m"), TinyVideo.Y4m(16, 16, 7, 0));

        var result = await Asmrc.RunAsync(["encode", temp.File("in.y4m"), temp.File("p.part"), "--shard", "5/5", .. Common]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("the plan has 4 segments, so at most 4 shards get work", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("p.part")));
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("2")]
    [InlineData("a/b")]
    public async Task A_malformed_shard_is_a_usage_error(string shard)
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("in.y4m"), TinyVideo.Y4m(16, 16, 7, 0));

        var result = await Asmrc.RunAsync(["encode", temp.File("in.y4m"), temp.File("p.part"), "--shard", shard, .. Common]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--shard must be K/N", result.StandardError, StringComparison.Ordinal);
    }

    private static async Task<Encoded> EncodeAllAsync()
    {
        var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("in.y4m"), TinyVideo.Y4m(16, 16, 7, 0));
        File.WriteAllBytes(temp.File("other.y4m"), TinyVideo.Y4m(16, 16, 7, 1));
        Directory.CreateDirectory(temp.File("other"));
        File.WriteAllBytes(temp.File("other/in.y4m"), TinyVideo.Y4m(16, 16, 7, 1));
        await Run(["encode", temp.File("in.y4m"), temp.File("whole.asmr"), .. Common]);
        string[] parts = [temp.File("p1.part"), temp.File("p2.part"), temp.File("p3.part")];
        for (int k = 1; k <= 3; k++)
        {
            await Run(["encode", temp.File("in.y4m"), parts[k - 1], "--shard", $"{k}/3", .. Common]);
        }

        string[] otherSteps = [.. Common];
        otherSteps[3] = "21";
        await Run(["encode", temp.File("in.y4m"), temp.File("steps21.part"), "--shard", "2/3", .. otherSteps]);
        // The same name in another folder: only the frames differ.
        await Run(["encode", temp.File("other/in.y4m"), temp.File("other.part"), "--shard", "2/3", .. Common]);
        return new Encoded(temp, temp.File("whole.asmr"), parts, temp.File("steps21.part"), temp.File("other.part"));
    }

    private static async Task Run(string[] args)
    {
        var result = await Asmrc.RunAsync(args);
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
    }

    private sealed record Encoded(TempDirectory Temp, string Whole, string[] Parts, string OtherSteps, string OtherSource);
}
