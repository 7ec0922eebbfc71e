namespace Asmr.Conformance;

internal static class AssemblyMarker
{
}
