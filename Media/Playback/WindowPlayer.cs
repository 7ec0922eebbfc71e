using System.Diagnostics;

namespace Asmr.Media.Playback;

/// <summary>
/// Plays in a window through ffplay: the decoded video is written as Y4M to ffplay's standard input, so ffplay
/// paces it at the stream's frame rate and shows it with the colours the Y4M header describes.
/// </summary>
public static class WindowPlayer
{
    /// <summary>
    /// Starts ffplay and streams Y4M into it with <paramref name="writeY4m"/>; returns ffplay's exit code.
    /// Closing the window ends the stream (the broken pipe is expected and not an error).
    /// </summary>
    public static async Task<int> PlayAsync(string ffplayPath, string title, Func<Stream, CancellationToken, Task> writeY4m, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writeY4m);
        var start = new ProcessStartInfo(ffplayPath)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "-hide_banner", "-loglevel", "error", "-autoexit", "-window_title", title, "-f", "yuv4mpegpipe", "-i", "-" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {ffplayPath}.");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            // One Y4M stream (one header); to loop, the writer repeats the frames after the header.
            await writeY4m(process.StandardInput.BaseStream, cancellationToken).ConfigureAwait(false);

            process.StandardInput.Close();
        }
        catch (IOException) when (process.HasExited || WaitBriefly(process))
        {
            // The user closed the window: ffplay stopped reading.
        }
        catch (OperationCanceledException)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            throw;
        }

        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        _ = await stderr.ConfigureAwait(false);
        return process.ExitCode;
    }

    private static bool WaitBriefly(Process process) => process.WaitForExit(1000);
}
