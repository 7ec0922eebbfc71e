using System.Text.Json;

namespace Asmr.Decoder.Tests.Hardening;

/// <summary>The files the hardening tests replay: copied next to the test assembly by the project file.</summary>
internal static class HardeningFiles
{
    public static string FuzzCorpus { get; } = Path.Combine(AppContext.BaseDirectory, "fuzz", "corpus");

    public static string FuzzRegressions { get; } = Path.Combine(AppContext.BaseDirectory, "fuzz", "regressions");

    public static string Vectors { get; } = Path.Combine(AppContext.BaseDirectory, "vectors");

    /// <summary>Every .asmr file of the fuzz seed corpus and of the fuzz regressions.</summary>
    public static IReadOnlyList<string> FuzzInputs()
    {
        var files = new List<string>();
        foreach (string folder in new[] { FuzzCorpus, FuzzRegressions })
        {
            if (Directory.Exists(folder))
            {
                files.AddRange(Directory.GetFiles(folder, "*.asmr"));
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>The file names of the valid conformance vectors, from manifest.json.</summary>
    public static IReadOnlyList<string> ValidVectorFiles()
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Vectors, "manifest.json")));
        return manifest.RootElement.GetProperty("vectors").EnumerateArray()
            .Where(v => v.GetProperty("valid").GetBoolean())
            .Select(v => v.GetProperty("file").GetString()!)
            .ToList();
    }

    public static TheoryData<string> ValidVectors()
    {
        var data = new TheoryData<string>();
        foreach (string file in ValidVectorFiles())
        {
            data.Add(file);
        }

        return data;
    }
}
