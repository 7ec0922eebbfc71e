using Asmr.Conformance.Generator;
using Asmr.Conformance.Tests.Reference;
using Asmr.Container;
using Asmr.Decoder.Inference;

namespace Asmr.Conformance.Tests;

/// <summary>
/// Every number of the worked example in spec/FORMAT.md (Appendix B) is checked here, against both the
/// spec-literal decoder and asmrc's decoder, so the appendix cannot drift from the code.
/// </summary>
public class WorkedExampleTests
{
    private const string PayloadHex =
        "0100000000000100000002030200000001000100010002000200010001000500" + // model header (32 bytes)
        "01000200000002000000000000010004000000200F0840" + // tensor #1 record and data
        "0101020000000300000000004000000700000000800100003F0A" + // tensor #2
        "020001000000020000000000100000040000008008FF0F" + // tensor #3
        "0400030000000200000000000100000C000000C00CD704E707B0099003880E" + // tensor #4
        "0500010000000300000000001000010C00000000BFFFF5967D276F5E592100"; // tensor #5

    [Fact]
    public void Payload_IsTheBytesInTheAppendix() =>
        Assert.Equal(PayloadHex, Convert.ToHexString(WorkedExample.Payload()));

    [Fact]
    public void ModulationPatterns_AreTheAppendixValues()
    {
        var d = new SpecDecoder(SpecModelParser.Parse(WorkedExample.Payload()));

        Assert.Equal(new uint[] { 0x10000000, 0xF8000000 }, d.PatternRow(0, 0));
        Assert.Equal(new uint[] { 0x04000000, 0x20000000 }, d.PatternRow(0, 1));
        Assert.Equal(new uint[] { 0x00000000, 0x00000000 }, d.PatternRow(1, 0));
        Assert.Equal(new uint[] { 0x10000000, 0xF8000000 }, d.PatternRow(1, 1));
    }

    [Fact]
    public void SampleTopLeft_IntermediateValuesAreTheAppendixValues()
    {
        var t = new SpecDecoder(SpecModelParser.Parse(WorkedExample.Payload())).Trace(0, 0, 0);

        Assert.Equal(new[] { 0, 0 }, t.Delta);
        Assert.Equal(new uint[] { 0x30000000, 0xB8000000 }, t.Theta[0]);
        Assert.Equal(new uint[] { 0x30000000, 0xB8000000 }, t.Pre);
        Assert.Equal(new[] { 15137, -16069 }, t.SinPre);
        Assert.Equal(new[] { 6270, -3196 }, t.CosPre);
        Assert.Equal(new uint[] { 0, 0 }, t.M);
        Assert.Equal(new[] { 16384, 16384 }, t.CosM);
        Assert.Equal(new[] { 0, 0 }, t.SinM);
        Assert.Equal(new[] { 2956, 1177 }, t.A[0]);
        Assert.Equal(new[] { 1225, 234 }, t.B[0]);
        Assert.Equal(new[] { -1848, -2354 }, t.A[1]);
        Assert.Equal(new[] { -765, -468 }, t.B[1]);
        Assert.Equal(new[] { 739, -3531 }, t.A[2]);
        Assert.Equal(new[] { 306, -702 }, t.B[2]);
        Assert.Equal(new[] { 201932800, 31817728, 122028032 }, t.V);
    }

    [Fact]
    public void SampleBottomRight_IntermediateValuesAreTheAppendixValues()
    {
        var t = new SpecDecoder(SpecModelParser.Parse(WorkedExample.Payload())).Trace(0, 1, 1);

        Assert.Equal(new[] { 1, 1 }, t.Delta);
        Assert.Equal(new uint[] { 0x24000000, 0xE0000000 }, t.Theta[0]);
        Assert.Equal(new uint[] { 0x34000000, 0xD8000000 }, t.Theta[1]);
        Assert.Equal(new uint[] { 0x24000000, 0xE0000000 }, t.Pre);
        Assert.Equal(new[] { 12665, -11585 }, t.SinPre);
        Assert.Equal(new[] { 10394, 11585 }, t.CosPre);
        Assert.Equal(new uint[] { 0x10000000, 0xF8000000 }, t.M);
        Assert.Equal(new[] { 15137, 16069 }, t.CosM);
        Assert.Equal(new[] { 6270, -3196 }, t.SinM);
        Assert.Equal(new[] { 2474, 849 }, t.A[0]);
        Assert.Equal(new[] { 2030, -849 }, t.B[0]);
        Assert.Equal(new[] { 200750751, 36612159, 131263296 }, t.V);
    }

    [Fact]
    public void Output_SpecDecoderAndAsmrcDecoderGiveTheAppendixSamples()
    {
        int[][] expected = [[193, 180, 195, 191], [30, 45, 30, 35], [116, 130, 121, 125]];

        var spec = new SpecDecoder(SpecModelParser.Parse(WorkedExample.Payload())).DecodeFrames(2, 2, 3, 8)[0];
        var frame = new SegmentDecoder(WorkedExample.Model(), 2, 2, ChromaFormat.Yuv444, 8, new DecoderOptions { Threads = 1 }).DecodeFrame(0);

        Assert.Equal(expected, spec);
        Assert.Equal(expected, frame.Planes.Select(p => p.Select(s => (int)s).ToArray()).ToArray());
    }

    [Fact]
    public void FrameHash_IsTheAppendixValueAndTheVectorsExpectedHash()
    {
        byte[] bytes = [193, 180, 195, 191, 30, 45, 30, 35, 116, 130, 121, 125];
        const string Hash = "9b219a0ab1a8e220cf965353e0ad5795eba0eac7b60ce002a10de3cda46131e9";

        Assert.Equal(Hash, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        var entry = Vectors.Manifest.Vectors.Single(v => v.Name == "v12-worked-example");
        Assert.Equal([Hash], entry.Output!.FrameHashes);
        Assert.Equal(Hash, entry.Output.StreamHash);
    }
}
