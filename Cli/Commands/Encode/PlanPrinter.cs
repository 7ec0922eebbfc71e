using System.Globalization;
using System.Text;
using System.Text.Json;
using Asmr.Codec.Sharding;
using Asmr.Container;

namespace Asmr.Cli.Commands.Encode;

/// <summary>The output of <c>asmrc encode IN --plan</c>, as text or JSON (keys listed in README.md).</summary>
internal static class PlanPrinter
{
    public static string Text(SegmentPlan plan, SequenceHeader header, int start)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{header.FrameCount} frames {header.Width}x{header.Height} (from input frame {start}), {plan.Segments.Count} segment{(plan.Segments.Count == 1 ? string.Empty : "s")}\n");
        text.Append("segment  first frame  frames\n");
        foreach (var s in plan.Segments)
        {
            text.Append(CultureInfo.InvariantCulture, $"{s.Index,7}  {s.FirstFrame,11}  {s.FrameCount,6}\n");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"shards: 1 to {plan.MaxShards} (--shard K/N, N <= {plan.MaxShards}); with N = {plan.MaxShards} each shard fits one segment, the fastest split; more would have nothing to do\n");
        return text.ToString();
    }

    public static string Json(SegmentPlan plan, SequenceHeader header, int start)
    {
        var value = new
        {
            frames = header.FrameCount,
            width = header.Width,
            height = header.Height,
            start,
            segments = plan.Segments.Select(s => new { index = s.Index, first_frame = s.FirstFrame, frames = s.FrameCount }).ToArray(),
            max_shards = plan.MaxShards,
            shards = Enumerable.Range(1, plan.MaxShards).Select(n => new
            {
                count = n,
                segments = Enumerable.Range(1, n).Select(k => plan.Shard(k, n)).Select(r => new { first = r[0].Index, last = r[^1].Index }).ToArray(),
            }).Take(MaxShardTables).ToArray(),
        };
        return JsonSerializer.Serialize(value, Indented) + "\n";
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Splits listed in the JSON: every N up to this (a 10,000-segment plan needs not 10,000 tables).</summary>
    private const int MaxShardTables = 64;
}
