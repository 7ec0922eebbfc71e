// Inline MSBuild task (compiled by RoslynCodeTaskFactory from Directory.Build.targets).
// TorchSharp-cpu 0.107.0's libLibTorchSharp.so requires GLIBCXX_3.4.32 only for _ZSt21ios_base_library_initv,
// a link-time anchor that is never called. On systems whose libstdc++ lacks that version (Debian 12), this task
// marks the version need as weak (VER_FLG_WEAK in vna_flags of the .gnu.version_r entry), so the loader accepts it.
using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class PatchLibTorchSharp : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;
    private const string VersionName = "GLIBCXX_3.4.32";

    [Required]
    public ITaskItem[] Files { get; set; }

    public override bool Execute()
    {
        if (Files == null || Files.Length == 0 || SystemHasVersion())
        {
            return true;
        }

        foreach (ITaskItem item in Files)
        {
            string path = item.ItemSpec;
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                if (Patch(path))
                {
                    Log.LogMessage(MessageImportance.High, "Marked {0} weak in {1} (system libstdc++ lacks it).", VersionName, path);
                }
            }
            catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException)
            {
                Log.LogWarning("Could not patch {0}: {1}", path, e.Message);
            }
        }

        return !Log.HasLoggedErrors;
    }

    private static bool SystemHasVersion()
    {
        string lib = FindLibStdCxx();
        if (lib == null)
        {
            return true; // Not a glibc Linux system we understand: leave the file alone.
        }

        byte[] needle = Encoding.ASCII.GetBytes(VersionName);
        byte[] data = File.ReadAllBytes(lib);
        for (int i = 0; i + needle.Length <= data.Length; i++)
        {
            int k = 0;
            while (k < needle.Length && data[i + k] == needle[k])
            {
                k++;
            }

            if (k == needle.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static string FindLibStdCxx()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return null;
        }

        string[] candidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/lib64/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6",
        };
        foreach (string c in candidates)
        {
            if (File.Exists(c))
            {
                return c;
            }
        }

        try
        {
            var psi = new ProcessStartInfo("ldconfig", "-p") { RedirectStandardOutput = true, UseShellExecute = false };
            using (Process p = Process.Start(psi))
            {
                string output = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                foreach (string line in output.Split('\n'))
                {
                    int arrow = line.IndexOf("=>", StringComparison.Ordinal);
                    if (line.TrimStart().StartsWith("libstdc++.so.6", StringComparison.Ordinal) && arrow > 0 && line.Contains("x86-64"))
                    {
                        string path = line.Substring(arrow + 2).Trim();
                        if (File.Exists(path))
                        {
                            return path;
                        }
                    }
                }
            }
        }
        catch (Exception)
        {
            // ldconfig unavailable.
        }

        return null;
    }

    /// <summary>Returns true when the file was changed.</summary>
    internal static bool Patch(string path)
    {
        byte[] d = File.ReadAllBytes(path);
        if (d.Length < 64 || d[0] != 0x7f || d[1] != (byte)'E' || d[2] != (byte)'L' || d[3] != (byte)'F')
        {
            throw new InvalidDataException("not an ELF file");
        }

        if (d[4] != 2 || d[5] != 1)
        {
            throw new InvalidDataException("not a little-endian ELF64 file");
        }

        ulong shoff = U64(d, 0x28);
        int shentsize = U16(d, 0x3A);
        int shnum = U16(d, 0x3C);
        if (shoff == 0 || shentsize < 64 || shoff + (ulong)shentsize * (ulong)shnum > (ulong)d.Length)
        {
            throw new InvalidDataException("bad section header table");
        }

        bool changed = false;
        for (int s = 0; s < shnum; s++)
        {
            int sh = checked((int)shoff + s * shentsize);
            if (U32(d, sh + 4) != ShtGnuVerneed)
            {
                continue;
            }

            long secOff = checked((long)U64(d, sh + 0x18));
            long secSize = checked((long)U64(d, sh + 0x20));
            int link = (int)U32(d, sh + 0x28);
            uint count = U32(d, sh + 0x2C); // sh_info = number of Verneed entries
            if (link >= shnum || secOff + secSize > d.Length)
            {
                throw new InvalidDataException("bad verneed section");
            }

            int strSh = checked((int)shoff + link * shentsize);
            long strOff = checked((long)U64(d, strSh + 0x18));
            long strSize = checked((long)U64(d, strSh + 0x20));
            if (strOff + strSize > d.Length)
            {
                throw new InvalidDataException("bad string table");
            }

            long vn = secOff;
            for (uint i = 0; i < count; i++)
            {
                if (vn + 16 > secOff + secSize)
                {
                    throw new InvalidDataException("verneed chain leaves its section");
                }

                int cnt = U16(d, (int)vn + 2);
                long aux = vn + U32(d, (int)vn + 8);
                for (int k = 0; k < cnt; k++)
                {
                    if (aux + 16 > secOff + secSize)
                    {
                        throw new InvalidDataException("vernaux chain leaves its section");
                    }

                    uint nameOff = U32(d, (int)aux + 8);
                    if (nameOff < strSize && NameEquals(d, strOff + nameOff, strOff + strSize, VersionName))
                    {
                        int flagsPos = (int)aux + 4;
                        ushort flags = (ushort)U16(d, flagsPos);
                        if ((flags & VerFlgWeak) == 0)
                        {
                            flags |= VerFlgWeak;
                            d[flagsPos] = (byte)flags;
                            d[flagsPos + 1] = (byte)(flags >> 8);
                            changed = true;
                        }
                    }

                    uint next = U32(d, (int)aux + 12);
                    if (next == 0)
                    {
                        break;
                    }

                    aux += next;
                }

                uint vnNext = U32(d, (int)vn + 12);
                if (vnNext == 0)
                {
                    break;
                }

                vn += vnNext;
            }
        }

        if (changed)
        {
            string tmp = path + ".patching";
            File.WriteAllBytes(tmp, d);
            File.Delete(path); // unlinks: never writes through a hard link into the package cache
            File.Move(tmp, path);
        }

        return changed;
    }

    private static bool NameEquals(byte[] d, long pos, long end, string name)
    {
        for (int i = 0; i < name.Length; i++)
        {
            if (pos + i >= end || d[pos + i] != (byte)name[i])
            {
                return false;
            }
        }

        return pos + name.Length < end && d[pos + name.Length] == 0;
    }

    private static int U16(byte[] d, int o) => d[o] | (d[o + 1] << 8);

    private static uint U32(byte[] d, int o) => (uint)(d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24));

    private static ulong U64(byte[] d, int o) => U32(d, o) | ((ulong)U32(d, o + 4) << 32);
}
