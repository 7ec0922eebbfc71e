namespace Asmr.Conformance.Generator;

/// <summary>Usage: <c>dotnet run --project Conformance/Generator -- OUTPUT_DIR</c>.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length != 1 || args[0] is "-h" or "--help")
        {
            Console.Error.WriteLine("usage: dotnet run --project Conformance/Generator -- OUTPUT_DIR");
            Console.Error.WriteLine("Writes the conformance vectors and manifest.json into OUTPUT_DIR (normally Conformance/vectors).");
            return 2;
        }

        VectorGenerator.Generate(args[0], Console.Out);
        return 0;
    }
}
