namespace Asmr.Media.IO;

/// <summary>An external media tool (ffmpeg or ffprobe) that the operation needs is not installed or not found.</summary>
public sealed class MediaToolMissingException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public MediaToolMissingException()
        : this("A required media tool (ffmpeg/ffprobe) was not found.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is missing and how to install it.</param>
    public MediaToolMissingException(string message)
        : base(message)
    {
        ToolName = string.Empty;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is missing and how to install it.</param>
    /// <param name="innerException">The cause.</param>
    public MediaToolMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
        ToolName = string.Empty;
    }

    /// <summary>Creates the exception for a named tool.</summary>
    /// <param name="toolName">"ffmpeg" or "ffprobe".</param>
    /// <param name="searched">Where it was looked for, completing "was not found …" ("on PATH", "in /opt/ff").</param>
    /// <remarks>The message says what is missing and where it was looked for; how to install it is the caller's to say (the CLI's hint).</remarks>
    internal MediaToolMissingException(string toolName, string searched)
        : base($"{toolName} was not found {searched}.")
    {
        ToolName = toolName;
    }

    /// <summary>The missing tool's name, or empty when not known.</summary>
    public string ToolName { get; }
}
