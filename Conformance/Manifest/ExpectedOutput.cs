namespace Asmr.Conformance.Manifest;

/// <summary>The decoded-output hashes (spec §12) a valid vector must produce, lowercase hex SHA-256.</summary>
/// <param name="FrameHashes">One hash per frame, in display order.</param>
/// <param name="StreamHash">The hash of all frames' bytes together.</param>
internal sealed record ExpectedOutput(IReadOnlyList<string> FrameHashes, string StreamHash);
