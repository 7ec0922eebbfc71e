using System.Diagnostics;

namespace Asmr.Cli.Tests.Hardening;

/// <summary>
/// Running a child without root's privileges. Tests run as root in CI, where file modes do not stop reads or
/// writes; when this process is root and setpriv can start a process as nobody (uid 65534) that can read the given
/// paths, a test can also check what a normal user meets.
/// </summary>
internal static class Nobody
{
    public const int Id = 65534;

    public static bool IsRoot => Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";

    /// <summary>The setpriv arguments that run a program as nobody with no supplementary groups.</summary>
    public static string[] SetprivPrefix => [$"--reuid={Id}", $"--regid={Id}", "--clear-groups"];

    /// <summary>Whether a child can run as nobody and read every one of <paramref name="paths"/> (and asmrc.dll).</summary>
    public static bool CanRunAsNobody(params string[] paths)
    {
        if (!IsRoot)
        {
            return false;
        }

        foreach (string path in paths.Append(ChildAsmrc.Dll).Append(ChildAsmrc.DotnetHost))
        {
            var start = new ProcessStartInfo("setpriv") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string arg in SetprivPrefix.Concat(["test", "-r", path]))
            {
                start.ArgumentList.Add(arg);
            }

            try
            {
                using var process = Process.Start(start)!;
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    return false;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }

        return true;
    }
}
