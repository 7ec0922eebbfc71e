using Asmr.Cli.Commands.Conform;
using Asmr.Cli.Commands.Info;
using Asmr.Cli.Commands.Play;
using Asmr.Cli.Tests.Support;

namespace Asmr.Cli.Tests.Parsing;

public sealed class OtherVerbsParsingTests
{
    [Fact]
    public void Play_reads_window_and_loop()
    {
        var parse = Parse.Args("play", "in.asmr", "--window", "--loop").Valid();
        var request = PlayCommand.FromParseResult(parse.Result, parse.Definition<PlayCommandDefinition>(), parse.Settings);
        Assert.Equal(new PlayRequest("in.asmr", Window: true, Loop: true, Environment.ProcessorCount), request);
    }

    [Fact]
    public void Play_defaults_to_the_terminal_without_looping()
    {
        var parse = Parse.Args("play", "in.asmr").Valid();
        var request = PlayCommand.FromParseResult(parse.Result, parse.Definition<PlayCommandDefinition>(), parse.Settings);
        Assert.False(request.Window);
        Assert.False(request.Loop);
    }

    [Fact]
    public void Play_requires_an_input()
    {
        Parse.Args("play").FailsWith("Required argument missing");
    }

    [Fact]
    public void Info_reads_json_flag()
    {
        var parse = Parse.Args("info", "in.asmr", "--json").Valid();
        Assert.True(parse.Result.GetValue(parse.Definition<InfoCommandDefinition>().Json));
    }

    [Fact]
    public void Info_rejects_two_files()
    {
        Parse.Args("info", "a.asmr", "b.asmr").FailsWith("Unrecognized command or argument");
    }

    [Fact]
    public void Conform_directory_is_optional()
    {
        var without = Parse.Args("conform").Valid();
        Assert.Null(ConformCommand.FromParseResult(without.Result, without.Definition<ConformCommandDefinition>(), without.Settings).Directory);

        var with = Parse.Args("conform", "vectors").Valid();
        Assert.Equal("vectors", ConformCommand.FromParseResult(with.Result, with.Definition<ConformCommandDefinition>(), with.Settings).Directory);
    }

    [Fact]
    public void Unknown_verb_is_an_error()
    {
        Parse.Args("transcode", "a", "b").FailsWith("Unrecognized command or argument");
    }

    [Fact]
    public void Unknown_option_is_an_error()
    {
        Parse.Args("info", "a.asmr", "--colour").FailsWith("--colour");
    }
}
