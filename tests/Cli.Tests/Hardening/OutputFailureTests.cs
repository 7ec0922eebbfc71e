using System.Diagnostics;
using Asmr.Cli.Tests.Support;

namespace Asmr.Cli.Tests.Hardening;

/// <summary>Outputs that cannot be written: exit code 4, one error line, nothing partial or temporary left behind.</summary>
public sealed class OutputFailureTests
{
    [Theory]
    [InlineData("out.y4m")]
    [InlineData("frames/f_%03d.png")]
    public async Task A_missing_output_folder_exits_4(string output)
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));

        var result = await ChildAsmrc.RunAsync("decode", temp.File("in.asmr"), temp.File(Path.Combine("missing", output)));

        result.AssertFailure(ExitCodes.OutputError, "does not exist");
        Assert.Equal(["in.asmr"], HardeningInputs.Listing(temp.Path));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_read_only_output_folder_exits_4_for_a_normal_user_and_is_written_by_root()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));
        string folder = Directory.CreateDirectory(temp.File("ro")).FullName;
        var readOnly = UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(folder, readOnly);
        bool asNobody = Nobody.CanRunAsNobody(temp.File("in.asmr"), folder);

        if (CanCreateIn(folder))
        {
            // Root (as in CI) writes into a read-only folder anyway.
            var asRoot = await ChildAsmrc.RunAsync("decode", temp.File("in.asmr"), Path.Combine(folder, "out.y4m"));
            Assert.True(asRoot.ExitCode == ExitCodes.Success, asRoot.ToString());
            Assert.Equal(["out.y4m"], HardeningInputs.Listing(folder));
            File.Delete(Path.Combine(folder, "out.y4m"));
        }
        else
        {
            asNobody = false;
            var result = await ChildAsmrc.RunAsync("decode", temp.File("in.asmr"), Path.Combine(folder, "out.y4m"));
            result.AssertFailure(ExitCodes.OutputError);
        }

        if (asNobody)
        {
            // The folder is root's and read-only: nobody cannot write it, whatever root could do.
            var result = await ChildAsmrc.RunAsync(["decode", temp.File("in.asmr"), Path.Combine(folder, "out.y4m")], temp.Path, asNobody: true);
            result.AssertFailure(ExitCodes.OutputError);
        }

        Assert.Empty(HardeningInputs.Listing(folder));
    }

    [Fact]
    public async Task An_existing_output_is_refused_with_exit_4_and_kept_unless_overwrite_is_given()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));
        File.WriteAllText(temp.File("out.y4m"), "keep me");

        var refused = await ChildAsmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("out.y4m"));
        refused.AssertFailure(ExitCodes.OutputError, "already exists");
        Assert.Equal("keep me", File.ReadAllText(temp.File("out.y4m")));

        var replaced = await ChildAsmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("out.y4m"), "-y");
        Assert.True(replaced.ExitCode == ExitCodes.Success, replaced.ToString());
        Assert.StartsWith("YUV4MPEG2 ", File.ReadAllText(temp.File("out.y4m")), StringComparison.Ordinal);
        Assert.Equal(["in.asmr", "out.y4m"], HardeningInputs.Listing(temp.Path));
    }

    [Fact]
    public async Task A_full_disk_on_stdout_exits_4()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));

        var result = await ChildAsmrc.RunAsync(["decode", temp.File("in.asmr"), "-"], temp.Path, stdoutPath: "/dev/full");

        result.AssertFailure(ExitCodes.OutputError);
        Assert.Equal(["in.asmr"], HardeningInputs.Listing(temp.Path));
    }

    [Fact]
    public async Task A_full_disk_on_a_file_output_exits_4_and_leaves_no_partial_or_temporary_file()
    {
        using var temp = new TempDirectory();
        HardeningInputs.WriteSlowAsmr(temp.File("in.asmr"));
        string small = Directory.CreateDirectory(temp.File("small")).FullName;
        bool mounted = Mount(small);
        try
        {
            // A 64 KiB tmpfs when this process may mount one (root); where it may not, the same decode writes y4m
            // on stdout into /dev/full, the other way to meet ENOSPC without privileges.
            string output = mounted ? Path.Combine(small, "out.y4m") : "-";
            var result = await ChildAsmrc.RunAsync(
                ["decode", temp.File("in.asmr"), output, "--frames", "0:2", "--crop", "0,0,320,240"],
                temp.Path,
                stdoutPath: mounted ? null : "/dev/full");

            result.AssertFailure(ExitCodes.OutputError);
            Assert.Empty(HardeningInputs.Listing(small));
        }
        finally
        {
            if (mounted)
            {
                Run("umount", small);
            }
        }
    }

    [Fact]
    public async Task An_encode_whose_file_cannot_fit_in_the_free_space_exits_4_before_training()
    {
        using var temp = new TempDirectory();
        HardeningInputs.WriteY4m(temp.File("in.y4m"), 16, 16, frames: 2);

        // No file system here has 1.25 PB free, so the check must refuse at once.
        var result = await ChildAsmrc.RunAsync("encode", temp.File("in.y4m"), temp.File("out.asmr"), "--size", "1000T");

        result.AssertFailure(ExitCodes.OutputError, $"Not enough space for '{temp.File("out.asmr")}'");
        Assert.DoesNotContain("fitting", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(["in.y4m"], HardeningInputs.Listing(temp.Path));
    }

    [Fact]
    public async Task A_disk_that_fills_during_training_fails_the_encode_with_exit_4_naming_the_output_and_leaving_nothing()
    {
        using var temp = new TempDirectory();
        HardeningInputs.WriteY4m(temp.File("in.y4m"), 16, 16, frames: 2);
        string small = Directory.CreateDirectory(temp.File("small")).FullName;
        if (!Mount(small))
        {
            // Only root may mount the small file system this needs; the check before training is tested above.
            return;
        }

        try
        {
            string output = Path.Combine(small, "out.asmr");
            using var stdout = new StringWriter();
            using var stderr = new DiskFillingWriter("fitting", Path.Combine(small, "filler"));
            int code = await AsmrcCli.RunAsync(
                ["encode", temp.File("in.y4m"), output, "--preset", "fast", "--steps", "20", "--threads", "1"],
                Asmr.Cli.Hosting.CliConsole.Redirected(stdout, stderr),
                CancellationToken.None);

            Assert.True(stderr.Filled, $"the disk was never filled:\n{stderr}");
            var result = new ChildResult(code, stdout.ToString(), stderr.ToString());
            result.AssertFailure(ExitCodes.OutputError, $"'{output}'");
            Assert.DoesNotContain(".tmp", result.StandardError, StringComparison.Ordinal);
            Assert.Equal(["filler"], HardeningInputs.Listing(small));
        }
        finally
        {
            Run("umount", small);
        }
    }

    [Fact]
    public async Task An_output_on_a_read_only_file_system_is_refused_naming_the_output_not_a_probe_file()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));
        string readOnly = Directory.CreateDirectory(temp.File("ro")).FullName;
        if (Run("mount", "-t", "tmpfs", "-o", "size=64k,ro", "tmpfs", readOnly) != 0)
        {
            // Only root may mount it; a normal user meets the same check through a read-only folder (tested above).
            return;
        }

        try
        {
            string output = Path.Combine(readOnly, "out.y4m");
            var result = await ChildAsmrc.RunAsync("decode", temp.File("in.asmr"), output);

            result.AssertFailure(ExitCodes.OutputError, $"'{output}'");
            Assert.DoesNotContain("asmrc-write-test", result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            Run("umount", readOnly);
        }
    }

    private static bool Mount(string folder) => Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder) == 0;

    private static int Run(string tool, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    private static bool CanCreateIn(string folder)
    {
        string probe = Path.Combine(folder, ".probe");
        try
        {
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
