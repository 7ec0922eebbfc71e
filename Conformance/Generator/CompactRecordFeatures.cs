using Asmr.Container.Model;

namespace Asmr.Conformance.Generator;

/// <summary>
/// The feature tags of a model_version 7 model's compact record headers (spec §10.2): the lengths its μ and
/// byte_length varints take, and whether it goes without the output filter that model_version 6 requires.
/// </summary>
internal static class CompactRecordFeatures
{
    public static void Add(ISet<string> tags, SegmentModel model)
    {
        if (!model.Architecture.CompactRecords)
        {
            return;
        }

        tags.Add("compact-record-headers");
        if (model.Filter is null)
        {
            tags.Add("compact-record-headers-without-filter");
        }

        ModelPayloadWriter.Write(model, out int[] byteLengths);
        var records = model.Records();
        for (int i = 0; i < records.Count; i++)
        {
            tags.Add($"compact-multiplier-varint-{ModelPayloadFormat.VarintLength(records[i].Multiplier)}-bytes");
            if (ModelPayloadFormat.VarintLength((uint)byteLengths[i]) > 1)
            {
                tags.Add("compact-byte-length-varint-2-bytes-or-more");
            }
        }
    }
}
