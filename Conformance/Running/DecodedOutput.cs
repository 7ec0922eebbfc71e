namespace Asmr.Conformance.Running;

/// <summary>What decoding a vector gave: one SHA-256 per frame and the stream SHA-256 (spec §12), lowercase hex.</summary>
internal sealed record DecodedOutput(IReadOnlyList<string> FrameHashes, string StreamHash);
