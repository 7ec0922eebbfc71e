namespace Asmr.Codec;

internal static class AssemblyMarker
{
}
