using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using Asmr.Container;

namespace Asmr.Cli.Help;

/// <summary><c>--version</c>: the asmrc version and the .asmr format versions this build writes and reads.</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    /// <summary>The asmrc version (informational, with the commit when the build knows it).</summary>
    public static string AsmrcVersion { get; } =
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionAction).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine($"asmrc {AsmrcVersion}");
        output.WriteLine($".asmr format version {FormatConstants.FormatVersion}; reads files that need reader version {FormatConstants.ReaderVersion} or lower");
        return ExitCodes.Success;
    }
}
