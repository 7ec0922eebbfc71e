namespace Asmr.Player;

internal static class AssemblyMarker
{
}
