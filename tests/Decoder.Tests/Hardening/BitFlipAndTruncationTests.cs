namespace Asmr.Decoder.Tests.Hardening;

/// <summary>
/// Properties over the valid conformance vectors: every single-bit flip and every truncation is either rejected
/// with a documented exception or (for bytes no check covers) still decodes; nothing else escapes and nothing hangs.
/// </summary>
public sealed class BitFlipAndTruncationTests
{
    private static readonly TimeSpan PerInputLimit = TimeSpan.FromSeconds(2);

    [Theory]
    [MemberData(nameof(HardeningFiles.ValidVectors), MemberType = typeof(HardeningFiles))]
    public void Every_single_bit_flip_is_rejected_or_decodes(string file)
    {
        byte[] original = File.ReadAllBytes(Path.Combine(HardeningFiles.Vectors, file));
        byte[] bytes = (byte[])original.Clone();
        var decodedAt = new List<string>();
        for (int offset = 0; offset < bytes.Length; offset++)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                bytes[offset] ^= (byte)(1 << bit);
                var outcome = UntrustedInput.Check(bytes, $"{file} flip byte {offset} bit {bit}", PerInputLimit);
                if (outcome == UntrustedInput.Outcome.Decoded)
                {
                    decodedAt.Add($"{offset}.{bit}");
                }

                bytes[offset] = original[offset];
            }
        }

        Assert.Empty(decodedAt);
    }

    [Theory]
    [MemberData(nameof(HardeningFiles.ValidVectors), MemberType = typeof(HardeningFiles))]
    public void Every_truncation_is_rejected_as_corrupt(string file)
    {
        byte[] original = File.ReadAllBytes(Path.Combine(HardeningFiles.Vectors, file));
        for (int length = 0; length < original.Length; length++)
        {
            var outcome = UntrustedInput.Check(original[..length], $"{file} truncated to {length} bytes", PerInputLimit);
            Assert.True(outcome == UntrustedInput.Outcome.Corrupt, $"{file} truncated to {length} bytes: {outcome}");
        }
    }
}
