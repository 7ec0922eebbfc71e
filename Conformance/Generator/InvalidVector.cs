using Asmr.Conformance.Manifest;

namespace Asmr.Conformance.Generator;

/// <summary>An invalid vector as built: its bytes, and the error a reader must raise for it.</summary>
internal sealed record InvalidVector(string Name, string Description, string FeatureTag, byte[] Bytes, ExpectedError Error);
