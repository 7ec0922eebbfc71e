using System.CommandLine.Parsing;
using System.Globalization;

namespace Asmr.Cli.Parsing;

/// <summary><c>--shard K/N</c>: shard K (from 1) of N.</summary>
/// <param name="Shard">K, 1..N.</param>
/// <param name="Count">N, 1..65535.</param>
internal readonly record struct ShardSpec(int Shard, int Count)
{
    /// <summary>The most shards a video may be split into (the PART section stores N as u16).</summary>
    public const int MaxCount = 65535;

    public static bool TryParse(string text, out ShardSpec shard, out string error)
    {
        shard = default;
        string[] parts = (text ?? string.Empty).Trim().Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            || n < 1 || n > MaxCount || k < 1 || k > n)
        {
            error = $"--shard must be K/N with 1 <= K <= N <= {MaxCount} (shard K of N, from 1), got '{text}'.";
            return false;
        }

        shard = new ShardSpec(k, n);
        error = string.Empty;
        return true;
    }

    /// <summary>The parser System.CommandLine calls for <c>--shard</c>.</summary>
    public static ShardSpec? Parse(ArgumentResult result)
    {
        string text = RepeatedOptions.LastToken(result);
        if (TryParse(text, out ShardSpec shard, out string error))
        {
            return shard;
        }

        result.AddError(error);
        return null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Shard}/{Count}");
}
