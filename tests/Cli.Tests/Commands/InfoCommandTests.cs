using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text.Json;
using Asmr.Cli.Tests.Support;

namespace Asmr.Cli.Tests.Commands;

public sealed class InfoCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Info_summarises_a_real_file()
    {
        string path = _temp.File("clip.asmr");
        SampleAsmr.Write(path);

        var result = await Asmrc.RunAsync("info", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.StandardError);
        string text = result.StandardOutput;
        AssertHas(text, $"{path} ({new FileInfo(path).Length:N0} bytes)");
        AssertHas(text, "16x16, 4 frames at 25 fps (0.16 s), 4:2:0, 8-bit");
        AssertHas(text, "primaries BT.709 (1), transfer BT.709 (1), matrix BT.709 (1), limited range");
        AssertHas(text, "Segments (2)");
        AssertHas(text, "#0  frames 0-1 (2)");
        AssertHas(text, "#1  frames 2-3 (2)");
        AssertHas(text, "2 levels, bases t 2x1, y 4x4, x 4x4, width 8, 3 outputs");
        AssertHas(text, "modulation linear, table");
        AssertHas(text, $"{SampleAsmr.Architecture.ParameterCount():N0} parameters");
        AssertHas(text, "MAC/pixel (a SIREN of the same shape");
        AssertHas(text, "order-0 B");
        AssertHas(text, "  encoder   asmrc-tests 0.1.0");
        AssertHas(text, "created   2026-11-25 01:02:03 UTC");
        AssertHas(text, "psnr_y 31.25, ssim 0.9");
        AssertHas(text, "extra     note=written by Cli.Tests");
        AssertHas(text, "settings  {\"preset\":\"fast\",\"seed\":7}");
        foreach (string tag in new[] { "SEQH", "SEGI", "MODL", "meta" })
        {
            AssertHas(text, $" {tag} ");
        }
    }

    [Fact]
    public async Task Info_labels_the_rate_line_as_the_whole_file_and_the_metadata_bpp_as_the_models_only()
    {
        string path = _temp.File("clip.asmr");
        SampleAsmr.Write(path);

        var result = await Asmrc.RunAsync("info", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        string rate = Assert.Single(result.StandardOutput.Split('\n'), line => line.StartsWith("Rate ", StringComparison.Ordinal));
        Assert.EndsWith("bits per pixel (whole file)", rate, StringComparison.Ordinal);
        AssertHas(result.StandardOutput, "bpp 0.0461 (models only, without the container)");
    }

    [Fact]
    public async Task Info_json_carries_the_same_facts_under_stable_keys()
    {
        string path = _temp.File("clip.asmr");
        SampleAsmr.Write(path);

        var result = await Asmrc.RunAsync("info", path, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.Equal(path, root.GetProperty("file").GetProperty("path").GetString());
        Assert.Equal(new FileInfo(path).Length, root.GetProperty("file").GetProperty("size_bytes").GetInt64());
        Assert.Equal(1, root.GetProperty("format").GetProperty("version").GetInt32());
        Assert.Equal(1, root.GetProperty("format").GetProperty("min_reader_version").GetInt32());

        var video = root.GetProperty("video");
        Assert.Equal(16, video.GetProperty("width").GetInt32());
        Assert.Equal(16, video.GetProperty("height").GetInt32());
        Assert.Equal(4, video.GetProperty("frames").GetInt32());
        Assert.Equal(25.0, video.GetProperty("fps").GetProperty("value").GetDouble());
        Assert.Equal(0.16, video.GetProperty("duration_seconds").GetDouble(), 9);
        Assert.Equal("4:2:0", video.GetProperty("chroma_format").GetString());
        Assert.Equal(8, video.GetProperty("bit_depth").GetInt32());
        Assert.Equal("BT.709", video.GetProperty("colour").GetProperty("primaries").GetProperty("name").GetString());
        Assert.Equal("limited", video.GetProperty("colour").GetProperty("range").GetString());

        var segments = root.GetProperty("segments");
        Assert.Equal(2, segments.GetArrayLength());
        var second = segments[1];
        Assert.Equal(2, second.GetProperty("first_frame").GetInt32());
        Assert.Equal(3, second.GetProperty("last_frame").GetInt32());
        var architecture = second.GetProperty("architecture");
        Assert.Equal(2, architecture.GetProperty("levels").GetInt32());
        Assert.Equal([4, 4], architecture.GetProperty("bases").GetProperty("y").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(["linear", "table"], architecture.GetProperty("modulation").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(SampleAsmr.Architecture.ParameterCount(), architecture.GetProperty("parameters").GetInt64());
        Assert.Equal(SampleAsmr.Architecture.MacsPerSample(), architecture.GetProperty("macs_per_pixel").GetDouble(), 9);
        Assert.Equal(SampleAsmr.Architecture.SirenMacsPerSample(), architecture.GetProperty("siren_macs_per_pixel").GetDouble(), 9);

        var tensors = second.GetProperty("tensors");
        Assert.Equal(SampleAsmr.Architecture.TensorLayout().Count, tensors.GetArrayLength());
        Assert.Equal("modulation", tensors[0].GetProperty("role").GetString());
        Assert.Equal("adaptive", tensors[0].GetProperty("coding").GetString());
        Assert.Equal("raw", tensors[1].GetProperty("coding").GetString());
        Assert.All(tensors.EnumerateArray(), t => Assert.True(t.GetProperty("coded_bytes").GetInt64() > 0));
        Assert.All(tensors.EnumerateArray(), t => Assert.True(t.GetProperty("order0_entropy_bytes").GetDouble() >= 0));
        long coded = tensors.EnumerateArray().Sum(t => t.GetProperty("coded_bytes").GetInt64());
        Assert.Equal(second.GetProperty("model_bytes").GetInt64(), coded + second.GetProperty("header_bytes").GetInt64());

        var metadata = root.GetProperty("metadata");
        Assert.Equal("asmrc-tests", metadata.GetProperty("encoder").GetString());
        Assert.Equal(31.25, metadata.GetProperty("quality").GetProperty("psnr_y").GetDouble());
        Assert.Equal(7, metadata.GetProperty("settings").GetProperty("seed").GetInt32());
        Assert.Equal("written by Cli.Tests", metadata.GetProperty("extra").GetProperty("note").GetString());

        var sections = root.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(["MODL", "MODL", "SEGI", "SEQH", "meta"], sections.Select(s => s.GetProperty("tag").GetString()).Order(StringComparer.Ordinal));
        Assert.All(sections, s => Assert.Equal("ok", s.GetProperty("crc").GetString()));
        Assert.Equal(new FileInfo(path).Length, sections[^1].GetProperty("offset").GetInt64() + sections[^1].GetProperty("size_bytes").GetInt64());
    }

    [Fact]
    public async Task Info_of_a_version_3_file_reports_bytes_by_component()
    {
        string path = Repository.PathOf(Path.Combine("Conformance", "vectors", "v19-yuv420-16x16-4frames-context-2grids.asmr"));

        var text = await Asmrc.RunAsync("info", path);
        var json = await Asmrc.RunAsync("info", path, "--json");

        Assert.True(text.ExitCode == 0, text.ToString());
        AssertHas(text.StandardOutput, "version 3, needs a reader of version 3 or later");
        AssertHas(text.StandardOutput, "level 1 rank 3 over 2 time cells (context model of 5 hidden)");
        AssertHas(text.StandardOutput, "coded bytes by component: network ");
        AssertHas(text.StandardOutput, ", latents level 0 ");
        AssertHas(text.StandardOutput, ", latents level 1 ");
        AssertHas(text.StandardOutput, ", context models ");
        using var document = JsonDocument.Parse(json.StandardOutput);
        var segment = document.RootElement.GetProperty("segments")[0];
        var tensors = segment.GetProperty("tensors").EnumerateArray().ToList();
        var components = segment.GetProperty("component_bytes");
        long Sum(Func<string, bool> role) => tensors.Where(t => role(t.GetProperty("role").GetString()!)).Sum(t => t.GetProperty("coded_bytes").GetInt64());
        Assert.Equal(Sum(r => r.StartsWith("context_", StringComparison.Ordinal)), components.GetProperty("context_models").GetInt64());
        Assert.Equal(
            tensors.Single(t => t.GetProperty("role").GetString() == "grid_latents" && t.GetProperty("level").GetInt32() == 1).GetProperty("coded_bytes").GetInt64(),
            components.GetProperty("latents_level_1").GetInt64());
        Assert.Equal(
            segment.GetProperty("coded_bytes").GetInt64(),
            components.EnumerateObject().Sum(c => c.Value.GetInt64()));
        Assert.Contains(tensors, t => t.GetProperty("coding").GetString() == "context");
        Assert.Equal(5, segment.GetProperty("architecture").GetProperty("grids")[1].GetProperty("context_hidden").GetInt32());
    }

    [Fact]
    public async Task Info_without_metadata_reports_null_metadata()
    {
        string path = _temp.File("bare.asmr");
        SampleAsmr.Write(path, withMetadata: false);

        var result = await Asmrc.RunAsync("info", path, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("metadata").ValueKind);
    }

    [Fact]
    public async Task Info_on_a_missing_file_exits_2_with_one_line()
    {
        var result = await Asmrc.RunAsync("info", _temp.File("missing.asmr"));

        Assert.Equal(ExitCodes.InputError, result.ExitCode);
        Assert.Equal([$"asmrc: error: '{_temp.File("missing.asmr")}': no such file."], result.ErrorLines);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task Info_on_a_file_with_a_damaged_model_exits_3_with_one_line()
    {
        string path = _temp.File("damaged.asmr");
        SampleAsmr.Write(path);
        byte[] bytes = File.ReadAllBytes(path);
        int model = IndexOf(bytes, "MODL"u8);
        bytes[model + 30] ^= 0x5A;
        File.WriteAllBytes(path, bytes);

        var result = await Asmrc.RunAsync("info", path);

        Assert.Equal(ExitCodes.InvalidAsmr, result.ExitCode);
        string line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("asmrc: error: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", line.Replace("at offset", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(40)]
    public async Task Info_on_a_truncated_file_exits_3(int keep)
    {
        string path = _temp.File("cut.asmr");
        SampleAsmr.Write(path);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..keep]);

        var result = await Asmrc.RunAsync("info", path);

        Assert.Equal(ExitCodes.InvalidAsmr, result.ExitCode);
        Assert.Single(result.ErrorLines);
    }

    [Fact]
    public async Task Info_on_a_video_that_is_not_asmr_exits_3()
    {
        var result = await Asmrc.RunAsync("info", Repository.PathOf("samples/akiyo_cif_32f.mp4"));

        Assert.Equal(ExitCodes.InvalidAsmr, result.ExitCode);
        Assert.Contains("not an .asmr file", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_on_a_file_that_needs_a_newer_reader_exits_5()
    {
        string path = _temp.File("future.asmr");
        SampleAsmr.Write(path);
        byte[] bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(10), 8);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(20), Crc32.HashToUInt32(bytes.AsSpan(0, 20)));
        File.WriteAllBytes(path, bytes);

        var result = await Asmrc.RunAsync("info", path);

        Assert.Equal(ExitCodes.Unsupported, result.ExitCode);
        Assert.Single(result.ErrorLines);
    }

    [Fact]
    public async Task Info_on_a_folder_exits_2()
    {
        var result = await Asmrc.RunAsync("info", _temp.Path);
        Assert.Equal(ExitCodes.InputError, result.ExitCode);
        Assert.Contains("is a folder", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    private static void AssertHas(string text, string expected) =>
        Assert.True(text.Contains(expected, StringComparison.Ordinal), $"Missing \"{expected}\" in:\n{text}");

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle)
    {
        int index = haystack.AsSpan().IndexOf(needle);
        Assert.True(index >= 0);
        return index;
    }
}
