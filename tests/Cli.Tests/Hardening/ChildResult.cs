namespace Asmr.Cli.Tests.Hardening;

/// <summary>What one asmrc child process produced.</summary>
public sealed record ChildResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>The non-empty stderr lines that are not progress: the error line and its optional hint.</summary>
    public IReadOnlyList<string> MessageLines =>
        StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("asmrc:", StringComparison.Ordinal) || l.StartsWith("hint:", StringComparison.Ordinal) || l.Contains("   at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal))
            .ToList();

    /// <summary>
    /// Asserts the documented shape of a failure: exit code <paramref name="code"/>, exactly one
    /// <c>asmrc: error:</c> line (optionally followed by one <c>hint:</c> line), no stack trace.
    /// </summary>
    public void AssertFailure(int code, string? messageContains = null)
    {
        Assert.True(ExitCode == code, $"expected exit {code}\n{this}");
        var lines = MessageLines;
        Assert.True(lines.Count is 1 or 2, $"expected one error line (and at most a hint)\n{this}");
        Assert.StartsWith("asmrc: error: ", lines[0], StringComparison.Ordinal);
        if (lines.Count == 2)
        {
            Assert.StartsWith("hint: ", lines[1], StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", StandardError, StringComparison.Ordinal);
        if (messageContains is not null)
        {
            Assert.Contains(messageContains, lines[0], StringComparison.Ordinal);
        }
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout ({StandardOutput.Length} chars)\n{(StandardOutput.Length > 2000 ? StandardOutput[..2000] : StandardOutput)}\n--- stderr\n{StandardError}";
}
