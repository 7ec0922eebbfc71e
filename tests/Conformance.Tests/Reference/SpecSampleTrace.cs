namespace Asmr.Conformance.Tests.Reference;

/// <summary>Every intermediate value of §11.4 for one grid sample, for the worked example.</summary>
internal sealed record SpecSampleTrace(
    int[] Delta,
    uint[][] P,
    uint[][] Theta,
    uint[] Pre,
    int[] SinPre,
    int[] CosPre,
    int[][] A,
    int[][] B,
    uint[] M,
    int[] CosM,
    int[] SinM,
    int[] V);
