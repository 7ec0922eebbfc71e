namespace Asmr.Container;

internal static class AssemblyMarker
{
}
