namespace Asmr.Conformance.Running;

/// <summary>The verdict on one vector.</summary>
public enum VectorOutcome
{
    /// <summary>A valid vector decoded to the expected hashes, or an invalid one was rejected as expected.</summary>
    Pass = 0,

    /// <summary>Anything else: a hash differs, an error was raised or missing, or the vector file itself changed.</summary>
    Fail = 1,
}
