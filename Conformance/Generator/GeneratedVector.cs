using Asmr.Conformance.Manifest;

namespace Asmr.Conformance.Generator;

/// <summary>A vector as the generator makes it: its manifest entry and its file bytes.</summary>
internal sealed record GeneratedVector(VectorEntry Entry, byte[] Bytes);
