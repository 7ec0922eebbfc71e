namespace Asmr.Conformance.Running;

/// <summary>The result of checking one vector.</summary>
/// <param name="Name">The vector's name.</param>
/// <param name="IsValidVector">True when the vector must decode, false when it must be rejected.</param>
/// <param name="Outcome">Pass or fail.</param>
/// <param name="Reason">Why it failed, or a short note of what passed ("7 frames", "rejected: ...").</param>
/// <param name="Elapsed">Wall-clock time spent on the vector.</param>
public sealed record VectorResult(string Name, bool IsValidVector, VectorOutcome Outcome, string Reason, TimeSpan Elapsed)
{
    public bool Passed => Outcome == VectorOutcome.Pass;
}
