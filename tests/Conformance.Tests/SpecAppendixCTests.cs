using System.Reflection;

namespace Asmr.Conformance.Tests;

/// <summary>spec/FORMAT.md Appendix C lists every committed vector as the manifest describes it, and nothing else.</summary>
public class SpecAppendixCTests
{
    [Fact]
    public void AppendixC_HasOneRowPerVector_WithSizeFramesAndKindAndMessage()
    {
        var rows = AppendixRows();
        var manifest = Vectors.Manifest.Vectors;

        Assert.Equal(manifest.Select(v => v.Name).Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var v in manifest)
        {
            string[] cells = rows[v.Name];
            if (v.Output is { } output)
            {
                Assert.Equal(v.FileSize.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[1]);
                Assert.Equal(output.FrameHashes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[2]);
            }
            else
            {
                Assert.Equal(v.Error!.Kind, cells[2]);
                Assert.Equal($"`{v.Error.MessageContains}`", cells[3]);
            }
        }
    }

    [Fact]
    public void AppendixC_StatesTheVectorCount() =>
        Assert.Contains($"all {Vectors.Manifest.Vectors.Count} together", Appendix(), StringComparison.Ordinal);

    /// <summary>Table rows of Appendix C whose first cell is a vector name: name → cells (name first).</summary>
    private static Dictionary<string, string[]> AppendixRows()
    {
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (string line in Appendix().Split('\n'))
        {
            if (!line.StartsWith("| `", StringComparison.Ordinal))
            {
                continue;
            }

            // Split on cell bars, not on escaped bars (\|) inside a cell.
            string[] cells = [.. line.Trim().Trim('|').Replace("\\|", "\u0001", StringComparison.Ordinal).Split('|').Select(c => c.Trim().Replace("\u0001", "\\|", StringComparison.Ordinal))];
            rows.Add(cells[0].Trim('`'), cells);
        }

        return rows;
    }

    private static string Appendix()
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("FORMAT.md")
            ?? throw new InvalidOperationException("FORMAT.md is not embedded in the test assembly.");
        using var reader = new StreamReader(stream);
        string spec = reader.ReadToEnd();
        int start = spec.IndexOf("\n## Appendix C.", StringComparison.Ordinal);
        Assert.True(start >= 0, "FORMAT.md has no Appendix C");
        int end = spec.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? spec[start..] : spec[start..end];
    }
}
