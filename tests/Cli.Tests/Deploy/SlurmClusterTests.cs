using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Asmr.Cli.Tests.Hardening;
using Asmr.Cli.Tests.Support;

namespace Asmr.Cli.Tests.Deploy;

/// <summary>
/// The Slurm recipe on a real cluster: deploy/slurm/local-cluster.sh installs Slurm and MUNGE when missing (as root,
/// with apt-get) and starts a one-node cluster on this machine; deploy/slurm/submit.sh submits the real sbatch scripts
/// (three shards of a 7-frame, 4-segment clip, then the merge); the merged file must equal a single-machine encode byte
/// for byte. The daemons are stopped by their pids whatever happens. Not being root is a failure with the script's
/// one-line reason, never a skip: CI runs as root.
/// </summary>
public sealed class SlurmClusterTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);
    private static readonly string[] Encode = ["--segment-length", "2", "--steps", "20", "--preset", "fast"];

    [Fact]
    public async Task Three_shards_submitted_to_a_local_slurm_cluster_merge_into_the_single_machine_file()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("in.y4m"), TinyVideo.Y4m(16, 16, 7, 0));
        string cluster = temp.File("cluster");
        // Free ports, so a cluster already running here (or another test run) is not disturbed.
        var ports = new Dictionary<string, string?>
        {
            ["SLURMCTLD_PORT"] = FreePort(),
            ["SLURMD_PORT"] = FreePort(),
        };
        var single = await Asmrc.RunAsync(["encode", temp.File("in.y4m"), temp.File("single.asmr"), "--threads", "1", "--quiet", .. Encode]);
        Assert.True(single.ExitCode == ExitCodes.Success, single.ToString());

        var start = await RunAsync(Repository.PathOf("deploy/slurm/local-cluster.sh"), ["start", cluster], ports);
        try
        {
            Assert.True(start.ExitCode == 0, $"local-cluster.sh start failed:\n{start}");
            var environment = new Dictionary<string, string?>(ports)
            {
                ["SLURM_CONF"] = Path.Combine(cluster, "slurm.conf"),
                ["ASMRC"] = $"{ChildAsmrc.DotnetHost} {ChildAsmrc.Dll}",
            };

            var submit = await RunAsync(
                Repository.PathOf("deploy/slurm/submit.sh"),
                ["--shards", "3", "--threads", "1", "--wait", temp.File("in.y4m"), temp.File("merged.asmr"), .. Encode],
                environment);

            Assert.True(submit.ExitCode == 0, $"submit.sh failed:\n{submit}\n{Logs(temp.File("merged.asmr.shards"))}");
            Assert.Equal(
                ["part-1-of-3.asmrpart", "part-2-of-3.asmrpart", "part-3-of-3.asmrpart"],
                Directory.GetFiles(temp.File("merged.asmr.shards"), "*.asmrpart").Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal(File.ReadAllBytes(temp.File("single.asmr")), File.ReadAllBytes(temp.File("merged.asmr")));
        }
        finally
        {
            var stop = await RunAsync(Repository.PathOf("deploy/slurm/local-cluster.sh"), ["stop", cluster], ports);
            Assert.True(stop.ExitCode == 0, $"local-cluster.sh stop failed:\n{stop}");
        }

        foreach (string pid in Directory.GetFiles(cluster, "*.pid"))
        {
            Assert.Fail($"{Path.GetFileName(pid)} is left after stop: a daemon may still run.");
        }
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Logs(string folder) =>
        Directory.Exists(folder)
            ? string.Join('\n', Directory.GetFiles(folder, "*.log").Order(StringComparer.Ordinal).Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"))
            : $"(no folder {folder})";

    private static async Task<ChildResult> RunAsync(string script, string[] args, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} {string.Join(' ', args)} did not finish within {Limit}:\n{await stderr}");
        }

        return new ChildResult(process.ExitCode, await stdout, await stderr);
    }
}
