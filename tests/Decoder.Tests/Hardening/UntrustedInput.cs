using System.Diagnostics;
using Asmr.Decoder.Files;

namespace Asmr.Decoder.Tests.Hardening;

/// <summary>Runs <see cref="UntrustedFileCheck"/> and classifies the outcome; anything undocumented fails the test.</summary>
internal static class UntrustedInput
{
    /// <summary>Decoded, rejected as corrupt, or rejected as needing a newer reader.</summary>
    public enum Outcome
    {
        Decoded,
        Corrupt,
        NeedsNewerReader,
    }

    /// <summary>Runs the shared pipeline; throws (failing the test) on an undocumented exception or when it takes longer than <paramref name="limit"/>.</summary>
    public static Outcome Check(byte[] bytes, string what, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        Outcome outcome;
        try
        {
            UntrustedFileCheck.Run(bytes);
            outcome = Outcome.Decoded;
        }
        catch (InvalidDataException)
        {
            outcome = Outcome.Corrupt;
        }
        catch (NotSupportedException)
        {
            outcome = Outcome.NeedsNewerReader;
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"{what}: undocumented {ex.GetType().Name} escaped: {ex}");
        }

        if (clock.Elapsed > limit)
        {
            throw new Xunit.Sdk.XunitException($"{what}: took {clock.Elapsed.TotalMilliseconds:F0} ms (limit {limit.TotalMilliseconds:F0} ms).");
        }

        return outcome;
    }
}
