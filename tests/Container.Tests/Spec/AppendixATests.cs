using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Asmr.Container.Tests;

/// <summary>spec/FORMAT.md Appendix A shows the bytes the writer produces; these tests keep the two in step.</summary>
public partial class AppendixATests
{
    private static string Appendix()
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("FORMAT.md")
            ?? throw new InvalidOperationException("FORMAT.md is not embedded in the test assembly.");
        using var reader = new StreamReader(stream);
        string spec = reader.ReadToEnd();
        int start = spec.IndexOf("\n## Appendix A.", StringComparison.Ordinal);
        Assert.True(start >= 0, "FORMAT.md has no Appendix A");
        int end = spec.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? spec[start..] : spec[start..end];
    }

    private static byte[] Hex(string spaced) => Convert.FromHexString(spaced.Replace(" ", string.Empty, StringComparison.Ordinal));

    [GeneratedRegex(@"^([0-9A-F]{4})  ((?:[0-9A-F]{2} ?)+)$", RegexOptions.Multiline)]
    private static partial Regex DumpLine();

    [GeneratedRegex(@"^\| 0x([0-9A-F]+) \| (\d+) \| `([0-9A-F ]+)` \| [^|]+ \|$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [Fact]
    public void Writer_AppendixExample_ProducesTheHexDumpInTheSpec()
    {
        var dump = new List<byte>();
        foreach (Match line in DumpLine().Matches(Appendix()))
        {
            Assert.Equal(dump.Count, int.Parse(line.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            dump.AddRange(Hex(line.Groups[2].Value.Trim()));
        }

        byte[] written = Samples.ToBytes(Samples.AppendixExample());

        Assert.Equal(136, written.Length);
        Assert.Equal(written, dump.ToArray());
    }

    [Fact]
    public void Writer_AppendixExample_MatchesTheAnnotatedTableRowByRow()
    {
        byte[] written = Samples.ToBytes(Samples.AppendixExample());
        int position = 0;

        foreach (Match row in TableRow().Matches(Appendix()))
        {
            int start = int.Parse(row.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            int length = int.Parse(row.Groups[2].Value, CultureInfo.InvariantCulture);
            byte[] bytes = Hex(row.Groups[3].Value);
            Assert.Equal(position, start);
            Assert.Equal(length, bytes.Length);
            Assert.Equal(written[start..(start + length)], bytes);
            position += length;
        }

        Assert.Equal(written.Length, position);
    }

    [Fact]
    public void Reader_AppendixExample_ReadsTheFieldsTheTableDescribes()
    {
        byte[] bytes = Samples.ToBytes(Samples.AppendixExample());

        using AsmrReader reader = Samples.Open(bytes);

        Assert.Equal(Samples.AppendixExample().SequenceHeader, reader.SequenceHeader);
        Assert.Equal(new SegmentIndexEntry(0, 0, 1, 0x70, 24), Assert.Single(reader.Segments));
        Assert.Equal([1, 2, 3, 4], reader.ReadSegmentModel(0).ToArray());
    }
}
