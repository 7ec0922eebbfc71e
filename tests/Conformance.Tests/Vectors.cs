using Asmr.Conformance.Manifest;

namespace Asmr.Conformance.Tests;

/// <summary>Where the committed vectors are: copied next to the test assembly from Conformance/vectors.</summary>
internal static class Vectors
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "vectors");

    public static ConformanceManifest Manifest => ManifestSerializer.Load(Directory);

    public static TheoryData<string> ValidNames()
    {
        var data = new TheoryData<string>();
        foreach (var v in Manifest.Vectors.Where(v => v.IsValid))
        {
            data.Add(v.Name);
        }

        return data;
    }

    /// <summary>A fresh temporary copy of the committed vectors that a test may damage.</summary>
    public static string CopyToTemp()
    {
        string target = Path.Combine(Path.GetTempPath(), "asmr-conformance-test-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(target);
        foreach (string file in System.IO.Directory.GetFiles(Directory))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }
}
