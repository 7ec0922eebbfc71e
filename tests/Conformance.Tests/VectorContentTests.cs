using Asmr.Conformance.Tests.Reference;
using Asmr.Container;
using Xunit.Abstractions;

namespace Asmr.Conformance.Tests;

/// <summary>The synthetic pictures are meaningful: they vary and are mostly not clipped to 0 or 2^D − 1.</summary>
public class VectorContentTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Vectors.ValidNames), MemberType = typeof(Vectors))]
    public void ValidVector_DecodedPlanesVaryAndAreMostlyUnclipped(string name)
    {
        var entry = Vectors.Manifest.Vectors.Single(v => v.Name == name);
        using var reader = AsmrReader.Open(Path.Combine(Vectors.Directory, entry.File));
        var sequence = reader.SequenceHeader;
        int max = (1 << sequence.BitDepth) - 1;
        long clipped = 0, total = 0;
        var distinct = new HashSet<int>[sequence.PlaneCount];
        for (int p = 0; p < distinct.Length; p++)
        {
            distinct[p] = [];
        }

        foreach (var segment in reader.Segments)
        {
            var model = SpecModelParser.Parse(reader.ReadSegmentModel(segment.Index).ToArray(), reader.Header.MinReaderVersion, sequence.Width, sequence.Height);
            foreach (int[][] frame in new SpecDecoder(model).DecodeFrames(sequence.Width, sequence.Height, (int)sequence.ChromaFormat, sequence.BitDepth))
            {
                for (int p = 0; p < frame.Length; p++)
                {
                    total += frame[p].Length;
                    clipped += frame[p].Count(s => s == 0 || s == max);
                    distinct[p].UnionWith(frame[p]);
                }
            }
        }

        output.WriteLine($"{name}: {clipped} of {total} samples clipped; distinct values per plane: {string.Join(", ", distinct.Select(d => d.Count))}");
        double allowed = entry.Features.Contains("samples-clipped-at-max") && entry.Features.Contains("samples-clipped-at-0") ? 0.6 : 0.25;
        Assert.True(clipped <= total * allowed, $"{clipped} of {total} samples are clipped");
        long samplesPerPlane = total / distinct.Length;
        if (samplesPerPlane >= 2)
        {
            Assert.All(distinct, d => Assert.True(d.Count >= 2, $"a plane has only {d.Count} distinct value(s)"));
        }
    }
}
