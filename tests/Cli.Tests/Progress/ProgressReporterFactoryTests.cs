using Asmr.Cli.Hosting;
using Asmr.Cli.Progress;
using Spectre.Console;

namespace Asmr.Cli.Tests.Progress;

public sealed class ProgressReporterFactoryTests
{
    [Fact]
    public void Quiet_reports_nothing()
    {
        var error = new StringWriter();
        using var progress = ProgressReporterFactory.Create(GlobalSettings.Default with { Quiet = true }, CliConsole.Redirected(TextWriter.Null, error));
        progress.BeginStage("encoding", 10);
        progress.Report(10, "done");
        progress.WriteLine("summary");

        Assert.IsType<NullProgressReporter>(progress);
        Assert.Empty(error.ToString());
    }

    [Fact]
    public void A_redirected_stderr_gets_plain_lines()
    {
        var error = new StringWriter();
        using var progress = ProgressReporterFactory.Create(GlobalSettings.Default, CliConsole.Redirected(TextWriter.Null, error));
        Assert.IsType<PlainProgressReporter>(progress);
    }

    [Fact]
    public void The_live_bar_draws_nothing_when_no_stage_begins()
    {
        var output = new StringWriter();
        using (new SpectreProgressReporter(InteractiveConsole(output)))
        {
        }

        Assert.Empty(output.ToString());
    }

    [Fact]
    public void The_live_bar_draws_the_stage_status_and_percentage()
    {
        var output = new StringWriter();
        using (var progress = new SpectreProgressReporter(InteractiveConsole(output)))
        {
            progress.BeginStage("fitting [segment] 1/1", 4);
            progress.Report(2, "PSNR 28.1 dB");
            progress.WriteLine("note: halfway");
            progress.Report(4, "PSNR 30.2 dB");
        }

        string text = output.ToString();
        Assert.Contains("fitting [segment] 1/1  PSNR 30.2 dB", text, StringComparison.Ordinal);
        Assert.Contains("100%", text, StringComparison.Ordinal);
        Assert.Contains("note: halfway", text, StringComparison.Ordinal);
    }

    private static IAnsiConsole InteractiveConsole(StringWriter output) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output),
        Interactive = InteractionSupport.Yes,
        Ansi = AnsiSupport.Yes,
        ColorSystem = ColorSystemSupport.NoColors,
    });
}
