namespace Asmr.Conformance.Manifest;

/// <summary>How a reader must reject an invalid vector.</summary>
/// <param name="Kind">"corrupt" (the bytes break the specification) or "unsupported" (needs a newer reader), FORMAT.md §2.3.</param>
/// <param name="Exception">The exception asmrc raises: <c>System.IO.InvalidDataException</c> or <c>System.NotSupportedException</c>.</param>
/// <param name="MessageContains">A stable part of asmrc's message (ordinal, case-sensitive).</param>
internal sealed record ExpectedError(string Kind, string Exception, string MessageContains);
