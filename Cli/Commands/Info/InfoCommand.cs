using System.CommandLine;
using Asmr.Cli.Hosting;
using Asmr.Cli.Commands.Info.Report;
using Asmr.Cli.IO;
using Asmr.Container;

namespace Asmr.Cli.Commands.Info;

/// <summary>The behaviour of <c>asmrc info</c>: read the file's structure (no decoding) and print it.</summary>
internal static class InfoCommand
{
    public static Task<int> ExecuteAsync(ParseResult parseResult, InfoCommandDefinition definition, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(context);
        var request = new InfoRequest(parseResult.GetRequiredValue(definition.Input), parseResult.GetValue(definition.Json));
        FileChecks.RequireInputFile(request.Input, allowStdin: true);
        cancellationToken.ThrowIfCancellationRequested();
        InfoReport report;
        if (request.Input == FileChecks.StandardStream)
        {
            using var stdin = StandardInput.ReadAll(context.Console, cancellationToken);
            if (PartInfoPrinter.IsPart(stdin))
            {
                context.Console.Out.Write(PartInfoPrinter.Describe(PartReader.Read(stdin, cancellationToken), "stdin", stdin.Length, request.Json));
                return Task.FromResult(ExitCodes.Success);
            }

            report = InfoReportReader.Read(stdin, "stdin", cancellationToken);
        }
        else
        {
            using (var peek = File.OpenRead(request.Input))
            {
                if (PartInfoPrinter.IsPart(peek))
                {
                    context.Console.Out.Write(PartInfoPrinter.Describe(PartReader.Read(peek, cancellationToken), request.Input, peek.Length, request.Json));
                    return Task.FromResult(ExitCodes.Success);
                }
            }

            report = InfoReportReader.Read(request.Input, cancellationToken);
        }

        if (request.Json)
        {
            context.Console.Out.WriteLine(InfoJsonWriter.ToJson(report));
        }
        else
        {
            InfoTextRenderer.Write(report, context.Console.Out);
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
